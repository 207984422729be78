import { randomUUID } from 'node:crypto'
import { fail } from '../../platform/errors.js'
import { enforceLockout, recordFailure, recordSuccess, verifySecret, verifyUnknown } from '../authn/index.js'
import { type OfficersDeps, totpAad } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import {
  acceptTotpStep,
  consumeChallenge,
  findLiveChallenge,
  findOfficer,
  findOfficerByNumber,
  insertChallenge,
} from './officers.repository.js'
import { auditOwn, CHALLENGE_MS, type Client, type NewOfficerSession, openSession } from './session-open.js'
import { matchTotp } from './totp.js'

export {
  CHALLENGE_MS,
  type Client,
  type NewOfficerSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './session-open.js'

export type PasswordAccepted =
  | { kind: 'totp_required'; challengeId: string; expiresAt: Date }
  /** No authenticator yet: the one-time password opens a session that can only do the first-login steps. */
  | { kind: 'first_login'; session: NewOfficerSession }

// Password and code failures count on one key, so guessing either slows down both.
export const lockoutOf = (officerNumber: string, client: Client) => ({
  account: `officer:${officerNumber}`,
  ip: client.ip,
})

/**
 * First factor: officer number and password. Unknown numbers cost the same work and get the same answer.
 * An enrolled officer gets a challenge for the authenticator code; the lockout counter is cleared after the
 * second factor, never before. An officer without an authenticator (new, or reset by an administrator)
 * has a one-time password: it opens only the first-login steps (first-login.service.ts).
 */
export const acceptPassword = async (
  deps: OfficersDeps,
  input: { officerNumber: string; password: string },
  client: Client,
): Promise<PasswordAccepted> => {
  const who = lockoutOf(input.officerNumber, client)
  await enforceLockout(deps, who)
  const officer = await findOfficerByNumber(deps.db, input.officerNumber)
  const ok = officer
    ? await verifySecret(officer.password_hash, input.password.normalize('NFC'))
    : await verifyUnknown(input.password)
  if (!ok || !officer) {
    await recordFailure(deps, who)
    return fail(OFFICERS.INVALID_CREDENTIALS)
  }
  if (officer.status !== 'active') fail(OFFICERS.OFFICER_SUSPENDED)
  if (officer.totp_sealed === null) {
    const session = await deps.db
      .transaction()
      .execute((trx) => openSession(trx, deps.clock, officer, 'password_change', client))
    return { kind: 'first_login', session }
  }
  const challengeId = randomUUID()
  const now = deps.clock.now()
  const expiresAt = new Date(now.getTime() + CHALLENGE_MS)
  await insertChallenge(deps.db, { id: challengeId, officerId: officer.id, now, expiresAt })
  return { kind: 'totp_required', challengeId, expiresAt }
}

/**
 * Second factor: the authenticator code (RFC 6238, ±1 step). A time step is accepted once; a wrong or
 * reused code counts as a failed login. An officer whose password an administrator reset gets a session
 * that can only choose a new password.
 */
export const acceptTotp = async (
  deps: OfficersDeps,
  input: { challengeId: string; code: string },
  client: Client,
): Promise<NewOfficerSession> => {
  const now = deps.clock.now()
  const challenge =
    (await findLiveChallenge(deps.db, input.challengeId, now)) ?? fail(OFFICERS.CHALLENGE_INVALID)
  const officer = (await findOfficer(deps.db, challenge.officer_id)) ?? fail(OFFICERS.CHALLENGE_INVALID)
  const who = lockoutOf(officer.officer_number, client)
  await enforceLockout(deps, who)
  if (officer.status !== 'active') fail(OFFICERS.OFFICER_SUSPENDED)
  // Reset by an administrator since the password step: the next login starts the enrolment.
  const sealed = officer.totp_sealed ?? fail(OFFICERS.CHALLENGE_INVALID)
  const secret = deps.officerTotp.open(sealed, totpAad(officer.id))
  const step = matchTotp(secret, input.code, now)
  const accepted = step === null ? undefined : await acceptTotpStep(deps.db, officer.id, step, now)
  if (!accepted) {
    await recordFailure(deps, who)
    await deps.db
      .transaction()
      .execute((trx) => auditOwn(trx, deps.clock, officer, 'login.totp_rejected', client))
    return fail(OFFICERS.TOTP_INVALID)
  }
  const session = await deps.db.transaction().execute(async (trx) => {
    ;(await consumeChallenge(trx, challenge.id, now)) ?? fail(OFFICERS.CHALLENGE_INVALID)
    return openSession(
      trx,
      deps.clock,
      accepted,
      accepted.password_change_required ? 'password_change' : 'full',
      client,
    )
  })
  await recordSuccess(deps, who)
  return session
}
