import type { ColumnType, Insertable, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export const OTP_PURPOSES = [
  'activation',
  'login_new_device',
  'password_reset',
  'phone_change_old',
  'phone_change_new',
  'email_change',
  'step_up',
  'unlock',
] as const
export type OtpPurpose = (typeof OTP_PURPOSES)[number]

/**
 * One one-time code. Neither the code nor what it is bound to is stored in clear: `subject_hash` and
 * `code_hash` are HMAC-SHA256 under a key derived from the KEK. At most one live (unconsumed) code per
 * purpose and subject: issuing a new one deletes the earlier ones.
 */
export interface AuthnOtpTable {
  id: string
  purpose: OtpPurpose
  subject_hash: string
  code_hash: string
  channel: 'sms' | 'email'
  created_at: Timestamp
  expires_at: Timestamp
  attempts: ColumnType<number, number | undefined, number>
  max_attempts: number
  consumed_at: Timestamp | null
}

/** One window of one limiter key; the sliding estimate reads the current and the previous window. */
export interface AuthnRateLimitTable {
  key: string
  window_seconds: number
  window_start: Timestamp
  count: number
  /** End of the window after this one: until then the row still weighs in the sliding estimate. */
  expires_at: Timestamp
}

/** Failed logins of an account from one source (an IPv4 address or IPv6 /64), or '*' for the account. */
export interface AuthnLoginFailureTable {
  account: string
  source: string
  failures: number
  first_failed_at: Timestamp
  last_failed_at: Timestamp
  locked_until: Timestamp | null
}

export interface AuthnTables {
  authn_otp: AuthnOtpTable
  authn_rate_limit: AuthnRateLimitTable
  authn_login_failure: AuthnLoginFailureTable
}

export type OtpRow = Selectable<AuthnOtpTable>
export type NewOtpRow = Insertable<AuthnOtpTable>
export type LoginFailureRow = Selectable<AuthnLoginFailureTable>
