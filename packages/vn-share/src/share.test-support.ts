import { base64urlEncode } from './bytes.js'
import type { Claims, Profile } from './claims.js'
import { issueCompactCredential } from './credential.js'
import type { WebCryptoKey } from './crypto.js'
import type { EcPublicJwk } from './p256.js'

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const
export const NOW = new Date('2026-12-02T10:00:00Z')

export const keyPair = () => crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify'])
export const publicJwk = async (key: WebCryptoKey) => {
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', key)
  return { kty, crv, x, y } as EcPublicJwk
}

/** An issuer as the server is one: a P-256 key and its short kid (6 bytes, base64url). */
export const givenIssuer = async () => {
  const pair = await keyPair()
  const kid = base64urlEncode(crypto.getRandomValues(new Uint8Array(6)))
  const jwk = { ...(await publicJwk(pair.publicKey)), kid, alg: 'ES256' as const }
  const issue = async (
    device: WebCryptoKey,
    profile: Profile,
    claims: Claims,
    over: { expiresAt?: Date } = {},
  ) =>
    issueCompactCredential(
      {
        kid,
        profile,
        id: crypto.randomUUID(),
        issuedAt: NOW,
        expiresAt: over.expiresAt ?? new Date('2027-01-01T00:00:00Z'),
        deviceKey: await publicJwk(device),
        status: { list: 1, index: 42 },
        claims,
      },
      async (data) =>
        new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data)),
    )
  return { jwk, issue }
}

export const AN_BASIC: Claims = { family_name: 'Nguyễn', given_name: 'Văn An', birth_date: '1995-03-15' }
export const AN_CARD: Claims = {
  ...AN_BASIC,
  personal_administrative_number: '079095001234',
  sex: 1,
  nationality: 'VN',
  place_of_birth: 'TP. Hồ Chí Minh',
  address: '12 Nguyễn Huệ, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
  document_number: '079095001234',
  issuance_date: '2021-04-10',
  expiry_date: '2035-03-15',
  issuing_authority: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
}
