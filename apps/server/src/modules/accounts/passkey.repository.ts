import type { Insertable } from 'kysely'
import type { Db } from '../../database.js'
import type { AccountsPasskeyTable, WebauthnPurpose } from './passkey.table.js'

export const insertWebauthnChallenge = (
  db: Db,
  row: {
    id: string
    purpose: WebauthnPurpose
    challenge: string
    accountId: string | null
    sessionId: string | null
    boundTo?: string | null
    now: Date
    expiresAt: Date
  },
) =>
  db
    .insertInto('accounts_webauthn_challenge')
    .values({
      id: row.id,
      purpose: row.purpose,
      challenge: row.challenge,
      account_id: row.accountId,
      session_id: row.sessionId,
      bound_to: row.boundTo ?? null,
      created_at: row.now,
      expires_at: row.expiresAt,
      consumed_at: null,
    })
    .execute()

// One UPDATE: a challenge serves one ceremony, once, for its purpose (session, binding), before it expires.
export const consumeWebauthnChallenge = (
  db: Db,
  id: string,
  purpose: WebauthnPurpose,
  sessionId: string | null,
  now: Date,
  boundTo: string | null = null,
) => {
  let q = db
    .updateTable('accounts_webauthn_challenge')
    .set({ consumed_at: now })
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
  q = sessionId ? q.where('session_id', '=', sessionId) : q.where('session_id', 'is', null)
  q = boundTo ? q.where('bound_to', '=', boundTo) : q.where('bound_to', 'is', null)
  return q.returning(['challenge', 'account_id']).executeTakeFirst()
}

export const livePasskeys = (db: Db, accountId: string) =>
  db
    .selectFrom('accounts_passkey')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute()

export const findLivePasskey = (db: Db, credentialId: string) =>
  db
    .selectFrom('accounts_passkey')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()

export const insertPasskey = (
  db: Db,
  row: Omit<Insertable<AccountsPasskeyTable>, 'last_used_at' | 'revoked_at'>,
) =>
  db
    .insertInto('accounts_passkey')
    .values({ ...row, last_used_at: null, revoked_at: null })
    .execute()

// Compare-and-set on the counter: two logins replaying one assertion cannot both pass.
export const recordPasskeyUse = (db: Db, id: string, seen: number, next: number, now: Date) =>
  db
    .updateTable('accounts_passkey')
    .set({ counter: next, last_used_at: now })
    .where('id', '=', id)
    .where('counter', '=', seen)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()

export const revokePasskey = (db: Db, accountId: string, id: string, now: Date) =>
  db
    .updateTable('accounts_passkey')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst()
