// Base45 (RFC 9285): the QR alphanumeric alphabet, so a QR holds the text in alphanumeric mode (5.5 bits a
// character) instead of byte mode. Strict: lower case, other characters and out-of-range groups are refused.

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'
const VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i

/** Two bytes to three characters (one trailing byte to two), least significant digit first. */
export const base45Encode = (bytes: Uint8Array): string => {
  let out = ''
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = ((bytes[i] as number) << 8) | (bytes[i + 1] as number)
    const c = n % 45
    n = (n - c) / 45
    const d = n % 45
    out += ALPHABET[c] + (ALPHABET[d] as string) + (ALPHABET[(n - d) / 45] as string)
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] as number
    out += (ALPHABET[n % 45] as string) + (ALPHABET[Math.floor(n / 45)] as string)
  }
  return out
}

const digit = (text: string, i: number) => {
  const code = text.charCodeAt(i)
  return code < 128 ? (VALUE[code] as number) : -1
}

/** The bytes, or null when the text is not valid base45 (a length of 1 mod 3, a bad character, a group too large). */
export const base45Decode = (text: string): Uint8Array<ArrayBuffer> | null => {
  if (text.length % 3 === 1) return null
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0))
  let o = 0
  for (let i = 0; i < text.length; i += 3) {
    const c = digit(text, i)
    const d = digit(text, i + 1)
    if (c < 0 || d < 0) return null
    if (i + 2 < text.length) {
      const e = digit(text, i + 2)
      if (e < 0) return null
      const n = c + d * 45 + e * 2025
      if (n > 0xffff) return null
      out[o++] = n >> 8
      out[o++] = n & 0xff
    } else {
      const n = c + d * 45
      if (n > 0xff) return null
      out[o++] = n
    }
  }
  return out
}
