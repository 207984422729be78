// The verifier's trusted issuer keys: the published JWKs (GET /api/v1/credentials/share-keys), imported once.

import { base64urlDecode, hex } from './bytes.js'
import { type ShareCrypto, webShareCrypto } from './crypto.js'

export type ShareKeyJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg?: 'ES256' }
export type TrustedKeys = { crypto: ShareCrypto; byKid: ReadonlyMap<string, unknown> }

/** Imports the published keys for verification; keys that are not ES256 P-256 with a kid are skipped. */
export const trustKeys = async (
  jwks: readonly ShareKeyJwk[],
  crypto: ShareCrypto = webShareCrypto,
): Promise<TrustedKeys> => {
  const byKid = new Map<string, unknown>()
  for (const jwk of jwks) {
    const kid = typeof jwk.kid === 'string' ? base64urlDecode(jwk.kid) : null
    if (!kid || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || (jwk.alg && jwk.alg !== 'ES256')) continue
    byKid.set(hex(kid), await crypto.importIssuerKey(jwk))
  }
  return { crypto, byKid }
}
