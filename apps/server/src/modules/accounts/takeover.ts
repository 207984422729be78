import { type LocalDate, vietnamDateOf } from '@dinhdanh/vn-id'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import type { BirthDate } from '../policy/index.js'
import { matchDeclared } from '../registry/index.js'
import type { AccountRow, RepresentationRow } from './accounts.table.js'

/**
 * The day a representative stops acting for a dependent by age: a child's takeover date (14 in both
 * regimes); never for a ward, whose guardianship ends by a decision the registry records, not by age.
 */
export const representationEndsOn = (
  deps: Pick<Deps, 'policy'>,
  relation: RepresentationRow['relation'],
  dateOfBirth: BirthDate,
): LocalDate | undefined => (relation === 'guardian' ? undefined : deps.policy.takeoverDate(dateOfBirth))

/**
 * A dependent may take over the account their representative filed once they reach the takeover age
 * (14 in both regimes; a ward does not, see representationEndsOn) and prove who they are: name, birth
 * date and card issue date must match the registry. Then the activation code goes to their own phone.
 */
export const takeoverAllowed = async (
  deps: Pick<Deps, 'db' | 'clock' | 'policy'>,
  account: AccountRow,
  who: { fullName?: string | undefined; dateOfBirth?: string | undefined; cardIssuedOn?: string | undefined },
): Promise<boolean> => {
  if (account.created_via !== 'representative' || !who.fullName || !who.dateOfBirth || !who.cardIssuedOn)
    return false
  const match = await matchDeclared(deps.db, {
    personalId: account.subject_id,
    fullName: who.fullName,
    dateOfBirth: who.dateOfBirth,
    cardIssuedOn: who.cardIssuedOn,
  })
  if (match.kind !== 'match') return false
  const live = await deps.db
    .selectFrom('accounts_representation')
    .select('relation')
    .where('dependent_account_id', '=', account.id)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  const from = representationEndsOn(deps, live?.relation ?? 'parent', match.person.dateOfBirth)
  return from !== undefined && from <= vietnamDateOf(deps.clock.now())
}

/** The account moves to the dependent's own phone; the representation ends and the representative is told. */
export const endRepresentation = async (
  trx: Transaction<Database>,
  deps: Pick<Deps, 'clock'>,
  account: AccountRow,
  ownPhone: string,
  now: Date,
) => {
  await trx
    .updateTable('accounts_account')
    .set({ phone: ownPhone, updated_at: now })
    .where('id', '=', account.id)
    .execute()
  const ended = await trx
    .updateTable('accounts_representation')
    .set({ ended_at: now, ended_reason: 'takeover' })
    .where('dependent_account_id', '=', account.id)
    .where('ended_at', 'is', null)
    .returning('representative_account_id')
    .execute()
  for (const r of ended) {
    const rep = await trx
      .selectFrom('accounts_account')
      .select(['phone', 'subject_id'])
      .where('id', '=', r.representative_account_id)
      .executeTakeFirst()
    if (!rep) continue
    await enqueueNotification(trx, deps.clock, {
      channel: 'sms',
      recipient: rep.phone,
      template: 'accounts.dependent.takeover',
      body: 'Nguoi phu thuoc cua ban da tu kich hoat va quan ly tai khoan dinh danh dien tu cua minh.',
    })
    await recordAudit(trx, deps.clock, {
      actor: account.subject_id,
      actorKind: 'citizen',
      action: 'accounts.dependent.takeover',
      subject: rep.subject_id,
      subjectKind: 'citizen',
      purpose: 'representation',
      data: { dependent: account.subject_id },
    })
  }
}
