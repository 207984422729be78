import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { type ActorKind, recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { insertAccount } from './account.repository.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { SubjectKind } from './accounts.table.js'

export type Level2Grant = {
  subjectId: string
  subjectKind: SubjectKind
  /** E.164, own-name checked at the counter. */
  phone: string
  email: string | null
  dossierId: string
  /** The physical card's expiry the e-ID card follows (citizens; null: valid for life). */
  cardValidUntil: string | null
  today: string
  actor: { id: string; kind: ActorKind; unit?: string }
  requestId?: string
}

export type Level2Result = {
  accountId: string
  /** 'created': a new account to activate; 'upgraded': a level-1 account, credentials kept. */
  outcome: 'created' | 'upgraded'
  status: 'approved' | 'active'
  eidCard: { id: string; number: string; issuedOn: string; validUntil: string | null } | null
}

const accountFor = (trx: Transaction<Database>, subjectId: string) =>
  trx
    .selectFrom('accounts_account')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .forUpdate()
    .executeTakeFirst()

// The e-ID card number: the personal ID number and the issuing day (D69 Art 28 sets no format).
const eidCardNumber = (subjectId: string, today: string) => `CCDT-${subjectId}-${today.replaceAll('-', '')}`

/**
 * Level 2 from an approved counter dossier, in the caller's transaction (D69 Art 10(2), 28): a new
 * account approved and to be activated, or a level-1 account upgraded with its password, passcode and
 * passkeys kept. A locked or closed account is not upgraded. A citizen also gets the electronic ID card.
 */
export const grantLevel2 = async (
  trx: Transaction<Database>,
  deps: Pick<Deps, 'clock'>,
  g: Level2Grant,
): Promise<Level2Result> => {
  const now = deps.clock.now()
  const existing = await accountFor(trx, g.subjectId)
  if (existing?.level === 2) fail(ACCOUNTS.ALREADY_LEVEL2)
  if (existing && (existing.status === 'locked' || existing.status === 'closed'))
    fail(ACCOUNTS.NOT_UPGRADABLE)
  const accountId = existing?.id ?? randomUUID()
  if (existing)
    await trx
      .updateTable('accounts_account')
      .set({ level: 2, updated_at: now, version: sql`version + 1` })
      .where('id', '=', existing.id)
      .execute()
  else
    await insertAccount(trx, {
      id: accountId,
      subject_id: g.subjectId,
      subject_kind: g.subjectKind,
      level: 2,
      status: 'approved',
      phone: g.phone,
      email: g.email,
      password_hash: null,
      passcode_hash: null,
      security_qa: null,
      created_via: 'counter',
      dossier_id: g.dossierId,
      created_at: now,
      approved_at: now,
      activated_at: null,
      updated_at: now,
    })
  let eidCard: Level2Result['eidCard'] = null
  // Only citizens hold an electronic ID card (DOMAIN §2.2; LID Art 31).
  if (g.subjectKind === 'citizen') {
    eidCard = {
      id: randomUUID(),
      number: eidCardNumber(g.subjectId, g.today),
      issuedOn: g.today,
      validUntil: g.cardValidUntil,
    }
    await trx
      .insertInto('accounts_eid_card')
      .values({
        id: eidCard.id,
        account_id: accountId,
        number: eidCard.number,
        issued_on: eidCard.issuedOn,
        valid_until: eidCard.validUntil,
        status: 'active',
        dossier_id: g.dossierId,
        created_at: now,
      })
      .execute()
  }
  const outcome = existing ? 'upgraded' : 'created'
  await recordAudit(trx, deps.clock, {
    actor: g.actor.id,
    actorKind: g.actor.kind,
    action: existing ? 'accounts.account.upgraded' : 'accounts.account.created',
    subject: g.subjectId,
    subjectKind: g.subjectKind,
    purpose: 'eid-registration',
    data: {
      accountId,
      level: 2,
      dossierId: g.dossierId,
      ...(g.actor.unit ? { unit: g.actor.unit } : {}),
      ...(eidCard ? { eidCard: eidCard.number } : {}),
    },
    requestId: g.requestId ?? null,
  })
  const status = existing?.status === 'active' ? 'active' : 'approved'
  return { accountId, outcome, status, eidCard }
}
