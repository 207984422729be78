import type { ColumnType, Insertable, Selectable } from 'kysely'

export type KeyStatus = 'active' | 'retired' | 'revoked'

/** The public half as published in the JWKS. */
export type PublicJwk = {
  kty: string
  crv: string
  x: string
  y: string
  kid: string
  alg: 'ES256'
  use: 'sig'
}

export interface SigningKeyTable {
  /** RFC 7638 thumbprint of the public key. */
  kid: string
  alg: 'ES256'
  use: 'sig'
  status: KeyStatus
  public_jwk: ColumnType<PublicJwk, string, string>
  /** `v1.<nonce>.<ciphertext>.<tag>` (base64url): AES-256-GCM under the KEK, the kid as associated data. */
  private_jwk_enc: string
  created_at: Date
  activated_at: Date | null
  retired_at: Date | null
}

export interface KeyTables {
  platform_signing_key: SigningKeyTable
}

export type SigningKeyRow = Selectable<SigningKeyTable>
export type NewSigningKeyRow = Insertable<SigningKeyTable>
