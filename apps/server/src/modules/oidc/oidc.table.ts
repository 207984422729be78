import type { ColumnType, Insertable, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T> = ColumnType<T, string, string>

/** What oidc-provider stores through its adapter: the payload as it gives it, with the columns it looks up by. */
export type StoredPayload = Record<string, unknown>

// One row per stored model instance (sessions, interactions, codes, tokens, grants): (model, id) is the key.
export interface OidcPayloadTable {
  model: string
  id: string
  payload: Json<StoredPayload>
  grant_id: string | null
  uid: string | null
  user_code: string | null
  expires_at: Timestamp | null
  /** Set once, by the one UPDATE that consumes a single-use code or token. */
  consumed_at: Timestamp | null
}

export type ClientStatus = 'active' | 'suspended'
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt'

/** A public key set a private_key_jwt client signs its assertions with. */
export type ClientJwks = { keys: Array<Record<string, unknown>> }

// A relying party registered to log citizens in (DOMAIN §7): what it may ask for and at which level.
export interface OidcClientTable {
  client_id: string
  name: string
  /** Why it asks for the data: shown to the citizen on the consent page. */
  purpose: string | null
  auth_method: ClientAuthMethod
  /** `sha256$<base64url>` of the secret (the secret is printed once, never stored). */
  secret_hash: string | null
  jwks: Json<ClientJwks> | null
  redirect_uris: string[]
  /** Scopes the agreement allows (openid, profile, vn_id, offline_access). */
  scopes: string[]
  /** The lowest account level the relying party accepts (D34 Art 5). */
  min_level: number
  /** Clients of one sector share pairwise subjects; by default each client is its own sector. */
  sector: string
  status: ClientStatus
  created_at: Timestamp
  updated_at: Timestamp
}

export interface OidcTables {
  oidc_payload: OidcPayloadTable
  oidc_client: OidcClientTable
}

export type PayloadRow = Selectable<OidcPayloadTable>
export type NewPayloadRow = Insertable<OidcPayloadTable>
export type ClientRow = Selectable<OidcClientTable>
export type NewClientRow = Insertable<OidcClientTable>
