import type { Db } from '../../database.js'
import type { Role } from './officers.permissions.js'
import type { SessionStage } from './officers.table.js'

export const findSession = (db: Db, id: string) =>
  db.selectFrom('officers_session').selectAll().where('id', '=', id).executeTakeFirst()

export const countLiveSessions = async (db: Db, officerId: string, now: Date): Promise<number> => {
  const row = await db
    .selectFrom('officers_session')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('officer_id', '=', officerId)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Ends every live session of the officer but `except` (the one making the change). */
export const revokeOtherSessions = (db: Db, officerId: string, except: string, reason: string, now: Date) =>
  db
    .updateTable('officers_session')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('officer_id', '=', officerId)
    .where('id', '<>', except)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute()

/**
 * Keeps the first-login password on the session (it takes effect with the authenticator's first code) and
 * offers a secret once: choosing the password again keeps the secret the officer may have scanned.
 */
export const holdFirstLoginPassword = (db: Db, sessionId: string, passwordHash: string, sealed: Uint8Array) =>
  db
    .updateTable('officers_session')
    .set((eb) => ({
      stage: 'totp_enrolment' as const,
      pending_password_hash: passwordHash,
      pending_totp_sealed: eb.fn.coalesce('pending_totp_sealed', eb.val(sealed)),
    }))
    .where('id', '=', sessionId)
    .where('stage', 'in', ['password_change', 'totp_enrolment'])
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst()

/**
 * Ends a first-login session once its step is done (a fresh full session replaces it, with new tokens);
 * only from the stage the caller saw, so two requests with the same session cannot both finish it.
 */
export const endSetupSession = (db: Db, sessionId: string, from: SessionStage, now: Date) =>
  db
    .updateTable('officers_session')
    .set({
      revoked_at: now,
      revoked_reason: 'first_login_done',
      pending_password_hash: null,
      pending_totp_sealed: null,
    })
    .where('id', '=', sessionId)
    .where('stage', '=', from)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst()

/** The officer's own password replaces a one-time one (their authenticator is already enrolled). */
export const replaceOneTimePassword = (db: Db, officerId: string, passwordHash: string, now: Date) =>
  db
    .updateTable('officers_officer')
    .set({ password_hash: passwordHash, password_change_required: false, updated_at: now })
    .where('id', '=', officerId)
    .where('password_change_required', '=', true)
    .where('totp_sealed', 'is not', null)
    .returningAll()
    .executeTakeFirst()

/** First login done: the chosen password and the confirmed authenticator together, or nothing. */
export const completeEnrolment = (
  db: Db,
  officerId: string,
  set: { passwordHash: string; totpSealed: Uint8Array; step: number; now: Date },
) =>
  db
    .updateTable('officers_officer')
    .set({
      password_hash: set.passwordHash,
      password_change_required: false,
      totp_sealed: set.totpSealed,
      totp_confirmed_at: set.now,
      totp_last_step: set.step,
      updated_at: set.now,
    })
    .where('id', '=', officerId)
    .where('password_change_required', '=', true)
    .where('totp_sealed', 'is', null)
    .returningAll()
    .executeTakeFirst()

/** A logged-in officer's new password, only while the hash is still the one they proved they knew. */
export const changeOwnPassword = (db: Db, officerId: string, oldHash: string, newHash: string, now: Date) =>
  db
    .updateTable('officers_officer')
    .set({ password_hash: newHash, updated_at: now })
    .where('id', '=', officerId)
    .where('password_hash', '=', oldHash)
    .returningAll()
    .executeTakeFirst()

/** An administrator's reset: a new one-time password and, for a lost authenticator, no authenticator. */
export const setOneTimePassword = (
  db: Db,
  officerId: string,
  passwordHash: string,
  opts: { resetAuthenticator: boolean; now: Date },
) =>
  db
    .updateTable('officers_officer')
    .set({
      password_hash: passwordHash,
      password_change_required: true,
      ...(opts.resetAuthenticator
        ? { totp_sealed: null, totp_confirmed_at: null, totp_last_step: null }
        : {}),
      updated_at: opts.now,
    })
    .where('id', '=', officerId)
    .returningAll()
    .executeTakeFirst()

export const updateAssignment = (
  db: Db,
  officerId: string,
  set: { roles: Role[]; unitCode: string; now: Date },
) =>
  db
    .updateTable('officers_officer')
    .set({ roles: set.roles, unit_code: set.unitCode, updated_at: set.now })
    .where('id', '=', officerId)
    .returningAll()
    .executeTakeFirst()
