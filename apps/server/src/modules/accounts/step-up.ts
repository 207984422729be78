import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { enforceLockout, recordFailure, recordSuccess, verifySecret } from '../authn/index.js'
import { PASSKEYS } from './passkey.errors.js'
import { livePasskeys } from './passkey.repository.js'
import { markStepUp } from './session.repository.js'
import type { Client, CurrentSession } from './session.service.js'

/** How long a step-up (or a two-factor login) vouches for sensitive actions. */
export const STEP_UP_FRESH_MS = 5 * 60_000

// A login that already used a second factor counts as a step-up while it is fresh.
const STRONG_LOGIN = ['otp', 'hwk']

/** Whether the session proved, recently and beyond its cookie, that the holder is at the device. */
export const hasFreshStepUp = (now: Date, s: CurrentSession) => {
  const fresh = (at: Date) => now.getTime() - at.getTime() <= STEP_UP_FRESH_MS
  return (
    (s.stepUp !== null && fresh(s.stepUp.at)) ||
    (fresh(s.startedAt) && s.methods.some((m) => STRONG_LOGIN.includes(m)))
  )
}

/**
 * Sensitive actions (adding or removing a passkey, a new password or passcode) need more than a session
 * cookie: a step-up within the last 5 minutes. The error says which methods the holder has.
 */
export const requireStepUp = async (deps: Pick<Deps, 'db' | 'clock'>, s: CurrentSession) => {
  if (hasFreshStepUp(deps.clock.now(), s)) return
  const passkeys = await livePasskeys(deps.db, s.account.id)
  fail(PASSKEYS.STEP_UP_REQUIRED, undefined, { methods: passkeys.length ? ['pin', 'hwk'] : ['pin'] })
}

/** Records a step-up and writes it to the holder's history. */
export const stepUp = (
  deps: Pick<Deps, 'db' | 'clock'>,
  s: CurrentSession,
  method: 'pin' | 'hwk',
  client: Client,
) =>
  deps.db.transaction().execute(async (trx) => {
    await markStepUp(trx, s.sessionId, method, deps.clock.now())
    await recordAudit(trx, deps.clock, {
      actor: s.account.subject_id,
      actorKind: 'citizen',
      action: 'accounts.session.stepped_up',
      subject: s.account.subject_id,
      subjectKind: s.account.subject_kind,
      purpose: 'authentication',
      data: { ip: client.ip, sessionId: s.sessionId, method },
      requestId: client.requestId ?? null,
    })
    return { method, validUntil: new Date(deps.clock.now().getTime() + STEP_UP_FRESH_MS).toISOString() }
  })

/**
 * Step-up with the 6-digit passcode (as the app asks before sensitive actions). Wrong passcodes count
 * towards the same capped backoff as passwords, under a key of their own.
 */
export const stepUpWithPasscode = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  s: CurrentSession,
  passcode: string,
  client: Client,
) => {
  const who = { account: `pin:${s.account.subject_id}`, ip: client.ip, trustedDevice: true }
  await enforceLockout(deps, who)
  const ok = s.account.passcode_hash !== null && (await verifySecret(s.account.passcode_hash, passcode))
  if (!ok) {
    await recordFailure(deps, who)
    return fail(PASSKEYS.WRONG_PASSCODE)
  }
  await recordSuccess(deps, who)
  return stepUp(deps, s, 'pin', client)
}
