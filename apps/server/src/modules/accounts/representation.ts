import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { findPersonRecord } from '../registry/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { AccountRow, RepresentationRow } from './accounts.table.js'
import type { CurrentSession } from './session.service.js'
import { representationEndsOn } from './takeover.js'

export type DependentsDeps = Pick<Deps, 'db' | 'clock' | 'policy'>
type Representative = CurrentSession['account']
type PersonRecord = NonNullable<Awaited<ReturnType<typeof findPersonRecord>>>

// Every act of a representative for a dependent is written under both of them.
export const auditBoth = async (
  trx: Transaction<Database>,
  deps: Pick<Deps, 'clock'>,
  rep: Representative,
  dependentId: string,
  action: string,
  data: Record<string, unknown>,
  requestId?: string,
) => {
  for (const [subject, role] of [
    [rep.subject_id, 'representative'],
    [dependentId, 'dependent'],
  ] as const)
    await recordAudit(trx, deps.clock, {
      actor: rep.subject_id,
      actorKind: 'representative',
      action: `accounts.dependent.${action}`,
      subject,
      subjectKind: 'citizen',
      purpose: 'representation',
      data: { ...data, role, representative: rep.subject_id, dependent: dependentId },
      requestId: requestId ?? null,
    })
}

export const birthDateOf = (p: Pick<PersonRecord, 'birth_year' | 'birth_month' | 'birth_day'>) => ({
  year: p.birth_year,
  month: p.birth_month,
  day: p.birth_day,
})

/** Who a representative acts for: the live representation, the registry's record and (Decree 69) the account. */
export type Represented = {
  representation: RepresentationRow
  person: PersonRecord
  account: AccountRow | null
  /** The day the representation ends by age; undefined for a ward. */
  endsOn: string | undefined
}

/**
 * The holder acts for this person only while the representation they filed is live, the registry still
 * records them as parent or guardian, and a child has not reached the takeover age (takeover.ts): from
 * that day the dependent acts for themselves, even before they take the account over.
 */
export const actingFor = async (
  deps: DependentsDeps,
  rep: Representative,
  dependentId: string,
): Promise<Represented> => {
  const filed = await deps.db
    .selectFrom('accounts_representation')
    .selectAll()
    .where('representative_account_id', '=', rep.id)
    .where('dependent_subject_id', '=', dependentId)
    .orderBy('created_at')
    .execute()
  const live = filed.find((r) => r.ended_at === null)
  if (!live)
    return fail(
      filed.length > 0 ? ACCOUNTS.REPRESENTATION_ENDED : ACCOUNTS.NOT_REPRESENTATIVE,
      undefined,
      filed.length > 0 ? { reason: filed.at(-1)?.ended_reason ?? 'ended' } : undefined,
    )
  const repRecord = await findPersonRecord(deps.db, rep.subject_id)
  const person = await findPersonRecord(deps.db, dependentId)
  const relation = live.relation === 'guardian' ? 'ward' : 'child'
  // A guardianship ended by decision leaves the registry first.
  const recorded = repRecord?.relatives.some((r) => r.relative_id === dependentId && r.relation === relation)
  if (!person || !recorded) return fail(ACCOUNTS.NOT_REPRESENTATIVE)
  const endsOn = representationEndsOn(deps, live.relation, birthDateOf(person))
  if (endsOn !== undefined && endsOn <= vietnamDateOf(deps.clock.now()))
    fail(ACCOUNTS.REPRESENTATION_ENDED, undefined, { reason: 'takeover_age', since: endsOn })
  const account = live.dependent_account_id
    ? ((await deps.db
        .selectFrom('accounts_account')
        .selectAll()
        .where('id', '=', live.dependent_account_id)
        .executeTakeFirst()) ?? null)
    : null
  return { representation: live, person, account, endsOn }
}
