import type { ColumnType, Insertable, Selectable } from 'kysely'

export const SHARE_KINDS = ['basic', 'card', 'document', 'app-check'] as const
export type ShareKind = (typeof SHARE_KINDS)[number]

/** Stored states; 'expired' is never stored: a pending share past expires_at reads as expired. */
export const STORED_STATES = ['pending', 'redeemed', 'cancelled'] as const
export type StoredState = (typeof STORED_STATES)[number]

export const REDEEMER_KINDS = ['verifier', 'app_check'] as const
export type RedeemerKind = (typeof REDEEMER_KINDS)[number]

/** One QR share: a one-time token (only its hash is kept) that opens one scope of one citizen's data for 60 s. */
export interface ShareSessionTable {
  id: string
  /** The holder's personal ID number. */
  subject_id: string
  /** SHA-256 of the token, base64url: the token itself is only in the QR code. */
  token_hash: string
  kind: ShareKind
  /** The integrated document shared, for kind 'document'. */
  document_id: string | null
  status: StoredState
  created_at: ColumnType<Date, Date, never>
  expires_at: ColumnType<Date, Date, never>
  redeemed_at: ColumnType<Date | null, never, Date | null>
  redeemer_kind: ColumnType<RedeemerKind | null, never, RedeemerKind | null>
  /** The verifier's client_id, or the scanning officer's account id. */
  redeemer_id: ColumnType<string | null, never, string | null>
  /** The verifier's registered name, or the scanning officer's full name, as it was then. */
  redeemer_name: ColumnType<string | null, never, string | null>
  cancelled_at: ColumnType<Date | null, never, Date | null>
}

export interface SharingTables {
  sharing_session: ShareSessionTable
}

export type ShareRow = Selectable<ShareSessionTable>
export type NewShareRow = Insertable<ShareSessionTable>
