import { createHmac } from 'node:crypto'
import type { JWK } from 'jose'
import type { KeyStore } from '../../platform/keys/index.js'

/**
 * The provider's key set from the platform key store: the active key first (it signs), then the keys
 * retired within the retention period, marked verify-only, so tokens they signed still verify and the
 * provider's JWKS keeps publishing them.
 */
export const providerKeys = async (keys: KeyStore) => {
  const published = await keys.privateJwks()
  const jwks: JWK[] = published.map(({ kid, status, jwk }) => ({
    ...jwk,
    kid,
    alg: 'ES256',
    use: 'sig',
    ...(status === 'active' ? {} : { key_ops: ['verify'] }),
  }))
  return { jwks: { keys: jwks }, fingerprint: published.map((k) => `${k.kid}:${k.status}`).join(',') }
}

/** Keys that sign the provider's cookies: derived from the KEK, the same on every instance. */
export const cookieKeys = (keys: KeyStore) => [keys.deriveSecret('oidc/cookies').toString('base64url')]

/**
 * A pairwise subject (OpenID Connect Core §8.1): HMAC-SHA256 under a key derived from the KEK, over the
 * client's sector and the account, so two relying parties cannot link a citizen by `sub`.
 */
export const pairwiseSubject = (key: Buffer, sector: string, accountId: string) =>
  createHmac('sha256', key).update(`${sector}\n${accountId}`, 'utf8').digest('base64url')
