import { vietnamDateOf } from '@dinhdanh/vn-id'
import { fail } from '../../platform/errors.js'
import { liftAuthorityLock, placeAuthorityLock } from '../accounts/index.js'
import { assertFourEyes } from '../officers/index.js'
import { auditLockRequest, type Ctx } from './lock-request.audit.js'
import { loadLockRequest } from './lock-request.load.js'
import { moveLockRequest } from './lock-request.repository.js'
import { LOCK_REQUESTS } from './lock-requests.errors.js'
import type { LockRequestDeps } from './record.service.js'

// A refusal is a written answer to the authority: a word or two is not a reason.
const MIN_REASONS = 10

/** The request, checked for the deciding officer: management agency, jurisdiction, never the recorder. */
const forDecision = async (deps: LockRequestDeps, id: string, ctx: Ctx) => {
  const r = await loadLockRequest(deps, id, ctx.officer)
  assertFourEyes(r.recorded_by, ctx.officer.id)
  if (r.state !== 'forwarded') fail(LOCK_REQUESTS.ALREADY_DECIDED)
  return r
}

/**
 * Approves a forwarded request and carries it out in the same transaction: one UPDATE … WHERE state =
 * 'forwarded' picks the one decision, then the authority lock is placed or lifted (accounts), the holder
 * gets an SMS; the steps are audited under the request, the lock or unlock under the holder. A failure leaves the request forwarded.
 */
export const approveLockRequest = async (deps: LockRequestDeps, id: string, ctx: Ctx) => {
  const r = await forDecision(deps, id, ctx)
  // A lock whose last day is behind us would be lifted by the next run of the lock job: placing it means nothing.
  if (r.lock_until !== null && r.lock_until < vietnamDateOf(deps.clock.now()))
    fail(LOCK_REQUESTS.LOCK_UNTIL_PASSED)
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const decided = {
      decided_by: ctx.officer.id,
      decided_by_number: ctx.officer.officerNumber,
      decided_at: now,
    }
    const approved = await moveLockRequest(trx, id, 'approve', 'approved', { ...decided, updated_at: now })
    if (!approved) return fail(LOCK_REQUESTS.ALREADY_DECIDED)
    await auditLockRequest(trx, deps.clock, ctx, 'approved', r.subject_id, {
      lockRequestId: id,
      kind: r.kind,
    })
    const act = {
      subjectId: r.subject_id,
      officer: { number: ctx.officer.officerNumber, unit: ctx.officer.unit.code },
      lockRequestId: id,
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    }
    const done =
      r.kind === 'lock'
        ? await placeAuthorityLock(trx, deps, { ...act, until: r.lock_until })
        : await liftAuthorityLock(trx, deps, act)
    const carried =
      (await moveLockRequest(trx, id, 'carry_out', 'carried_out', {
        lock_id: done.lockId,
        carried_out_at: now,
        updated_at: now,
      })) ?? fail(LOCK_REQUESTS.WRONG_STATE)
    await auditLockRequest(trx, deps.clock, ctx, 'carried_out', r.subject_id, {
      lockRequestId: id,
      kind: r.kind,
      accountStatus: done.status,
    })
    return { request: carried, account: { status: done.status } }
  })
}

/** Refuses a forwarded request in writing, with its reasons (D59 Art 19(4)); the account is not touched. */
export const refuseLockRequest = async (deps: LockRequestDeps, id: string, reasons: string, ctx: Ctx) => {
  const written = reasons.trim()
  if (written.length < MIN_REASONS) fail(LOCK_REQUESTS.REASONS_REQUIRED)
  const r = await forDecision(deps, id, ctx)
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const refused = await moveLockRequest(trx, id, 'refuse', 'refused', {
      decided_by: ctx.officer.id,
      decided_by_number: ctx.officer.officerNumber,
      decided_at: now,
      refusal_reasons: written,
      updated_at: now,
    })
    if (!refused) return fail(LOCK_REQUESTS.ALREADY_DECIDED)
    await auditLockRequest(trx, deps.clock, ctx, 'refused', r.subject_id, { lockRequestId: id, kind: r.kind })
    return refused
  })
}
