import { createHash, randomInt } from 'node:crypto'

// No 0/O, 1/I: the code is also typed by hand. 32 symbols, 10 of them: 50 bits, alive for 2 minutes.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const LENGTH = 10
/** What the QR carries: a prefix the app recognises, then the code. */
export const QR_PREFIX = 'dinhdanh-login:'

export const newQrCode = () => Array.from({ length: LENGTH }, () => ALPHABET[randomInt(32)]).join('')

/** The code as typed or scanned: the prefix, spaces and dashes dropped, upper case; null if it cannot be one. */
export const normalizeQrCode = (input: string): string | null => {
  const text = input.trim()
  const bare = text.toLowerCase().startsWith(QR_PREFIX) ? text.slice(QR_PREFIX.length) : text
  const code = bare.replace(/[\s-]/g, '').toUpperCase()
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null
}

/** The code in two groups of five, as the page shows it for typing. */
export const displayQrCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`

export const qrCodeHash = (code: string) => createHash('sha256').update(code).digest('base64url')
