import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A client_id: `rp_` and 128 random bits. */
export const newClientId = () => `rp_${randomBytes(16).toString('base64url')}`

/** A client secret: 256 random bits, printed once and stored only as a hash. */
export const newClientSecret = () => randomBytes(32).toString('base64url')

// SHA-256 suffices for 256-bit random secrets (nothing to brute-force) and keeps the token endpoint fast.
export const hashClientSecret = (secret: string) =>
  `sha256$${createHash('sha256').update(secret, 'utf8').digest('base64url')}`

export const secretMatches = (stored: string | undefined, presented: string): boolean => {
  if (!stored) return false
  const a = Buffer.from(stored)
  const b = Buffer.from(hashClientSecret(presented))
  return a.length === b.length && timingSafeEqual(a, b)
}
