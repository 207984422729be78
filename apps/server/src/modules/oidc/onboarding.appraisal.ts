import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { assertFourEyes, type Officer } from '../officers/index.js'
import { addClient, reinstateClient, setAllowDependents, suspendClient } from './clients.service.js'
import type { ClientJwks } from './oidc.table.js'
import { auditApplication, type OnboardingActor } from './onboarding.audit.js'
import { ONBOARDING } from './onboarding.errors.js'
import { noticeDecision } from './onboarding.notices.js'
import {
  applicationQueue,
  applicationWithClient,
  moveApplication,
  type QueueFilter,
} from './onboarding.repository.js'
import { dueOn, toApplicationView } from './onboarding.view.js'

type OnboardingDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'policy'>

/** An appraiser of the management agency and the HTTP request they act with. */
export type Appraiser = { officer: Officer; requestId?: string | undefined }

// A refusal is a written answer to the organisation: a word or two is not a reason.
const MIN_REASON = 10

const actorOf = (a: Appraiser): OnboardingActor => ({
  id: a.officer.officerNumber,
  kind: 'officer',
  requestId: a.requestId,
})
const today = (deps: OnboardingDeps) => vietnamDateOf(deps.clock.now())

/** The management agency (C06) appraises and connects relying parties (D69 Art 18): a central unit. */
const assertAgency = (a: Appraiser) => {
  if (a.officer.unit.level !== 'central') fail(ONBOARDING.CENTRAL_UNIT_REQUIRED)
}

const load = async (deps: OnboardingDeps, id: string) => {
  const r = (await applicationWithClient(deps.db, id)) ?? fail(ONBOARDING.NOT_FOUND)
  if (r.kind !== 'production') fail(ONBOARDING.NOT_FOUND)
  return r
}

/** Open applications earliest due first (overdue flagged), or decided ones newest first. */
export const appraisalQueue = async (deps: OnboardingDeps, filter: QueueFilter, a: Appraiser) => {
  assertAgency(a)
  const { items, total } = await applicationQueue(deps.db, filter)
  const on = today(deps)
  return { ...filter, total, items: items.map((r) => toApplicationView(r, on)) }
}

/** One application for an appraiser; the read is audited (it names a contact person). */
export const readApplication = async (deps: OnboardingDeps, id: string, a: Appraiser) => {
  assertAgency(a)
  const r = await load(deps, id)
  await deps.db.transaction().execute((trx) => auditApplication(trx, deps.clock, actorOf(a), 'read', id))
  return toApplicationView(r, today(deps))
}

/**
 * Records the signed written agreement (D69 Art 18: scope and purpose in writing); the 30 days of
 * appraisal now count from its signing day. The officer who records it may not approve it.
 */
export const recordAgreement = async (
  deps: OnboardingDeps,
  id: string,
  agreement: { number: string; signedOn: string },
  a: Appraiser,
) => {
  assertAgency(a)
  const r = await load(deps, id)
  if (agreement.signedOn > today(deps)) fail(ONBOARDING.AGREEMENT_DATE_INVALID)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const moved =
      (await moveApplication(trx, id, 'record_agreement', 'agreement_recorded', {
        agreement_number: agreement.number,
        agreement_signed_on: agreement.signedOn,
        agreement_recorded_by: a.officer.id,
        agreement_recorded_by_number: a.officer.officerNumber,
        agreement_recorded_at: now,
        due_on: dueOn(deps.policy, r.submitted_on, agreement.signedOn),
        updated_at: now,
      })) ?? fail(ONBOARDING.WRONG_STATE)
    await auditApplication(trx, deps.clock, actorOf(a), 'agreement_recorded', id, {
      agreement: agreement.number,
      signedOn: agreement.signedOn,
    })
    return toApplicationView(moved, today(deps))
  })
}

/**
 * Approves (four eyes: never the officer who recorded the agreement) and registers the client in the same
 * transaction, so there is never an approved application without its client. The secret made here is
 * thrown away: the applicant collects a fresh one once, and the appraiser never sees one.
 */
