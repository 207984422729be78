import { sql } from 'kysely'
import type { Db } from '../../database.js'
import type { OtpPurpose } from './authn.table.js'

export type NewPendingOtp = {
  id: string
  purpose: OtpPurpose
  subject_hash: string
  code_hash: string
  channel: 'sms' | 'email'
  created_at: Date
  expires_at: Date
  max_attempts: number
}

/**
 * Replaces the pending (unused) code of the row's purpose and subject with the row, unless the pending one
 * was made after `resendBefore`; returns that one's creation time then, else null (`authn_otp_replace`).
 */
export const replacePendingOtp = async (
  db: Db,
  row: NewPendingOtp,
  resendBefore: Date,
): Promise<Date | null> => {
  const { rows } = await sql<{ pending: Date | null }>`SELECT authn_otp_replace(
    ${row.id}::uuid, ${row.purpose}, ${row.subject_hash}, ${row.code_hash}, ${row.channel},
    ${row.created_at}::timestamptz, ${row.expires_at}::timestamptz, ${row.max_attempts}::int,
    ${resendBefore}::timestamptz) AS pending`.execute(db)
  return rows[0]?.pending ?? null
}

/** The newest code of a purpose and subject, live or not. */
export const latestOtp = (db: Db, purpose: OtpPurpose, subject: string) =>
  db
    .selectFrom('authn_otp')
    .select(['id', 'created_at', 'expires_at', 'attempts', 'max_attempts', 'consumed_at'])
    .where('purpose', '=', purpose)
    .where('subject_hash', '=', subject)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()

/**
 * One UPDATE decides a guess: the right code is consumed, a wrong one counts an attempt. Row locking
 * makes a second verifier of the same code re-check `consumed_at IS NULL` after the first commits, so two
 * concurrent verifications cannot both succeed, and concurrent wrong guesses cannot exceed max_attempts.
 * No row: there is no live code (none, used, expired or dead).
 */
export const guessOtp = (db: Db, purpose: OtpPurpose, subject: string, hash: string, now: Date) =>
  db
    .updateTable('authn_otp')
    .set({
      attempts: sql<number>`attempts + CASE WHEN code_hash = ${hash} THEN 0 ELSE 1 END`,
      consumed_at: sql<Date | null>`CASE WHEN code_hash = ${hash} THEN ${now}::timestamptz END`,
    })
    .where('purpose', '=', purpose)
    .where('subject_hash', '=', subject)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .whereRef('attempts', '<', 'max_attempts')
    .returning(['consumed_at', 'attempts', 'max_attempts'])
    .executeTakeFirst()

export const deleteExpiredOtps = async (db: Db, now: Date): Promise<number> => {
  const r = await db.deleteFrom('authn_otp').where('expires_at', '<=', now).executeTakeFirst()
  return Number(r.numDeletedRows)
}
