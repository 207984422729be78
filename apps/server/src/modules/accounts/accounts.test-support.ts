import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../database.js'
import { hashSecret } from '../authn/index.js'
import type { AccountStatus } from './accounts.table.js'

export type GivenAccount = {
  subjectId: string
  status?: AccountStatus
  level?: 1 | 2
  phone?: string
  /** Hashed as activation would; without it the account has no password (approved, not activated). */
  password?: string
  /** The 6-digit passcode, hashed likewise. */
  passcode?: string
  createdVia?: 'app' | 'counter' | 'representative'
  at: Date
}

/** An account as registration and activation would leave it, written straight to the table. */
export const givenAccount = async (db: Kysely<Database>, a: GivenAccount): Promise<string> => {
  const id = randomUUID()
  const status = a.status ?? 'active'
  await db
    .insertInto('accounts_account')
    .values({
      id,
      subject_id: a.subjectId,
      subject_kind: a.subjectId.startsWith('NN') ? 'foreigner' : 'citizen',
      level: a.level ?? 1,
      status,
      phone: a.phone ?? '+84912345678',
      email: null,
      password_hash: a.password === undefined ? null : await hashSecret(a.password),
      passcode_hash: a.passcode === undefined ? null : await hashSecret(a.passcode),
      security_qa: null,
      created_via: a.createdVia ?? 'app',
      dossier_id: null,
      created_at: a.at,
      approved_at: a.at,
      activated_at: status === 'approved' ? null : a.at,
      updated_at: a.at,
    })
    .execute()
  return id
}

/**
 * The 6-digit code of the newest SMS with this template (and recipient). The test clock is frozen: a
 * test that sends several codes in one instant gets the last one queued (the outbox's insertion sequence).
 */
export const lastSmsCode = async (
  db: Kysely<Database>,
  template: string,
  recipient?: string,
): Promise<string> => {
  let q = db.selectFrom('platform_outbox').select('body').where('template', '=', template)
  if (recipient) q = q.where('recipient', '=', recipient)
  const sms = await q.orderBy('created_at', 'desc').orderBy('seq', 'desc').executeTakeFirst()
  return /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1] ?? ''
}
