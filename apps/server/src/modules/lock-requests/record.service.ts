import { randomUUID } from 'node:crypto'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { ACCOUNTS, authorityLockState } from '../accounts/index.js'
import { assertWithinJurisdiction } from '../officers/index.js'
import { checkLetter } from './letter.checks.js'
import { auditLockRequest, type Ctx } from './lock-request.audit.js'
import { receivingUnitOf } from './lock-request.load.js'
import { findLockRequest, insertLockRequest, moveLockRequest } from './lock-request.repository.js'
import { LOCK_REQUESTS } from './lock-requests.errors.js'
import type { LockRequestGround, LockRequestKind } from './lock-requests.table.js'

export type LockRequestDeps = Pick<Deps, 'db' | 'clock' | 'policy'>

/** The authority's written request as the receiving officer types it. */
export type AuthorityRequest = {
  personalId: string
  kind: LockRequestKind
  ground: LockRequestGround
  authority: { name: string; documentNumber: string; documentDate: string }
  /** A lock only: the last day it holds (the accounts lock job lifts it the day after). */
  lockUntil?: string | undefined
  note?: string | undefined
}

// A lock needs no authority lock in force, an unlock needs one: checked again when the decision carries it out.
const checkAccount = async (deps: LockRequestDeps, input: AuthorityRequest) => {
  const state = (await authorityLockState(deps.db, input.personalId)) ?? fail(ACCOUNTS.NOT_FOUND)
  if (state.status === 'closed') fail(ACCOUNTS.ACCOUNT_CLOSED)
  if (input.kind === 'lock' && state.authorityLocked) fail(ACCOUNTS.ALREADY_LOCKED_BY_AUTHORITY)
  if (input.kind === 'unlock' && !state.authorityLocked) fail(ACCOUNTS.NOT_LOCKED_BY_AUTHORITY)
  return state.accountId
}

/**
 * Records an authority's written request at the counter (D69 Art 29-30): the receiving unit must forward
 * it within 1 working day, the decision is due 2 working days later (policy.authorityLockDeadlines).
 */
export const recordLockRequest = async (deps: LockRequestDeps, input: AuthorityRequest, ctx: Ctx) => {
  const now = deps.clock.now()
  const today = vietnamDateOf(now)
  checkLetter(input, today)
  const accountId = await checkAccount(deps, input)
  const due = deps.policy.authorityLockDeadlines(today)
  const id = randomUUID()
  const unit = ctx.officer.unit
  return deps.db.transaction().execute(async (trx) => {
    const inserted = await insertLockRequest(trx, {
      id,
      kind: input.kind,
      ground: input.ground,
      subject_id: input.personalId,
      account_id: accountId,
      authority_name: input.authority.name,
      document_number: input.authority.documentNumber,
      document_date: input.authority.documentDate,
      note: input.note ?? null,
      lock_until: input.lockUntil ?? null,
      state: 'recorded',
      unit_code: unit.code,
      unit_level: unit.level,
      unit_province: unit.provinceCode,
      recorded_by: ctx.officer.id,
      recorded_by_number: ctx.officer.officerNumber,
      recorded_on: today,
      forward_by: due.forwardBy,
      decide_by: due.decideBy,
      created_at: now,
      updated_at: now,
    })
    if (!inserted) fail(LOCK_REQUESTS.REQUEST_OPEN)
    await auditLockRequest(trx, deps.clock, ctx, 'recorded', input.personalId, {
      lockRequestId: id,
      kind: input.kind,
      authority: input.authority.name,
      documentNumber: input.authority.documentNumber,
      ...(input.lockUntil ? { lockUntil: input.lockUntil } : {}),
    })
    return (await findLockRequest(trx, id)) ?? fail(LOCK_REQUESTS.NOT_FOUND)
  })
}

/** The receiving unit forwards the request to the deciding body; the decision is due 2 working days later. */
export const forwardLockRequest = async (deps: LockRequestDeps, id: string, ctx: Ctx) => {
  const r = (await findLockRequest(deps.db, id)) ?? fail(LOCK_REQUESTS.NOT_FOUND)
  assertWithinJurisdiction(ctx.officer.unit, receivingUnitOf(r))
  const now = deps.clock.now()
  const today = vietnamDateOf(now)
  const due = deps.policy.authorityLockDeadlines(r.recorded_on, today)
  return deps.db.transaction().execute(async (trx) => {
    const moved =
      (await moveLockRequest(trx, id, 'forward', 'forwarded', {
        forwarded_by: ctx.officer.id,
        forwarded_on: today,
        decide_by: due.decideBy,
        updated_at: now,
      })) ?? fail(LOCK_REQUESTS.WRONG_STATE)
    await auditLockRequest(trx, deps.clock, ctx, 'forwarded', r.subject_id, {
      lockRequestId: id,
      decideBy: due.decideBy,
    })
    return moved
  })
}
