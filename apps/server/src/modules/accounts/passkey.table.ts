import type { ColumnType, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>
type Counter = ColumnType<number, number, number>

// A passkey (WebAuthn credential) of an account: only its public key is kept.
export interface AccountsPasskeyTable {
  id: string
  account_id: string
  /** The authenticator's credential ID, base64url. */
  credential_id: string
  /** The COSE public key from the attestation. */
  public_key: Bytes
  /** The signature counter; a counter that stops increasing reveals a cloned authenticator. */
  counter: Counter
  transports: string[]
  /** 'singleDevice' or 'multiDevice' (synced passkey). */
  device_type: string
  backed_up: boolean
  aaguid: string
  name: string
  created_at: Timestamp
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export type WebauthnPurpose = 'register' | 'login' | 'step_up'

// A WebAuthn challenge handed to the browser: used once, within its lifetime, for its purpose.
export interface AccountsWebauthnChallengeTable {
  id: string
  purpose: WebauthnPurpose
  challenge: string
  /** The account it is for (null for a username-less passkey login). */
  account_id: string | null
  /** The session that asked (registration and step-up happen inside a session). */
  session_id: string | null
  /** What a login challenge is also bound to (an OpenID login interaction: 'oidc:<uid>'), else null. */
  bound_to: string | null
  created_at: Timestamp
  expires_at: Timestamp
  consumed_at: Timestamp | null
}

export interface PasskeyTables {
  accounts_passkey: AccountsPasskeyTable
  accounts_webauthn_challenge: AccountsWebauthnChallengeTable
}

export type PasskeyRow = Selectable<AccountsPasskeyTable>
