// node:crypto for servers and benchmarks: KeyObjects and one-shot verify, no promise round trip per step.
// Never imported by the browser entry point.

import { createHash, createPublicKey, ECDH, type KeyObject, verify } from 'node:crypto'
import type { ShareCrypto } from './crypto.js'

// The device key arrives compressed. OpenSSL 3 parses a DER SubjectPublicKeyInfo slowly (its decoder
// framework): decompressing with ECDH.convertKey and importing the JWK costs about two thirds as much (measured).
const deviceKey = (point: Uint8Array): KeyObject => {
  const raw = ECDH.convertKey(point, 'prime256v1', undefined, undefined, 'uncompressed') as Buffer
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  })
}

export const nodeShareCrypto: ShareCrypto = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  importIssuerKey: (jwk) =>
    createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' }),
  importDeviceKey: deviceKey,
  verify: (key, data, signature) =>
    verify('sha256', data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }, signature),
}
