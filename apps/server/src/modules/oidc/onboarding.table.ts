import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { ClientAuthMethod, ClientJwks, ClientProfile } from './oidc.table.js'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type LocalDateColumn = ColumnType<string, string, string>
type Json<T> = ColumnType<T, string, string>

/** A real connection (appraised, D69 Art 18) or a test client of a sandbox deployment (registered at once). */
export type ApplicationKind = 'production' | 'sandbox'
export type ApplicationState = 'submitted' | 'agreement_recorded' | 'approved' | 'refused' | 'withdrawn'

// An organisation's application to connect a service to the e-ID system (DOMAIN §7), a stored state
// machine (onboarding.flow.ts): who applied, what it asks for, the agreement, the appraisal, the client.
export interface OidcApplicationTable {
  id: string
  kind: ApplicationKind
  state: ApplicationState
  /** The citizen who applied for the organisation (their e-ID account; organisations have none here). */
  applicant_subject_id: string
  applicant_account_id: string
  org_name: string
  /** The tax or enterprise code (mã số thuế / mã số doanh nghiệp). */
  org_code: string
  contact_name: string
  contact_email: string
  contact_phone: string
  service_name: string
  purpose: string
  scopes: string[]
  min_level: number
  /** The information system's security level (1-5); at least 3 to connect (D69 Art 18). */
  security_level: number | null
  redirect_uris: string[]
  auth_method: ClientAuthMethod
  jwks: Json<ClientJwks> | null
  profile: ClientProfile
  /** Whether a representative may sign in for a dependent (oidc_client.allow_dependents once approved). */
  allow_dependents: Generated<boolean>
  agreement_number: string | null
  agreement_signed_on: LocalDateColumn | null
  agreement_recorded_by: string | null
  agreement_recorded_by_number: string | null
  agreement_recorded_at: Timestamp | null
  submitted_on: LocalDateColumn
  /** 30 days after the agreement was signed (or after submission while there is none). */
  due_on: LocalDateColumn
  decided_by: string | null
  decided_by_number: string | null
  decided_at: Timestamp | null
  refusal_reason: string | null
  client_id: string | null
  /** Set once, by the one UPDATE that hands the applicant the client's first secret. */
  credentials_collected_at: Timestamp | null
  withdrawn_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type ApplicationRow = Selectable<OidcApplicationTable>
export type NewApplicationRow = Insertable<OidcApplicationTable>

export interface OnboardingTables {
  oidc_application: OidcApplicationTable
}
