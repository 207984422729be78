// P-256 points: the holder's device key travels compressed (33 bytes instead of 65, SEC 1 §2.3.3).

import { base64urlDecode, base64urlEncode, concat } from './bytes.js'

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn

const modPow = (base: bigint, exp: bigint, m: bigint) => {
  let result = 1n
  let b = base % m
  let e = exp
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m
    b = (b * b) % m
    e >>= 1n
  }
  return result
}
const toBig = (bytes: Uint8Array) => {
  let n = 0n
  for (const b of bytes) n = (n << 8n) | BigInt(b)
  return n
}
const toBytes32 = (n: bigint) => {
  const out = new Uint8Array(32)
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(n & 0xffn)
    n >>= 8n
  }
  return out
}

export type EcPublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string }

/** A public P-256 JWK to its compressed point: 0x02 or 0x03 (parity of y), then x. */
export const compressJwk = (jwk: EcPublicJwk): Uint8Array<ArrayBuffer> => {
  const x = base64urlDecode(jwk.x)
  const y = base64urlDecode(jwk.y)
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || x?.length !== 32 || y?.length !== 32)
    throw new RangeError('not a P-256 public JWK')
  return concat(Uint8Array.of(2 + ((y[31] as number) & 1)), x)
}

/** The uncompressed point (0x04 || x || y) of a compressed one, or null when it is not on the curve. */
export const decompressPoint = (point: Uint8Array): Uint8Array<ArrayBuffer> | null => {
  const prefix = point[0]
  if (point.length !== 33 || (prefix !== 2 && prefix !== 3)) return null
  const x = toBig(point.subarray(1))
  if (x >= P) return null
  const rhs = (((((x * x) % P) * x) % P) - 3n * x + B + 3n * P) % P
  let y = modPow(rhs, (P + 1n) / 4n, P)
  if ((y * y) % P !== rhs) return null
  if (Number(y & 1n) !== prefix - 2) y = P - y
  return concat(Uint8Array.of(4), point.subarray(1), toBytes32(y))
}

export const pointToJwk = (uncompressed: Uint8Array): EcPublicJwk => ({
  kty: 'EC',
  crv: 'P-256',
  x: base64urlEncode(uncompressed.subarray(1, 33)),
  y: base64urlEncode(uncompressed.subarray(33, 65)),
})
