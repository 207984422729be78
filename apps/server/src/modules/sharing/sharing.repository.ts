import { sql } from 'kysely'
import type { Db } from '../../database.js'
import type { NewShareRow, RedeemerKind, ShareKind, ShareRow } from './sharing.table.js'

export const insertShare = (db: Db, row: NewShareRow) =>
  db.insertInto('sharing_session').values(row).returningAll().executeTakeFirstOrThrow()

/**
 * Serialises one holder's share creations for the rest of the transaction, so two at once cannot both
 * pass the pending limit (the lock key is the holder's personal ID, in a namespace of this module's own).
 */
export const lockHolder = async (db: Db, subjectId: string) => {
  await sql`select pg_advisory_xact_lock(hashtext('sharing'), hashtext(${subjectId}))`.execute(db)
}

export const countPending = async (db: Db, subjectId: string, now: Date) =>
  Number(
    (
      await db
        .selectFrom('sharing_session')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('subject_id', '=', subjectId)
        .where('status', '=', 'pending')
        .where('expires_at', '>', now)
        .executeTakeFirstOrThrow()
    ).n,
  )

export const findShareOf = (db: Db, subjectId: string, id: string) =>
  db
    .selectFrom('sharing_session')
    .selectAll()
    .where('id', '=', id)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()

export const findShareByHash = (db: Db, hash: string) =>
  db.selectFrom('sharing_session').selectAll().where('token_hash', '=', hash).executeTakeFirst()

/** Cancels a pending, unexpired share of the holder's; undefined when there is none. */
export const cancelPending = (db: Db, subjectId: string, id: string, now: Date) =>
  db
    .updateTable('sharing_session')
    .set({ status: 'cancelled', cancelled_at: now })
    .where('id', '=', id)
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()

export type Redeemer = { kind: RedeemerKind; id: string; name: string }

/**
 * Single use is this one statement: of two scanners of the same QR, exactly one UPDATE matches the
 * pending row (the other waits for its lock, then sees it redeemed); expiry, the channel and "not the
 * holder themself" are part of the same condition, so a wrong scan consumes nothing.
 */
export const consumeShare = (
  db: Db,
  hash: string,
  now: Date,
  accept: { kinds: readonly ShareKind[]; redeemer: Redeemer; notSubject?: string | undefined },
): Promise<ShareRow | undefined> => {
  let q = db
    .updateTable('sharing_session')
    .set({
      status: 'redeemed',
      redeemed_at: now,
      redeemer_kind: accept.redeemer.kind,
      redeemer_id: accept.redeemer.id,
      redeemer_name: accept.redeemer.name,
    })
    .where('token_hash', '=', hash)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .where('kind', 'in', accept.kinds)
  if (accept.notSubject !== undefined) q = q.where('subject_id', '<>', accept.notSubject)
  return q.returningAll().executeTakeFirst()
}

/** Shares a day past their expiry: the holder's status view no longer needs them (the data-access log stays). */
export const deleteOldShares = async (db: Db, before: Date, limit: number) =>
  Number(
    (
      await db
        .deleteFrom('sharing_session')
        .where('id', 'in', (eb) =>
          eb.selectFrom('sharing_session').select('id').where('expires_at', '<', before).limit(limit),
        )
        .executeTakeFirst()
    ).numDeletedRows,
  )
