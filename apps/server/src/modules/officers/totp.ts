import { createHmac } from 'node:crypto'

/** RFC 6238 as every authenticator app does it: HMAC-SHA-1, 6 digits, 30-second steps. */
export const TOTP_STEP_SECONDS = 30
export const TOTP_DIGITS = 6
/** Steps accepted either side of now, for a phone clock a little off. */
export const TOTP_WINDOW = 1

export const timeStepOf = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS)

/** RFC 4226 HOTP: dynamic truncation of HMAC-SHA-1 over the 8-byte big-endian counter. */
export const hotp = (secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string => {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', secret).update(message).digest()
  const offset = (mac.at(-1) ?? 0) & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

export const totpAt = (secret: Uint8Array, at: Date, digits = TOTP_DIGITS) =>
  hotp(secret, timeStepOf(at), digits)

/** The time step a code belongs to within ±TOTP_WINDOW of `at`, or null: the caller refuses reused steps. */
export const matchTotp = (secret: Uint8Array, code: string, at: Date): number | null => {
  if (!/^\d{6}$/.test(code)) return null
  const now = timeStepOf(at)
  let matched: number | null = null
  // Every candidate is computed, so the time taken does not say which step matched.
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++)
    if (hotp(secret, step) === code && matched === null) matched = step
  return matched
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32 without padding, as otpauth:// URIs carry the secret. */
export const base32Encode = (bytes: Uint8Array): string => {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out
}

export const base32Decode = (text: string): Buffer => {
  const bytes: number[] = []
  let bits = 0
  let value = 0
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(ch)
    if (index < 0) throw new Error('not base32')
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(bytes)
}

/** The Key URI Format authenticator apps scan (github.com/google/google-authenticator/wiki/Key-Uri-Format). */
export const otpauthUri = (issuer: string, accountName: string, secret: Uint8Array) => {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`
  const query = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  })
  return `otpauth://totp/${label}?${query.toString()}`
}
