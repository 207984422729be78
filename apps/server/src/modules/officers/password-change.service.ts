import { fail } from '../../platform/errors.js'
import { enforceLockout, hashSecret, recordFailure, recordSuccess, verifySecret } from '../authn/index.js'
import { changeOwnPassword, revokeOtherSessions } from './credentials.repository.js'
import type { FirstLoginDeps } from './first-login.service.js'
import { lockoutOf } from './login.service.js'
import type { CurrentOfficer } from './officer-session.service.js'
import { totpAad } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import { acceptTotpStep, findOfficer } from './officers.repository.js'
import { assertPasswordRules } from './password-rules.js'
import { auditOwn, type Client } from './session-open.js'
import { matchTotp } from './totp.js'

export type PasswordChange = { currentPassword: string; newPassword: string; code: string }

/**
 * A logged-in officer's new password: the current password and a fresh authenticator code prove it is them
 * (each counted like a failed login when wrong); the new one follows the house rules; their other sessions end.
 */
export const changePassword = async (
  deps: FirstLoginDeps,
  current: CurrentOfficer,
  input: PasswordChange,
  client: Client,
): Promise<{ sessionsEnded: number }> => {
  // Rules that need nothing stored come first, so a typo costs no attempt.
  assertPasswordRules(deps, input.newPassword)
  const who = lockoutOf(current.officer.officerNumber, client)
  await enforceLockout(deps, who)
  const officer = (await findOfficer(deps.db, current.officer.id)) ?? fail(OFFICERS.OFFICER_NOT_FOUND)
  if (!(await verifySecret(officer.password_hash, input.currentPassword.normalize('NFC')))) {
    await recordFailure(deps, who)
    return fail(OFFICERS.CURRENT_PASSWORD_WRONG)
  }
  const sealed = officer.totp_sealed ?? fail(OFFICERS.TOTP_ENROLMENT_REQUIRED)
  const now = deps.clock.now()
  const step = matchTotp(deps.officerTotp.open(sealed, totpAad(officer.id)), input.code, now)
  if (step === null || !(await acceptTotpStep(deps.db, officer.id, step, now))) {
    await recordFailure(deps, who)
    return fail(OFFICERS.TOTP_INVALID)
  }
  const newHash = await hashSecret(input.newPassword.normalize('NFC'))
  const out = await deps.db.transaction().execute(async (trx) => {
    // Only over the hash just verified: a reset by an administrator in between wins.
    const row =
      (await changeOwnPassword(trx, officer.id, officer.password_hash, newHash, now)) ??
      fail(OFFICERS.CURRENT_PASSWORD_WRONG)
    const ended = await revokeOtherSessions(trx, row.id, current.sessionId, 'password_changed', now)
    await auditOwn(trx, deps.clock, row, 'password.changed', client, { sessionsEnded: ended.length })
    return { sessionsEnded: ended.length }
  })
  await recordSuccess(deps, who)
  return out
}
