import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import { recordAudit } from '../../platform/audit/index.js'
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
  insertSession,
} from './officers.repository.js'
import type { OfficerRow } from './officers.table.js'
import { newToken, tokenHash } from './officers.tokens.js'
import { matchTotp } from './totp.js'

export const CHALLENGE_MS = 5 * 60_000
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60_000
export const SESSION_IDLE_MS = 15 * 60_000

export type Client = { ip: string; userAgent?: string | undefined; requestId?: string }
export type PasswordAccepted = { challengeId: string; expiresAt: Date; enrolment: 'pending' | 'confirmed' }
export type NewOfficerSession = { sessionId: string; token: string; csrf: string; expiresAt: Date }

// Password and code failures count on one key, so guessing either slows down both.
const lockoutOf = (officerNumber: string, client: Client) => ({
  account: `officer:${officerNumber}`,
  ip: client.ip,
})

const audit = (
  deps: OfficersDeps,
  trx: Transaction<Database>,
  officer: OfficerRow,
  action: string,
  client: Client,
  data = {},
) =>
  recordAudit(trx, deps.clock, {
    actor: officer.officer_number,
    actorKind: 'officer',
    action: `officers.${action}`,
    subject: officer.officer_number,
    subjectKind: 'officer',
    purpose: 'authentication',
    data: { ip: client.ip, ...data },
    requestId: client.requestId ?? null,
  })

/**
 * First factor: officer number and password. Unknown numbers cost the same work and get the same answer.
 * It only opens a challenge: the lockout counter is cleared after the second factor, never before.
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
  const challengeId = randomUUID()
  const now = deps.clock.now()
  const expiresAt = new Date(now.getTime() + CHALLENGE_MS)
  await insertChallenge(deps.db, { id: challengeId, officerId: officer.id, now, expiresAt })
  return { challengeId, expiresAt, enrolment: officer.totp_confirmed_at ? 'confirmed' : 'pending' }
}

/**
 * Second factor: the authenticator code (RFC 6238, ±1 step). A time step is accepted once; a wrong or
 * reused code counts as a failed login. The first good code also confirms the officer's enrolment.
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
  const secret = deps.officerTotp.open(officer.totp_sealed, totpAad(officer.id))
  const step = matchTotp(secret, input.code, now)
  const accepted = step === null ? undefined : await acceptTotpStep(deps.db, officer.id, step, now)
  if (!accepted) {
    await recordFailure(deps, who)
    await deps.db.transaction().execute((trx) => audit(deps, trx, officer, 'login.totp_rejected', client))
    return fail(OFFICERS.TOTP_INVALID)
  }
  const session = await deps.db.transaction().execute(async (trx) => {
    ;(await consumeChallenge(trx, challenge.id, now)) ?? fail(OFFICERS.CHALLENGE_INVALID)
    const token = newToken()
    const csrf = newToken()
    const sessionId = randomUUID()
    const absoluteUntil = new Date(now.getTime() + SESSION_ABSOLUTE_MS)
    await insertSession(trx, {
      id: sessionId,
      officerId: officer.id,
      tokenHash: tokenHash(token),
      csrfHash: tokenHash(csrf),
      ip: client.ip,
      userAgent: client.userAgent ?? null,
      now,
      idleUntil: new Date(now.getTime() + SESSION_IDLE_MS),
      absoluteUntil,
    })
    if (!officer.totp_confirmed_at) await audit(deps, trx, officer, 'enrolment.confirmed', client)
    await audit(deps, trx, officer, 'session.started', client, { sessionId })
    return { sessionId, token, csrf, expiresAt: absoluteUntil }
  })
  await recordSuccess(deps, who)
  return session
}
