import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { Role, UnitLevel } from './officers.permissions.js'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>

/** A police unit: C06 (central), a provincial PC06, a commune police, an immigration office. */
export interface OfficersUnitTable {
  code: string
  name: string
  level: UnitLevel
  parent_code: string | null
  /** The three-digit province code (packages/vn-id); null for central units and the national immigration body. */
  province_code: string | null
}

/**
 * An officer account: password (Argon2id) and a TOTP secret sealed under the KEK. A new officer (or one
 * whose authenticator was reset) has only a one-time password and enrols the authenticator at the first login.
 */
export interface OfficersOfficerTable {
  id: string
  officer_number: string
  full_name: string
  unit_code: string
  roles: Role[]
  status: 'active' | 'suspended'
  password_hash: string
  /** True while the password is a one-time password from an administrator: it opens only the first-login steps. */
  password_change_required: boolean
  /** Null until the officer enrols an authenticator at the first login (and again after a reset). */
  totp_sealed: Bytes | null
  /** When the authenticator was enrolled; null exactly when totp_sealed is. */
  totp_confirmed_at: Timestamp | null
  /** The last accepted TOTP time step: a code of that step or an earlier one is never accepted again. */
  totp_last_step: number | null
  created_at: Timestamp
  updated_at: Timestamp
}

/** The password step of a login, waiting for the authenticator code. */
export interface OfficersLoginChallengeTable {
  id: string
  officer_id: string
  created_at: Timestamp
  expires_at: Timestamp
  consumed_at: Timestamp | null
}

/** Where a session stands: only a `full` session reaches anything beyond the first-login steps. */
export type SessionStage = 'password_change' | 'totp_enrolment' | 'full'

/** An officer session: 8 hours at most, 15 minutes idle, revocable; tokens stored hashed. */
export interface OfficersSessionTable {
  id: string
  officer_id: string
  stage: SessionStage
  /** The new password chosen at the first login, kept until the authenticator code confirms both. */
  pending_password_hash: string | null
  /** The authenticator secret offered at the first login (sealed), until its first code confirms it. */
  pending_totp_sealed: Bytes | null
  token_hash: string
  csrf_hash: string
  ip: string | null
  user_agent: string | null
  created_at: Timestamp
  last_seen_at: Timestamp
  idle_expires_at: Timestamp
  absolute_expires_at: Timestamp
  revoked_at: Timestamp | null
  revoked_reason: string | null
}

export interface OfficersTables {
  officers_unit: OfficersUnitTable
  officers_officer: OfficersOfficerTable
  officers_login_challenge: OfficersLoginChallengeTable
  officers_session: OfficersSessionTable
}

export type UnitRow = Selectable<OfficersUnitTable>
export type OfficerRow = Selectable<OfficersOfficerTable>
export type NewOfficerRow = Insertable<OfficersOfficerTable>
export type OfficerSessionRow = Selectable<OfficersSessionTable>
