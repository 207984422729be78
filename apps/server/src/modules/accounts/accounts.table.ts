import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { EidCardTables } from './eid-card.table.js'
import type { PasskeyTables } from './passkey.table.js'
import type { SettingsTables } from './settings.table.js'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type LocalDateColumn = ColumnType<string, string, string>
type Json<T> = ColumnType<T, string, string>
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>

export type SubjectKind = 'citizen' | 'foreigner'
export type AccountStatus = 'approved' | 'active' | 'locked' | 'closed'
export type DossierKind = 'CITIZEN_L1_APP' | 'FOREIGNER_L1_APP'
export type DossierState = 'submitted' | 'pending_verification' | 'approved' | 'rejected'

/** What the applicant declared in the app (DOMAIN §5.1, §5.4): checked against the registry, never shown back. */
export type DeclaredData = {
  fullName: string
  dateOfBirth: string
  passportNumber?: string
  nationality?: string
  residenceCardNumber?: string
}

/** A security question chosen at activation and the hash of its answer. */
export type SecurityQa = { questionId: string; answerHash: string }

// An electronic identity account (DOMAIN §3 EidAccount); the username is the subject's number.
export interface AccountsAccountTable {
  id: string
  subject_id: string
  subject_kind: SubjectKind
  level: number
  status: AccountStatus
  phone: string
  email: string | null
  password_hash: string | null
  passcode_hash: string | null
  security_qa: Json<SecurityQa[]> | null
  created_via: 'app' | 'counter' | 'representative'
  dossier_id: string | null
  created_at: Timestamp
  approved_at: Timestamp
  activated_at: Timestamp | null
  updated_at: Timestamp
  version: Generated<number>
}

// A registration dossier, a stored state machine (dossier.flow.ts).
export interface AccountsDossierTable {
  id: string
  kind: DossierKind
  subject_id: string
  declared: Json<DeclaredData>
  phone: string
  email: string | null
  /** The selfie, sealed; deleted once the dossier is decided (kept no longer than needed). */
  selfie_enc: Bytes | null
  state: DossierState
  received_on: LocalDateColumn
  due_on: LocalDateColumn
  /** Why it was rejected, as a stable code that says nothing about the registry's content. */
  reason: string | null
  verification_id: string | null
  account_id: string | null
  claimed_at: Timestamp | null
  created_at: Timestamp
  decided_at: Timestamp | null
}

export interface AccountsDeviceTable {
  id: string
  account_id: string
  /** SHA-256 of the device token kept in the browser's dd_device cookie. */
  device_hash: string
  name: string
  trusted_at: Timestamp
  last_seen_at: Timestamp
  revoked_at: Timestamp | null
}

/** An ended session waiting for the OpenID provider to end the sessions it opened (session.repository.ts). */
export interface AccountsSessionEndedTable {
  session_id: string
  ended_at: Timestamp
}

export interface AccountsSessionTable {
  id: string
  account_id: string
  device_id: string | null
  token_hash: string
  csrf_hash: string
  /** How the holder proved who they are at login, as RFC 8176 AMR values ('pwd', 'otp', 'hwk', 'mfa'). */
  methods: string[]
  ip: string | null
  user_agent: string | null
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  revoked_at: Timestamp | null
  revoked_reason: string | null
  /** The latest step-up in this session and its method ('pin' passcode, 'hwk' passkey). */
  step_up_at: Timestamp | null
  step_up_method: string | null
}

export interface AccountsLoginChallengeTable {
  id: string
  account_id: string
  device_hash: string
  device_name: string
  created_at: Timestamp
  expires_at: Timestamp
  consumed_at: Timestamp | null
}

export type LockInitiator = 'self' | 'system' | 'authority'

export interface AccountsLockTable {
  id: string
  account_id: string
  /** 'holder_request' (form TK03), a policy ground ('card_expired', 'deceased', …) or an authority's reason. */
  ground: string
  initiator: LockInitiator
  form: string | null
  locked_at: Timestamp
  /** The holder's or their representative's number, 'system:lock-job' or an officer; null on rows from before it was kept. */
  locked_by: string | null
  unlocked_at: Timestamp | null
  unlocked_by: string | null
  /** An authority's lock only: its last day, as the authority's letter says; the lock job lifts it the day after. */
  lock_until: LocalDateColumn | null
}

export interface AccountsRepresentationTable {
  id: string
  representative_account_id: string
  dependent_subject_id: string
  dependent_account_id: string | null
  relation: 'parent' | 'guardian'
  regime: string
  created_at: Timestamp
  ended_at: Timestamp | null
  ended_reason: string | null
}

export interface AccountsTables extends PasskeyTables, EidCardTables, SettingsTables {
  accounts_representation: AccountsRepresentationTable
  accounts_lock: AccountsLockTable
  accounts_account: AccountsAccountTable
  accounts_dossier: AccountsDossierTable
  accounts_device: AccountsDeviceTable
  accounts_session: AccountsSessionTable
  accounts_session_ended: AccountsSessionEndedTable
  accounts_login_challenge: AccountsLoginChallengeTable
}

export type SessionRow = Selectable<AccountsSessionTable>

export type AccountRow = Selectable<AccountsAccountTable>
export type NewAccountRow = Insertable<AccountsAccountTable>
export type DossierRow = Selectable<AccountsDossierTable>
export type RepresentationRow = Selectable<AccountsRepresentationTable>
export type NewDossierRow = Insertable<AccountsDossierTable>
