import type { ColumnType, Selectable } from 'kysely'
import { DOCUMENT_KINDS } from '../documents/documents.kinds.js'
import type { UnitLevel } from '../officers/index.js'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type LocalDateColumn = ColumnType<string, string, string>
type Json<T> = ColumnType<T, string, string>

export type CounterDossierKind = 'CITIZEN_L2_COUNTER' | 'FOREIGNER_L2_COUNTER'
export type CounterDossierState =
  | 'draft'
  | 'awaiting_confirmation'
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'cancelled'
// The documents a counter dossier may ask to integrate: the documents module's kinds.
export const INTEGRATION_KINDS = DOCUMENT_KINDS
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number]

export type CardApplicationKind = 'issue' | 'renewal' | 'reissue'
export type CardApplicationState = 'received' | 'approved' | 'produced' | 'delivered' | 'rejected'
/** A card application asked for on the TK01 form, before it is filed. */
export type RequestedCard = { kind: CardApplicationKind; reason: string }

// A level-2 registration at the counter (form TK01), a stored state machine (counter-dossier.flow.ts).
export interface EnrolmentCounterDossierTable {
  id: string
  number: string
  kind: CounterDossierKind
  subject_id: string
  full_name: string
  date_of_birth: string
  phone: string
  email: string | null
  documents: Json<IntegrationKind[]>
  card_request: Json<RequestedCard> | null
  state: CounterDossierState
  unit_code: string
  unit_level: UnitLevel
  unit_province: string | null
  received_by: string
  received_by_number: string
  face_verification_id: string | null
  fingerprint_verification_id: string | null
  /** The counter captured the first biometrics of a foreigner with none on file (D69 Art 13(3)(c)). */
  biometrics_enrolled: boolean
  biometrics_verified_at: Timestamp | null
  citizen_confirmed_at: Timestamp | null
  confirmation_statement: string | null
  received_on: LocalDateColumn | null
  due_on: LocalDateColumn | null
  due_case: string | null
  card_application_id: string | null
  decided_by: string | null
  decided_at: Timestamp | null
  reason: string | null
  account_id: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

// An ID-card application (cấp, cấp đổi, cấp lại), a stored state machine (card-application.flow.ts).
export interface EnrolmentCardApplicationTable {
  id: string
  personal_id: string
  kind: CardApplicationKind
  reason: string
  state: CardApplicationState
  dossier_id: string | null
  unit_code: string
  unit_level: UnitLevel
  unit_province: string | null
  received_by: string
  received_on: LocalDateColumn
  due_on: LocalDateColumn
  decided_by: string | null
  decided_at: Timestamp | null
  rejection_reason: string | null
  produced_at: Timestamp | null
  card_issued_on: LocalDateColumn | null
  delivered_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface EnrolmentTables {
  enrolment_counter_dossier: EnrolmentCounterDossierTable
  enrolment_card_application: EnrolmentCardApplicationTable
}

export type CounterDossierRow = Selectable<EnrolmentCounterDossierTable>
export type CardApplicationRow = Selectable<EnrolmentCardApplicationTable>
