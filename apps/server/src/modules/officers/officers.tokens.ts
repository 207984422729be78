import { createHash, randomBytes, randomInt } from 'node:crypto'

/** An unguessable token for a cookie: 256 bits, base64url. */
export const newToken = () => randomBytes(32).toString('base64url')

/** Tokens are stored hashed: a leaked table opens no session. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url')

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/** A first password handed over once: 24 unbiased picks of 57 characters (~140 bits), no look-alikes. */
export const initialPassword = () => {
  let out = ''
  for (let i = 0; i < 24; i++) out += ALPHABET[randomInt(ALPHABET.length)]
  return `${out.slice(0, 6)}-${out.slice(6, 12)}-${out.slice(12, 18)}-${out.slice(18, 24)}`
}
