import type { ColumnType, Insertable, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export type LogoutDeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed'

// A logout token owed to a relying party because the provider session it took part in was ended by the
// end of the accounts session behind it (a lock, a logout or a revocation in the app).
export interface OidcLogoutDeliveryTable {
  id: string
  /** The ended provider session's uid (stable for its whole life). */
  session_uid: string
  client_id: string
  /** The provider's account id: the token's sub is derived from it for this client (pairwise). */
  account_id: string
  /** The session id this relying party was given in its ID tokens. */
  sid: string
  status: ColumnType<LogoutDeliveryStatus, LogoutDeliveryStatus | undefined, LogoutDeliveryStatus>
  attempts: ColumnType<number, number | undefined, number>
  /** When a queued row is due, or when a 'sending' claim lapses (the instance died mid-send). */
  next_attempt_at: Timestamp
  /** The bounded time: after it, a relying party that never answered is given up on (and logged). */
  give_up_at: Timestamp
  last_error: string | null
  created_at: Timestamp
  sent_at: Timestamp | null
}

export interface SessionEndTables {
  oidc_logout_delivery: OidcLogoutDeliveryTable
}

export type LogoutDeliveryRow = Selectable<OidcLogoutDeliveryTable>
export type NewLogoutDeliveryRow = Insertable<OidcLogoutDeliveryTable>
