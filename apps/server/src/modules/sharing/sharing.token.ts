import { createHash, randomBytes } from 'node:crypto'

/** What an online sharing QR code says: the prefix, then the one-time token. */
export const ONLINE_PREFIX = 'VNS1:'
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
// 128 bits in RFC 4648 base32 without padding: 26 symbols, the last carrying 3 bits and 2 zero bits.
const LENGTH = 26
const QR = /^VNS1:([A-Z2-7]{26})$/

const base32 = (bytes: Buffer) => {
  let out = ''
  let bits = 0
  let value = 0
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return out
}

/** A fresh token: 128 random bits, uppercase base32 (QR alphanumeric mode holds it compactly). */
export const newShareToken = () => base32(randomBytes(16))

export const qrOf = (token: string) => `${ONLINE_PREFIX}${token}`

/**
 * The token in a scanned text, or null when the text cannot be one of ours: wrong prefix, length or
 * alphabet, or non-zero padding bits in the last symbol (a token we issued never has them).
 */
export const parseShareQr = (text: string): string | null => {
  const m = QR.exec(text.trim())
  const token = m?.[1]
  if (!token || token.length !== LENGTH) return null
  const last = ALPHABET.indexOf(token.charAt(LENGTH - 1))
  return (last & 0b11) === 0 ? token : null
}

// 128 random bits need no salt or stretching: the hash only keeps a database reader from redeeming.
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url')
