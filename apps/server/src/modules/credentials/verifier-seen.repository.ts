import type { Db } from '../../database.js'

/**
 * Records the presentation for the verifier if it is new, in one statement: the primary key decides, so two
 * scanners racing with the same QR cannot both be told "first seen". true when this call recorded it.
 */
export const recordFirstSeen = async (
  db: Db,
  row: { clientId: string; presentation: string; seenAt: Date; expiresAt: Date },
) =>
  (await db
    .insertInto('credentials_verifier_seen')
    .values({
      client_id: row.clientId,
      presentation: row.presentation,
      seen_at: row.seenAt,
      expires_at: row.expiresAt,
    })
    .onConflict((oc) => oc.columns(['client_id', 'presentation']).doNothing())
    .returning('presentation')
    .executeTakeFirst()) !== undefined

export const deleteExpiredSeen = async (db: Db, now: Date) =>
  Number(
    (await db.deleteFrom('credentials_verifier_seen').where('expires_at', '<=', now).executeTakeFirst())
      .numDeletedRows,
  )
