import type { Db } from '../../database.js'
import type { SessionRow } from './accounts.table.js'

export const findDevice = (db: Db, accountId: string, deviceHash: string) =>
  db
    .selectFrom('accounts_device')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('device_hash', '=', deviceHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()

/** Trusts a device for an account (again, if it had been revoked). */
export const trustDevice = async (
  db: Db,
  row: { id: string; accountId: string; deviceHash: string; name: string; now: Date },
) =>
  (
    await db
      .insertInto('accounts_device')
      .values({
        id: row.id,
        account_id: row.accountId,
        device_hash: row.deviceHash,
        name: row.name,
        trusted_at: row.now,
        last_seen_at: row.now,
        revoked_at: null,
      })
      .onConflict((oc) =>
        oc
          .columns(['account_id', 'device_hash'])
          .doUpdateSet({ revoked_at: null, trusted_at: row.now, last_seen_at: row.now, name: row.name }),
      )
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id

export const insertSession = (
  db: Db,
  row: Omit<SessionRow, 'revoked_at' | 'revoked_reason' | 'step_up_at' | 'step_up_method'>,
) =>
  db
    .insertInto('accounts_session')
    .values({ ...row, revoked_at: null, revoked_reason: null, step_up_at: null, step_up_method: null })
    .execute()

/** The live session a token opens, touched (idle timeout slides) in the same statement. */
export const touchSession = (db: Db, tokenHash: string, now: Date, idleUntil: Date) =>
  db
    .updateTable('accounts_session')
    .set({ last_seen_at: now, expires_at: idleUntil })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()

export const revokeSessions = (
  db: Db,
  accountId: string,
  reason: string,
  now: Date,
  opts: { only?: string; except?: string } = {},
) =>
  // One statement: the sessions end and are queued for the OpenID provider together (takeEndedSessions).
  db
    .with('ended', (qb) => {
      let q = qb
        .updateTable('accounts_session')
        .set({ revoked_at: now, revoked_reason: reason })
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
      if (opts.only) q = q.where('id', '=', opts.only)
      if (opts.except) q = q.where('id', '<>', opts.except)
      return q.returning(['id', 'revoked_at'])
    })
    .insertInto('accounts_session_ended')
    .columns(['session_id', 'ended_at'])
    .expression((eb) => eb.selectFrom('ended').select(['id', 'revoked_at']))
    .returning('session_id as id')
    .execute()

export const liveSessions = (db: Db, accountId: string, now: Date) =>
  db
    .selectFrom('accounts_session')
    .leftJoin('accounts_device', 'accounts_device.id', 'accounts_session.device_id')
    .select([
      'accounts_session.id',
      'accounts_session.created_at',
      'accounts_session.last_seen_at',
      'accounts_session.methods',
      'accounts_session.ip',
      'accounts_device.name as device_name',
    ])
    .where('accounts_session.account_id', '=', accountId)
    .where('accounts_session.revoked_at', 'is', null)
    .where('accounts_session.expires_at', '>', now)
    .orderBy('accounts_session.created_at', 'desc')
    .execute()

export const insertChallenge = (
  db: Db,
  row: { id: string; accountId: string; deviceHash: string; deviceName: string; now: Date; expiresAt: Date },
) =>
  db
    .insertInto('accounts_login_challenge')
    .values({
      id: row.id,
      account_id: row.accountId,
      device_hash: row.deviceHash,
      device_name: row.deviceName,
      created_at: row.now,
      expires_at: row.expiresAt,
      consumed_at: null,
    })
    .execute()

// One UPDATE: a challenge finishes one login, once, from the device that started it.
export const consumeChallenge = (db: Db, id: string, deviceHash: string, now: Date) =>
  db
    .updateTable('accounts_login_challenge')
    .set({ consumed_at: now })
    .where('id', '=', id)
    .where('device_hash', '=', deviceHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()

export const findChallenge = (db: Db, id: string) =>
  db.selectFrom('accounts_login_challenge').selectAll().where('id', '=', id).executeTakeFirst()

/** Records a step-up in a live session. */
export const markStepUp = (db: Db, sessionId: string, method: string, now: Date) =>
  db
    .updateTable('accounts_session')
    .set({ step_up_at: now, step_up_method: method })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()

/**
 * Takes the oldest ended sessions off the queue revokeSessions fills, for the OpenID provider to end the
 * sessions they opened, within the caller's transaction: locked rows (another instance's) are skipped, and
 * the rows are gone when the transaction commits.
 */
export const takeEndedSessions = async (db: Db, limit: number): Promise<string[]> => {
  const rows = await db
    .selectFrom('accounts_session_ended')
    .select('session_id')
    .orderBy('ended_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute()
  const ids = rows.map((r) => r.session_id)
  if (ids.length) await db.deleteFrom('accounts_session_ended').where('session_id', 'in', ids).execute()
  return ids
}
