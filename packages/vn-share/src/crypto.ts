// The crypto a verifier needs, behind one small interface: WebCrypto (browser and Node) by default, and
// `@dinhdanh/vn-share/node` for servers (node:crypto, several times faster per verification).

import type { EcPublicJwk } from './p256.js'
import { decompressPoint } from './p256.js'

export type Bytes = Uint8Array<ArrayBuffer>
/** WebCrypto's CryptoKey, named so that the DOM and Node type libraries both know it. */
export type WebCryptoKey = Parameters<typeof crypto.subtle.sign>[1]
type Maybe<T> = T | Promise<T>

export interface ShareCrypto {
  sha256(data: Bytes): Maybe<Uint8Array>
  /** An issuer key from its published JWK, ready to verify (imported once per key set). */
  importIssuerKey(jwk: EcPublicJwk): Maybe<unknown>
  /** A holder's device key from its compressed point; throws or returns null for a point not on the curve. */
  importDeviceKey(point: Uint8Array): Maybe<unknown>
  /** ES256 over `data`, `signature` the 64-byte r || s of COSE and WebCrypto. */
  verify(key: unknown, data: Bytes, signature: Bytes): Maybe<boolean>
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const

/** WebCrypto (`crypto.subtle`): the same code in the browser and in Node 20+. */
export const webShareCrypto: ShareCrypto = {
  sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
  importIssuerKey: (jwk) =>
    crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, ECDSA, false, ['verify']),
  importDeviceKey: (point) => {
    const raw = decompressPoint(point)
    return raw ? crypto.subtle.importKey('raw', raw, ECDSA, false, ['verify']) : null
  },
  verify: (key, data, signature) => crypto.subtle.verify(ES256, key as WebCryptoKey, signature, data),
}