export const approveApplication = async (deps: OnboardingDeps, id: string, a: Appraiser) => {
  assertAgency(a)
  const r = await load(deps, id)
  if (r.state !== 'agreement_recorded' || r.agreement_recorded_by === null)
    return fail(ONBOARDING.WRONG_STATE)
  assertFourEyes(r.agreement_recorded_by, a.officer.id)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const creds = await addClient(
      { db: trx, clock: deps.clock },
      { id: a.officer.officerNumber, kind: 'officer' },
      {
        name: r.service_name,
        purpose: r.purpose,
        redirectUris: r.redirect_uris,
        scopes: r.scopes,
        minLevel: r.min_level,
        authMethod: r.auth_method,
        profile: r.profile,
        allowDependents: r.allow_dependents,
        ...(r.jwks === null ? {} : { jwks: r.jwks satisfies ClientJwks }),
      },
    )
    const moved =
      (await moveApplication(
        trx,
        id,
        'approve',
        'approved',
        {
          decided_by: a.officer.id,
          decided_by_number: a.officer.officerNumber,
          decided_at: now,
          client_id: creds.client_id,
          updated_at: now,
        },
        { notRecordedBy: a.officer.id },
      )) ?? fail(ONBOARDING.WRONG_STATE)
    await auditApplication(trx, deps.clock, actorOf(a), 'approved', id, { clientId: creds.client_id })
    await noticeDecision(trx, deps, moved, 'approved')
    return toApplicationView(
      { ...moved, client_status: creds.status, client_allow_dependents: creds.allow_dependents },
      today(deps),
    )
  })
}

/** Refuses an open application, with a written reason for the organisation. */
export const refuseApplication = async (deps: OnboardingDeps, id: string, reason: string, a: Appraiser) => {
  assertAgency(a)
  const written = reason.trim()
  if (written.length < MIN_REASON) fail(ONBOARDING.REASON_REQUIRED)
  await load(deps, id)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const moved =
      (await moveApplication(trx, id, 'refuse', 'refused', {
        decided_by: a.officer.id,
        decided_by_number: a.officer.officerNumber,
        decided_at: now,
        refusal_reason: written,
        updated_at: now,
      })) ?? fail(ONBOARDING.WRONG_STATE)
    await auditApplication(trx, deps.clock, actorOf(a), 'refused', id, { reason: written })
    await noticeDecision(trx, deps, moved, 'refused', written)
    return toApplicationView(moved, today(deps))
  })
}

/** Suspends or reinstates an approved application's client (clients.service), audited there too. */
export const changeClientStatus = async (
  deps: OnboardingDeps,
  id: string,
  to: 'suspended' | 'active',
  reason: string,
  a: Appraiser,
) => {
  assertAgency(a)
  const r = await load(deps, id)
  if (r.client_id === null) return fail(ONBOARDING.NOT_APPROVED)
  const actor = { id: a.officer.officerNumber, kind: 'officer' as const }
  const written = reason.trim() || undefined
  // The organisation hears of it in the change's own transaction.
  const notice = (trx: Db) =>
    noticeDecision(trx, deps, r, to === 'suspended' ? 'suspended' : 'reinstated', written)
  const client =
    to === 'suspended'
      ? await suspendClient(deps, actor, r.client_id, written, notice)
      : await reinstateClient(deps, actor, r.client_id, written, notice)
  return toApplicationView({ ...r, client_status: client.status }, today(deps))
}

/**
 * Lets representatives sign in for dependents at an approved application's client, or stops it, with a
 * written reason (clients.service audits it); the organisation is told in the change's own transaction.
 */
export const changeClientDependents = async (
  deps: OnboardingDeps,
  id: string,
  allow: boolean,
  reason: string,
  a: Appraiser,
) => {
  assertAgency(a)
  const r = await load(deps, id)
  if (r.client_id === null) return fail(ONBOARDING.NOT_APPROVED)
  const actor = { id: a.officer.officerNumber, kind: 'officer' as const }
  const notice = (trx: Db) =>
    noticeDecision(trx, deps, r, allow ? 'dependents_allowed' : 'dependents_disallowed', reason.trim())
  const client = await setAllowDependents(deps, actor, r.client_id, allow, reason, notice)
  return toApplicationView(
    { ...r, client_status: client.status, client_allow_dependents: client.allow_dependents },
    today(deps),
  )
}
