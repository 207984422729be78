import { randomUUID } from 'node:crypto'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import { listAuditBySubject } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { ageOn } from '../policy/index.js'
import { findPersonRecord, matchDeclared, type PersonView } from '../registry/index.js'
import { findAccountBySubject, insertAccount } from './account.repository.js'
import { ACCOUNTS } from './accounts.errors.js'
import { actingFor, auditBoth, birthDateOf, type DependentsDeps } from './representation.js'
import type { CurrentSession } from './session.service.js'
import { representationEndsOn } from './takeover.js'

export type { DependentsDeps } from './representation.js'

/**
 * A parent or guardian registers a child or a ward (DOMAIN §5.3): the registry must record the
 * relationship, the declared data must match, and the legal regime decides how: under Decree 69 a
 * level-2 representative files a level-1 account of the dependent's own, with the representative's phone;
 * under Decree 59 the dependent is recorded under the representative's account.
 */
export const registerDependent = async (
  deps: DependentsDeps,
  s: CurrentSession,
  input: { personalId: string; fullName: string; dateOfBirth: string },
) => {
  const today = vietnamDateOf(deps.clock.now())
  const rep = s.account
  const repRecord = await findPersonRecord(deps.db, rep.subject_id)
  const link = repRecord?.relatives.find(
    (r) => r.relative_id === input.personalId.trim() && (r.relation === 'child' || r.relation === 'ward'),
  )
  if (!repRecord || !link) return fail(ACCOUNTS.NOT_REPRESENTATIVE)
  const match = await matchDeclared(deps.db, {
    personalId: input.personalId.trim(),
    fullName: input.fullName,
    dateOfBirth: input.dateOfBirth,
  })
  if (match.kind !== 'match') return fail(ACCOUNTS.NOT_REPRESENTATIVE)
  const dependent: PersonView = match.person
  if (await findAccountBySubject(deps.db, dependent.personalId)) fail(ACCOUNTS.DEPENDENT_ALREADY_REGISTERED)
  const repDob = { year: repRecord.birth_year, month: repRecord.birth_month, day: repRecord.birth_day }
  const card = dependent.cards[0]
  const decision = deps.policy.dependentRegistration(
    { level: rep.level === 2 ? 2 : 1, age: ageOn(repDob, today) ?? 0, ownPhone: true },
    {
      age: ageOn(dependent.dateOfBirth, today) ?? 0,
      hasCard: card?.status === 'valid' && (card.expiresOn === null || card.expiresOn > today),
      isWard: link.relation === 'ward',
    },
  )
  if (decision.kind === 'self_registration') return fail(ACCOUNTS.DEPENDENT_SELF_REGISTERS)
  if (decision.kind === 'refused')
    fail(ACCOUNTS.DEPENDENT_REFUSED, undefined, { reasons: decision.reasons, source: decision.source })
  // The regime grants one of two forms; from here on only they remain.
  const granted =
    decision.kind === 'own_account' || decision.kind === 'under_representative_account'
      ? decision
      : fail(ACCOUNTS.DEPENDENT_REFUSED)
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const accountId = granted.kind === 'own_account' ? randomUUID() : null
    if (accountId)
      await insertAccount(trx, {
        id: accountId,
        subject_id: dependent.personalId,
        subject_kind: 'citizen',
        level: 1,
        // The dependent activates it with their own phone when they take it over.
        status: 'approved',
        phone: rep.phone,
        email: null,
        password_hash: null,
        passcode_hash: null,
        security_qa: null,
        created_via: 'representative',
        dossier_id: null,
        created_at: now,
        approved_at: now,
        activated_at: null,
        updated_at: now,
      })
    const id = randomUUID()
    await trx
      .insertInto('accounts_representation')
      .values({
        id,
        representative_account_id: rep.id,
        dependent_subject_id: dependent.personalId,
        dependent_account_id: accountId,
        relation: link.relation === 'ward' ? 'guardian' : 'parent',
        regime: deps.policy.profile,
        created_at: now,
        ended_at: null,
        ended_reason: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
    await auditBoth(trx, deps, rep, dependent.personalId, 'registered', {
      kind: granted.kind,
      source: granted.source,
    })
    return {
      personalId: dependent.personalId,
      fullName: dependent.fullName,
      kind: granted.kind,
      account: accountId ? { level: 1, status: 'approved' as const } : null,
      takeoverAge: 'takeoverAge' in decision ? granted.takeoverAge : null,
      source: granted.source,
    }
  })
}

/**
 * The holder's dependents, with the regime each was registered under and the day the holder stops acting
 * for them (a child's takeover date; none for a ward).
 */
export const listDependents = async (deps: DependentsDeps, s: CurrentSession) => {
  const rows = await deps.db
    .selectFrom('accounts_representation')
    .leftJoin('accounts_account', 'accounts_account.id', 'accounts_representation.dependent_account_id')
    .select([
      'accounts_representation.dependent_subject_id',
      'accounts_representation.relation',
      'accounts_representation.regime',
      'accounts_representation.created_at',
      'accounts_account.status as account_status',
    ])
    .where('accounts_representation.representative_account_id', '=', s.account.id)
    .where('accounts_representation.ended_at', 'is', null)
    .execute()
  const today = vietnamDateOf(deps.clock.now())
  return Promise.all(
    rows.map(async (r) => {
      const person = await findPersonRecord(deps.db, r.dependent_subject_id)
      const endsOn = person ? representationEndsOn(deps, r.relation, birthDateOf(person)) : undefined
      return {
        personalId: r.dependent_subject_id,
        fullName: person?.full_name ?? null,
        relation: r.relation,
        regime: r.regime,
        accountStatus: r.account_status ?? null,
        since: new Date(r.created_at).toISOString(),
        takeoverOn: endsOn ?? null,
        acting: endsOn === undefined || endsOn > today,
      }
    }),
  )
}

/** A representative reads a dependent's usage history: an act for the dependent, recorded under both. */
export const dependentHistory = async (
  deps: DependentsDeps,
  s: CurrentSession,
  dependentId: string,
  requestId?: string,
) => {
  await actingFor(deps, s.account, dependentId)
  const events = await listAuditBySubject(deps.db, dependentId, { limit: 100 })
  await deps.db
    .transaction()
    .execute((trx) => auditBoth(trx, deps, s.account, dependentId, 'history.read', {}, requestId))
  return events.map((e) => ({
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    actor: e.actor,
    actorKind: e.actor_kind,
    action: e.action,
    purpose: e.purpose,
  }))
}
