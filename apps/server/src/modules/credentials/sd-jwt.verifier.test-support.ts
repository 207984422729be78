import { digest, ES256 } from '@sd-jwt/crypto-nodejs'
import { type SDJWTVCConfig, SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import { SDJWTException } from '@sd-jwt/utils'
import type { JWK } from 'jose'
import { unreferencedDisclosures } from './sd-jwt.references.js'
import type { PublishedJwks } from './sd-jwt.verifier.js'

const headerKid = (data: string) => {
  const header = JSON.parse(Buffer.from(data.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
    kid?: unknown
  }
  return typeof header.kid === 'string' ? header.kid : undefined
}

/** The library's verifier, plus the RFC 9901 rule it leaves out: every disclosure must be referenced. */
class StrictSdJwtVcVerifier extends SDJwtVcInstance {
  override async verify(encoded: string, options?: Parameters<SDJwtVcInstance['verify']>[1]) {
    if (unreferencedDisclosures(encoded).length > 0)
      throw new SDJWTException('A disclosure is not referenced by the issuer-signed JWT (altered?)')
    return super.verify(encoded, options)
  }
}

/**
 * The @sd-jwt library's own SD-JWT VC verifier (0.19.0) given our published keys, as the platform used it
 * before its own verifier: the reference the tests hold `sdJwtVcVerifier` to, and the benchmark's "before".
 * It picks the key by `kid`, checks the key-binding JWT against `cnf.jwk`, and verifies and inflates the
 * status list again for every credential.
 */
export const librarySdJwtVcVerifier = (
  jwks: PublishedJwks,
  fetchStatusList: (uri: string) => Promise<string>,
) => {
  const verifiers = new Map<string, Promise<(data: string, sig: string) => Promise<boolean>>>()
  for (const jwk of jwks.keys) if (jwk.kid) verifiers.set(jwk.kid, ES256.getVerifier(jwk))
  const config: SDJWTVCConfig = {
    hasher: digest,
    hashAlg: 'sha-256',
    verifier: async (data, sig) => {
      const kid = headerKid(data)
      const verify = kid ? verifiers.get(kid) : undefined
      return verify ? (await verify)(data, sig) : false
    },
    kbVerifier: async (data, sig, payload) => {
      const jwk = (payload.cnf as { jwk?: JWK } | undefined)?.jwk
      return jwk ? (await ES256.getVerifier(jwk))(data, sig) : false
    },
    statusListFetcher: fetchStatusList,
  }
  return new StrictSdJwtVcVerifier(config)
}
