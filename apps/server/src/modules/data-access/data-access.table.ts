import type { ColumnType, Insertable, Selectable } from 'kysely'

export const RECIPIENT_KINDS = ['relying_party', 'verifier', 'agency'] as const
export type RecipientKind = (typeof RECIPIENT_KINDS)[number]

// One row per release of a person's data to someone outside the platform: who got which claims, and why.
export interface DataAccessLogTable {
  /** Assigned by the database; breaks ties between releases in the same instant. */
  id: ColumnType<string, never, never>
  /** Whose data: the personal ID number (or a foreigner's ID number). */
  subject_id: string
  recipient_kind: RecipientKind
  /** The relying party's client_id, the verifier's account, the agency's code. */
  recipient_id: string
  /** The recipient's name as it was at the time of the release. */
  recipient_name: string
  /** How the data left, e.g. 'oidc.id_token', 'oidc.userinfo', later 'qr.online'. */
  channel: string
  /** The claim names released, never their values. */
  claims: string[]
  /** Why, as the recipient declared it (the relying party's registered purpose). */
  purpose: string | null
  at: ColumnType<Date, Date, never>
  request_id: string | null
  /** The representative who signed in for the subject (a parent or guardian acting for a dependent), else null. */
  representative_id: ColumnType<string | null, string | null | undefined, never>
}

export interface DataAccessTables {
  data_access_log: DataAccessLogTable
}

export type DataAccessRow = Selectable<DataAccessLogTable>
export type NewDataAccessRow = Insertable<DataAccessLogTable>
