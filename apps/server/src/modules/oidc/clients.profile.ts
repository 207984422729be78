import { z } from 'zod'
import type { ClientJwks, ClientProfile } from './oidc.table.js'

export const PROFILES = ['baseline', 'fapi2'] as const satisfies readonly ClientProfile[]
export const Profile = z.enum(PROFILES)

/** The signing algorithms FAPI 2.0 allows for client assertions (Security Profile §5.4.1). */
export type FapiSigningAlg = 'ES256' | 'EdDSA' | 'PS256'

// An RSA modulus of 2048 bits is 342 base64url characters: FAPI 2.0 asks for at least that.
const RSA_2048 = 342

const fapiAlgOf = (key: Record<string, unknown>): FapiSigningAlg | undefined => {
  const alg = key.alg
  if (key.kty === 'EC' && key.crv === 'P-256' && (alg ?? 'ES256') === 'ES256') return 'ES256'
  if (key.kty === 'OKP' && key.crv === 'Ed25519' && (alg ?? 'EdDSA') === 'EdDSA') return 'EdDSA'
  if (
    key.kty === 'RSA' &&
    typeof key.n === 'string' &&
    key.n.length >= RSA_2048 &&
    (alg ?? 'PS256') === 'PS256'
  )
    return 'PS256'
  return undefined
}

/**
 * The one algorithm a fapi2 client signs its assertions with, or undefined when its key set does not fit
 * FAPI 2.0: every key must be an ES256 (P-256), EdDSA (Ed25519) or PS256 (RSA ≥ 2048) key, all of one kind.
 */
export const fapiSigningAlg = (jwks: ClientJwks): FapiSigningAlg | undefined => {
  const algs = new Set(jwks.keys.map(fapiAlgOf))
  const [only] = [...algs]
  return algs.size === 1 ? only : undefined
}

/** A fapi2 client authenticates with private_key_jwt and FAPI keys, never with a shared secret. */
export const fitsProfile = (profile: ClientProfile, authMethod: string, jwks: ClientJwks | null) =>
  profile === 'baseline' ||
  (authMethod === 'private_key_jwt' && jwks !== null && fapiSigningAlg(jwks) !== undefined)

/**
 * What oidc-provider enforces for a fapi2 client on top of features.fapi (oidc.configuration.ts): pushed
 * authorization requests, DPoP-bound tokens, and one FAPI algorithm for its client assertions.
 */
export const fapi2ClientMetadata = (jwks: ClientJwks | null) => {
  const alg = jwks === null ? undefined : fapiSigningAlg(jwks)
  return {
    require_pushed_authorization_requests: true,
    dpop_bound_access_tokens: true,
    ...(alg ? { token_endpoint_auth_signing_alg: alg } : {}),
  }
}
