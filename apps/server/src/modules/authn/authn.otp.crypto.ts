import { createHmac, hkdfSync, randomInt } from 'node:crypto'

/** The key that hashes one-time codes and what they are bound to: HKDF-SHA256 of the KEK, for this use only. */
export const deriveOtpKey = (kek: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', kek, 'dinhdanh', 'authn/otp/v1', 32))

const mac = (key: Buffer, ...parts: string[]) =>
  createHmac('sha256', key).update(parts.join('\0')).digest('base64url')

/** What a code is bound to (e.g. the personal ID number and the phone), never stored in clear. */
export const subjectHash = (key: Buffer, subject: string) => mac(key, 'subject', subject)

/** A recipient as its rate-limit key sees it: hashed, so the limiter's table holds no phone numbers. */
export const recipientHash = (key: Buffer, recipient: string) =>
  mac(key, 'recipient', recipient.replace(/[\s.-]/g, '').toLowerCase())

/**
 * A keyed hash, not a plain SHA-256: there are only 10^6 codes, so anyone with the table could invert a
 * plain hash at once; without the KEK they cannot. Purpose and subject are in it, so a hash means nothing
 * on another row.
 */
export const codeHash = (key: Buffer, purpose: string, subject: string, code: string) =>
  mac(key, 'code', purpose, subject, code)

/** Six uniformly random digits, leading zeros kept. */
export const newOtpCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0')
