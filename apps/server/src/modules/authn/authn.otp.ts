import { randomUUID } from 'node:crypto'
import { fail } from '../../platform/errors.js'
import { type Channel, enqueueNotification } from '../../platform/notify/index.js'
import { type AuthnDeps, inTransaction } from './authn.deps.js'
import { AUTHN } from './authn.errors.js'
import { codeHash, newOtpCode, recipientHash, subjectHash } from './authn.otp.crypto.js'
import { defaultOtpMessage, type OtpMessageWriter, toSmsText } from './authn.otp.message.js'
import { deleteExpiredOtps, guessOtp, latestOtp, replacePendingOtp } from './authn.otp.repository.js'
import { hitAll, type RateRule } from './authn.rate-limit.js'
import type { OtpPurpose } from './authn.table.js'

/** The OTP primitives also need the key that hashes codes and subjects (`deriveOtpKey(kek)`). */
export type OtpDeps = AuthnDeps & { otpKey: Buffer }

export type OtpPolicy = {
  ttlSeconds: number
  maxAttempts: number
  /** A code replaces a pending (unused) one of the same purpose and subject only this long after it. */
  resendAfterSeconds: number
  /** Codes per purpose and subject (sliding hour). */
  perSubject: RateRule
  /** Codes to one phone or address, whatever the subject: a phone cannot be flooded with codes. */
  perRecipient: RateRule
}

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  ttlSeconds: 5 * 60,
  maxAttempts: 5,
  resendAfterSeconds: 60,
  perSubject: { limit: 5, windowSeconds: 60 * 60 },
  perRecipient: { limit: 10, windowSeconds: 60 * 60 },
}

export type OtpRequest = {
  purpose: OtpPurpose
  /** What the code is bound to, e.g. `${personalId}:${phone}`; only its HMAC is stored. */
  subject: string
  /** E.164 phone number for sms, an address for email. */
  recipient: string
  channel: Channel
  message?: OtpMessageWriter
  /** The outbox template name; `otp.<purpose>` by default. */
  template?: string
}

export type IssuedOtp = { id: string; expiresAt: Date }
export type OtpVerdict = { ok: true } | { ok: false; reason: 'invalid' | 'expired' | 'too_many_attempts' }

const limited = (retryAfterSeconds: number): never =>
  fail(AUTHN.RATE_LIMITED, undefined, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) })

/**
 * Makes a code, stores only its hash, invalidates the earlier codes of the same purpose and subject and
 * queues the message, all in one transaction (the caller's, if `deps.db` is one): a failure sends nothing.
 * Throws `authn.RATE_LIMITED` (details.retryAfterSeconds) when asked too soon or too often.
 */
export const issueOtp = (
  deps: OtpDeps,
  req: OtpRequest,
  policy: OtpPolicy = DEFAULT_OTP_POLICY,
): Promise<IssuedOtp> =>
  inTransaction(deps.db, async (trx) => {
    const tx = { db: trx, clock: deps.clock }
    const now = deps.clock.now()
    const subject = subjectHash(deps.otpKey, req.subject)
    // The counters' row locks, held to commit, also queue concurrent requests for the same subject.
    const [bySubject, byRecipient] = await hitAll(tx, [
      { key: `otp:issue:${req.purpose}:${subject}`, rule: policy.perSubject },
      { key: `otp:recipient:${recipientHash(deps.otpKey, req.recipient)}`, rule: policy.perRecipient },
    ])
    for (const d of [bySubject, byRecipient]) if (d && !d.allowed) limited(d.retryAfterSeconds)
    const id = randomUUID()
    const code = newOtpCode()
    const expiresAt = new Date(now.getTime() + policy.ttlSeconds * 1000)
    // A resend replaces the pending code, but not within a minute of it.
    const resendBefore = new Date(now.getTime() - policy.resendAfterSeconds * 1000)
    const pending = await replacePendingOtp(
      trx,
      {
        id,
        purpose: req.purpose,
        subject_hash: subject,
        code_hash: codeHash(deps.otpKey, req.purpose, subject, code),
        channel: req.channel,
        created_at: now,
        expires_at: expiresAt,
        max_attempts: policy.maxAttempts,
      },
      resendBefore,
    )
    if (pending) limited((pending.getTime() - resendBefore.getTime()) / 1000)
    const msg = (req.message ?? defaultOtpMessage)(code, Math.round(policy.ttlSeconds / 60), req.purpose)
    await enqueueNotification(trx, deps.clock, {
      channel: req.channel,
      recipient: req.recipient,
      template: req.template ?? `otp.${req.purpose}`,
      subject: req.channel === 'email' ? (msg.subject ?? null) : null,
      body: req.channel === 'sms' ? toSmsText(msg.body) : msg.body,
      // Never the code: it lives in the body only.
      data: { purpose: req.purpose, otpId: id },
    })
    return { id, expiresAt }
  })

/** Checks a code: the right one is consumed (once), a wrong one counts; after max_attempts the code is dead. */
export const verifyOtp = async (
  deps: OtpDeps,
  req: { purpose: OtpPurpose; subject: string; code: string },
): Promise<OtpVerdict> => {
  const now = deps.clock.now()
  const subject = subjectHash(deps.otpKey, req.subject)
  const hash = codeHash(deps.otpKey, req.purpose, subject, req.code)
  const row = await guessOtp(deps.db, req.purpose, subject, hash, now)
  if (row) {
    if (row.consumed_at) return { ok: true }
    return { ok: false, reason: row.attempts >= row.max_attempts ? 'too_many_attempts' : 'invalid' }
  }
  // No live code: say why, when the newest one tells (a used code, or none at all, is just invalid).
  const last = await latestOtp(deps.db, req.purpose, subject)
  if (!last || last.consumed_at) return { ok: false, reason: 'invalid' }
  if (last.attempts >= last.max_attempts) return { ok: false, reason: 'too_many_attempts' }
  if (last.expires_at <= now) return { ok: false, reason: 'expired' }
  return { ok: false, reason: 'invalid' }
}

/** For routes: turns a failed verdict into its error (`authn.OTP_INVALID`, `OTP_EXPIRED`, `OTP_TOO_MANY_ATTEMPTS`). */
export const assertOtp = (verdict: OtpVerdict): void => {
  if (verdict.ok) return
  if (verdict.reason === 'expired') fail(AUTHN.OTP_EXPIRED)
  if (verdict.reason === 'too_many_attempts') fail(AUTHN.OTP_TOO_MANY_ATTEMPTS)
  fail(AUTHN.OTP_INVALID)
}

/** Deletes expired codes; run it on a schedule. */
export const cleanupOtps = (deps: AuthnDeps): Promise<number> => deleteExpiredOtps(deps.db, deps.clock.now())
