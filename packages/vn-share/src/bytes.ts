// Byte helpers that run the same in Node and the browser (no Buffer).

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const B64_VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < B64URL.length; i++) B64_VALUE[B64URL.charCodeAt(i)] = i

export const base64urlEncode = (bytes: Uint8Array): string => {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += (B64URL[n >> 18] as string) + (B64URL[(n >> 12) & 63] as string)
    if (i + 1 < bytes.length) out += B64URL[(n >> 6) & 63] as string
    if (i + 2 < bytes.length) out += B64URL[n & 63] as string
  }
  return out
}

/** Unpadded base64url to bytes; null on any other character or an impossible length. */
export const base64urlDecode = (text: string): Uint8Array<ArrayBuffer> | null => {
  if (text.length % 4 === 1) return null
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let bits = 0
  let acc = 0
  let o = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const v = code < 128 ? (B64_VALUE[code] as number) : -1
    if (v < 0) return null
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return out
}

export const hex = (bytes: Uint8Array) => {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

export const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

export const equalBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((v, i) => v === b[i])

/** A UUID's 16 bytes, and back (lower case, with dashes). */
export const uuidToBytes = (uuid: string): Uint8Array<ArrayBuffer> => {
  const h = uuid.replace(/-/g, '')
  if (!/^[0-9a-f]{32}$/i.test(h)) throw new RangeError(`not a UUID: ${uuid}`)
  return Uint8Array.from({ length: 16 }, (_, i) => Number.parseInt(h.slice(i * 2, i * 2 + 2), 16))
}
export const bytesToUuid = (b: Uint8Array) => {
  const h = hex(b)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
