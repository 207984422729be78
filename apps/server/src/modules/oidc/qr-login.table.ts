import type { ColumnType, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export type QrLoginState = 'pending' | 'approved' | 'refused' | 'used'

// A login request a browser shows as a QR code, for the citizen app to approve (qr-login.flow.mmd).
export interface OidcQrLoginTable {
  id: string
  /** SHA-256 of the code the QR carries; the code itself is never stored. */
  code_hash: string
  /** The login page (oidc-provider interaction) it belongs to; the code does not reveal it. */
  interaction_uid: string
  client_id: string
  /** The browser as the approving holder sees it: its kind and system, and its address with the last part hidden. */
  browser: string
  ip: string
  state: QrLoginState
  /** The account (subject ID) that scanned it first: no other account may see or decide it. */
  scanned_by: string | null
  /** The account (subject ID) that approved, and how it proved it (RFC 8176). */
  account_id: string | null
  amr: string[] | null
  created_at: Timestamp
  expires_at: Timestamp
  decided_at: Timestamp | null
  used_at: Timestamp | null
}

export interface QrLoginTables {
  oidc_qr_login: OidcQrLoginTable
}

export type QrLoginRow = Selectable<OidcQrLoginTable>
