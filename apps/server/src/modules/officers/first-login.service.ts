import { randomBytes } from 'node:crypto'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { enforceLockout, hashSecret, recordFailure, recordSuccess } from '../authn/index.js'
import {
  completeEnrolment,
  endSetupSession,
  findSession,
  holdFirstLoginPassword,
  replaceOneTimePassword,
  revokeOtherSessions,
} from './credentials.repository.js'
import { TOTP_ISSUER } from './enrolment.service.js'
import { lockoutOf } from './login.service.js'
import type { CurrentOfficer } from './officer-session.service.js'
import { totpAad } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import { findOfficer } from './officers.repository.js'
import type { SessionStage } from './officers.table.js'
import { assertPasswordRules } from './password-rules.js'
import { qrDataUrl } from './qr.js'
import { auditOwn, type Client, type NewOfficerSession, openSession } from './session-open.js'
import { base32Encode, matchTotp, otpauthUri } from './totp.js'

export type FirstLoginDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'officerTotp' | 'policy'>

/** What the authenticator app needs: the URI, the same as a QR code, and the secret for typing in by hand. */
export type AuthenticatorOffer = { otpauthUri: string; qrDataUrl: string; secret: string }
export type FirstLoginState = {
  stage: SessionStage
  /** True when only the password is owed (an administrator reset it; the authenticator stays). */
  authenticatorEnrolled: boolean
  authenticator: AuthenticatorOffer | null
}

const offerOf = async (officerNumber: string, secret: Uint8Array): Promise<AuthenticatorOffer> => {
  const uri = otpauthUri(TOTP_ISSUER, officerNumber, secret)
  return { otpauthUri: uri, qrDataUrl: await qrDataUrl(uri), secret: base32Encode(secret) }
}

/** Where the first login stands; the secret is shown again (to this session only) until its first code. */
export const firstLoginState = async (
  deps: FirstLoginDeps,
  current: CurrentOfficer,
): Promise<FirstLoginState> => {
  const [session, officer] = await Promise.all([
    findSession(deps.db, current.sessionId),
    findOfficer(deps.db, current.officer.id),
  ])
  const state = { stage: current.stage, authenticatorEnrolled: (officer?.totp_sealed ?? null) !== null }
  const sealed = session?.stage === 'totp_enrolment' ? session.pending_totp_sealed : null
  if (!sealed) return { ...state, authenticator: null }
  const secret = deps.officerTotp.open(sealed, totpAad(current.officer.id))
  return { ...state, authenticator: await offerOf(current.officer.officerNumber, secret) }
}

export type PasswordChosen =
  | { stage: 'totp_enrolment'; authenticator: AuthenticatorOffer }
  | { stage: 'full'; session: NewOfficerSession }

/**
 * The officer's own password in place of the one-time one (house rules: policy.checkPassword).
 * Without an authenticator yet, the password waits on the session and an authenticator secret is offered:
 * both take effect with its first code. With one (an administrator reset the password after a login with
 * password and code), it takes effect now, the other sessions end and a full session starts.
 */
export const chooseFirstPassword = async (
  deps: FirstLoginDeps,
  current: CurrentOfficer,
  newPassword: string,
  client: Client,
): Promise<PasswordChosen> => {
  if (current.stage === 'full') fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
  assertPasswordRules(deps, newPassword)
  const officer = (await findOfficer(deps.db, current.officer.id)) ?? fail(OFFICERS.OFFICER_NOT_FOUND)
  const passwordHash = await hashSecret(newPassword.normalize('NFC'))
  if (officer.totp_sealed === null) {
    const offered = deps.officerTotp.seal(randomBytes(20), totpAad(officer.id))
    const session =
      (await holdFirstLoginPassword(deps.db, current.sessionId, passwordHash, offered)) ??
      fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
    const sealed = session.pending_totp_sealed ?? fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
    const secret = deps.officerTotp.open(sealed, totpAad(officer.id))
    return { stage: 'totp_enrolment', authenticator: await offerOf(officer.officer_number, secret) }
  }
  const session = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    ;(await endSetupSession(trx, current.sessionId, 'password_change', now)) ??
      fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
    const row =
      (await replaceOneTimePassword(trx, officer.id, passwordHash, now)) ??
      fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
    const ended = await revokeOtherSessions(trx, row.id, current.sessionId, 'password_changed', now)
    await auditOwn(trx, deps.clock, row, 'password.changed', client, {
      from: 'one_time',
      sessionsEnded: ended.length,
    })
    return openSession(trx, deps.clock, row, 'full', client)
  })
  return { stage: 'full', session }
}

/**
 * The first code of the offered authenticator: the chosen password and the authenticator take effect
 * together (one UPDATE), every other session of the officer ends and a full session starts. A wrong code
 * counts as a failed login, like at the login.
 */
export const confirmAuthenticator = async (
  deps: FirstLoginDeps,
  current: CurrentOfficer,
  code: string,
  client: Client,
): Promise<NewOfficerSession> => {
  if (current.stage !== 'totp_enrolment') fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
  const who = lockoutOf(current.officer.officerNumber, client)
  await enforceLockout(deps, who)
  const pending = await findSession(deps.db, current.sessionId)
  const sealed = pending?.pending_totp_sealed ?? fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
  const passwordHash = pending?.pending_password_hash ?? fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
  const now = deps.clock.now()
  const step = matchTotp(deps.officerTotp.open(sealed, totpAad(current.officer.id)), code, now)
  if (step === null) {
    await recordFailure(deps, who)
    await deps.db.transaction().execute(async (trx) => {
      const officer = { officer_number: current.officer.officerNumber }
      await auditOwn(trx, deps.clock, officer, 'enrolment.totp_rejected', client)
    })
    return fail(OFFICERS.TOTP_INVALID)
  }
  const session = await deps.db.transaction().execute(async (trx) => {
    ;(await endSetupSession(trx, current.sessionId, 'totp_enrolment', now)) ??
      fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
    const row =
      (await completeEnrolment(trx, current.officer.id, { passwordHash, totpSealed: sealed, step, now })) ??
      fail(OFFICERS.FIRST_LOGIN_STEP_INVALID)
    const ended = await revokeOtherSessions(trx, row.id, current.sessionId, 'first_login_done', now)
    await auditOwn(trx, deps.clock, row, 'password.changed', client, { from: 'one_time' })
    await auditOwn(trx, deps.clock, row, 'enrolment.confirmed', client, { sessionsEnded: ended.length })
    return openSession(trx, deps.clock, row, 'full', client)
  })
  await recordSuccess(deps, who)
  return session
}
