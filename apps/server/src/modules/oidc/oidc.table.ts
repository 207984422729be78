import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { OnboardingTables } from './onboarding.table.js'
import type { QrLoginTables } from './qr-login.table.js'
import type { SessionEndTables } from './session-end.table.js'

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
/** baseline for every relying party; fapi2 for financial ones (PAR, DPoP, private_key_jwt required). */
export type ClientProfile = 'baseline' | 'fapi2'

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
  /** The security profile the provider enforces for it (docs/oidc.md); 'baseline' unless registered otherwise. */
  profile: Generated<ClientProfile>
  /** Registered for the client_credentials grant: machine tokens with no account (docs/oidc.md). */
  client_credentials: Generated<boolean>
  /** Where the relying party may ask to be sent after logout (RP-Initiated Logout 1.0). */
  post_logout_redirect_uris: Generated<string[]>
  /** Where the provider posts logout tokens when the citizen's session ends (Back-Channel Logout 1.0). */
  backchannel_logout_uri: string | null
  /** A representative may sign in for a dependent (a child, a ward) here; off unless registered so. */
  allow_dependents: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface OidcTables extends OnboardingTables, QrLoginTables, SessionEndTables {
  oidc_payload: OidcPayloadTable
  oidc_client: OidcClientTable
}

export type PayloadRow = Selectable<OidcPayloadTable>
export type NewPayloadRow = Insertable<OidcPayloadTable>
export type ClientRow = Selectable<OidcClientTable>
export type NewClientRow = Insertable<OidcClientTable>
