import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { VerifierSeenTable } from './verifier-seen.table.js'

/** What each issuer key signs: SD-JWT VCs (and status lists), the mdoc IACA root, mdoc document signers. */
export type IssuerKeyPurpose = 'sd-jwt' | 'mdoc-iaca' | 'mdoc-ds' | 'compact'
/** `vn-compact`: the offline QR credential (packages/vn-share, compact.service.ts). */
export type CredentialFormat = 'dc+sd-jwt' | 'mso_mdoc' | 'vn-compact'

/** The public half as published in the issuer metadata. */
export type IssuerPublicJwk = {
  kty: 'EC'
  crv: 'P-256'
  x: string
  y: string
  kid: string
  alg: 'ES256'
  use: 'sig'
}

export interface IssuerKeyTable {
  kid: string
  purpose: IssuerKeyPurpose
  status: 'active' | 'retired'
  public_jwk: ColumnType<IssuerPublicJwk, string, string>
  /** The private JWK sealed with a KEK-derived key (platform DataSealer), the kid as associated data. */
  private_jwk_enc: Uint8Array
  /** PEM of the X.509 certificate (mdoc keys only). */
  certificate: string | null
  not_after: Date | null
  created_at: Date
  retired_at: Date | null
}

export interface StatusListTable {
  id: ColumnType<number, never, never>
  bits: ColumnType<number, number | undefined, never>
  size: number
  next_index: ColumnType<number, number | undefined, number>
  created_at: Date
}

/** One row per issued credential: what is needed to revoke it and keep its key published, nothing more. */
export interface IssuedCredentialTable {
  id: string
  subject_id: string
  type: string
  format: CredentialFormat
  kid: string
  status_list_id: number
  status_index: number
  issued_at: Date
  expires_at: Date
  revoked_at: Date | null
  revocation_reason: string | null
  /** What the credential was issued from (an integrated document's id): its change or removal revokes it. */
  source_ref: string | null
}

/** A nonce the holder signs into its proof of possession: single use, bound to the account, short-lived. */
export interface HolderNonceTable {
  /** SHA-256 of the nonce, base64url: a database read gives no usable nonce. */
  nonce_hash: string
  account_id: string
  created_at: Date
  expires_at: Date
}

export interface CredentialsTables {
  credentials_issuer_key: IssuerKeyTable
  credentials_status_list: StatusListTable
  credentials_issued: IssuedCredentialTable
  credentials_holder_nonce: HolderNonceTable
  credentials_verifier_seen: VerifierSeenTable
}

export type IssuerKeyRow = Selectable<IssuerKeyTable>
export type NewIssuerKeyRow = Insertable<IssuerKeyTable>
export type IssuedCredentialRow = Selectable<IssuedCredentialTable>
