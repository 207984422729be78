import { sql } from 'kysely'
import type { Db } from '../../database.js'
import type { LogoutDeliveryRow, NewLogoutDeliveryRow } from './session-end.table.js'

/** The provider sessions (uids) linked to these accounts sessions (oidc.logout.ts; index oidc_0013). */
export const linksOfAccountsSessions = async (
  db: Db,
  model: string,
  accountsSessionIds: readonly string[],
) =>
  accountsSessionIds.length === 0
    ? []
    : (
        await db
          .selectFrom('oidc_payload')
          .select('id')
          .where('model', '=', model)
          .where(sql<string>`payload->>'accountsSessionId'`, 'in', accountsSessionIds)
          .orderBy('id')
          .execute()
      ).map((r) => r.id)

// A sweeper on another instance holding the same link skips it: each provider session is ended once.
export const takeLink = (db: Db, model: string, uid: string) =>
  db
    .selectFrom('oidc_payload')
    .select('id')
    .where('model', '=', model)
    .where('id', '=', uid)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()

export const findSessionByUid = (db: Db, uid: string) =>
  db
    .selectFrom('oidc_payload')
    .select('payload')
    .where('model', '=', 'Session')
    .where('uid', '=', uid)
    .executeTakeFirst()

export const deleteSessionAndLink = async (db: Db, linkModel: string, uid: string) => {
  await db.deleteFrom('oidc_payload').where('model', '=', 'Session').where('uid', '=', uid).execute()
  await db.deleteFrom('oidc_payload').where('model', '=', linkModel).where('id', '=', uid).execute()
}

/** Queues a delivery; a second one for the same session and relying party is ignored (0 queued). */
export const queueDelivery = async (db: Db, row: NewLogoutDeliveryRow) =>
  (await db
    .insertInto('oidc_logout_delivery')
    .values(row)
    .onConflict((oc) => oc.columns(['session_uid', 'client_id']).doNothing())
    .returning('id')
    .executeTakeFirst())
    ? 1
    : 0

/** Claims due rows in one statement (SKIP LOCKED: instances side by side never take the same row). */
export const claimDueDeliveries = (
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<LogoutDeliveryRow[]> =>
  db
    .updateTable('oidc_logout_delivery')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('oidc_logout_delivery')
        .select('id')
        .where('status', 'in', ['queued', 'sending'])
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute()

// Each outcome applies only while the row is still this claim (status 'sending', same attempt).
const ownClaim = (db: Db, row: LogoutDeliveryRow) =>
  db
    .updateTable('oidc_logout_delivery')
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', row.attempts)

export const markDelivered = (db: Db, row: LogoutDeliveryRow, at: Date) =>
  ownClaim(db, row).set({ status: 'sent', sent_at: at, last_error: null }).execute()

export const markRetry = (db: Db, row: LogoutDeliveryRow, nextAt: Date, error: string) =>
  ownClaim(db, row).set({ status: 'queued', next_attempt_at: nextAt, last_error: error }).execute()

export const markGivenUp = (db: Db, row: LogoutDeliveryRow, error: string) =>
  ownClaim(db, row).set({ status: 'failed', last_error: error }).execute()

/** Finished deliveries are kept a while for support, then deleted by the cleanup. */
export const deleteFinishedDeliveries = async (db: Db, before: Date) =>
  Number(
    (
      await db
        .deleteFrom('oidc_logout_delivery')
        .where('status', 'in', ['sent', 'failed'])
        .where('created_at', '<', before)
        .executeTakeFirst()
    ).numDeletedRows,
  )
