import type { Db } from '../../database.js'
import type { QrLoginState } from './qr-login.table.js'

export type NewQrLogin = {
  id: string
  codeHash: string
  interactionUid: string
  clientId: string
  browser: string
  ip: string
  createdAt: Date
  expiresAt: Date
}

export const insertQrLogin = (db: Db, r: NewQrLogin) =>
  db
    .insertInto('oidc_qr_login')
    .values({
      id: r.id,
      code_hash: r.codeHash,
      interaction_uid: r.interactionUid,
      client_id: r.clientId,
      browser: r.browser,
      ip: r.ip,
      state: 'pending',
      created_at: r.createdAt,
      expires_at: r.expiresAt,
    })
    .execute()

/** A new code for a login page retires its older pending ones: one live QR per page. */
export const retirePending = (db: Db, interactionUid: string, now: Date) =>
  db
    .updateTable('oidc_qr_login')
    .set({ expires_at: now })
    .where('interaction_uid', '=', interactionUid)
    .where('state', '=', 'pending')
    .where('expires_at', '>', now)
    .execute()

/** The request a login page shows, by its page and its code (the page knows both). */
export const findForPage = (db: Db, interactionUid: string, codeHash: string) =>
  db
    .selectFrom('oidc_qr_login')
    .selectAll()
    .where('interaction_uid', '=', interactionUid)
    .where('code_hash', '=', codeHash)
    .executeTakeFirst()

// One UPDATE: the first account to scan a live code holds it; another account gets nothing back.
export const claimPending = (db: Db, codeHash: string, subjectId: string, now: Date) =>
  db
    .updateTable('oidc_qr_login')
    .set({ scanned_by: subjectId })
    .where('code_hash', '=', codeHash)
    .where('state', '=', 'pending')
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('scanned_by', 'is', null), eb('scanned_by', '=', subjectId)]))
    .returningAll()
    .executeTakeFirst()

// One UPDATE picks the decision: a request is approved or refused once, by the account that holds it.
export const decidePending = (
  db: Db,
  codeHash: string,
  subjectId: string,
  now: Date,
  decision:
    | { state: 'approved'; amr: string[]; pickUpBy: Date }
    | { state: Extract<QrLoginState, 'refused'> },
) =>
  db
    .updateTable('oidc_qr_login')
    .set({
      state: decision.state,
      scanned_by: subjectId,
      decided_at: now,
      ...(decision.state === 'approved'
        ? { account_id: subjectId, amr: decision.amr, expires_at: decision.pickUpBy }
        : {}),
    })
    .where('code_hash', '=', codeHash)
    .where('state', '=', 'pending')
    .where('expires_at', '>', now)
    .where((eb) => eb.or([eb('scanned_by', 'is', null), eb('scanned_by', '=', subjectId)]))
    .returningAll()
    .executeTakeFirst()

// One UPDATE uses an approval: two tabs (or two refreshes) of the same page cannot both log in.
export const consumeApproved = (db: Db, interactionUid: string, codeHash: string, now: Date) =>
  db
    .updateTable('oidc_qr_login')
    .set({ state: 'used', used_at: now })
    .where('interaction_uid', '=', interactionUid)
    .where('code_hash', '=', codeHash)
    .where('state', '=', 'approved')
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()

/** Requests a day past their expiry are of no use to anyone. */
export const deleteOldQrLogins = async (db: Db, now: Date) =>
  Number(
    (
      await db
        .deleteFrom('oidc_qr_login')
        .where('expires_at', '<', new Date(now.getTime() - 86_400_000))
        .executeTakeFirst()
    ).numDeletedRows,
  )
