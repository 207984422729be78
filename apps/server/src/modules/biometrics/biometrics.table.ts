import type { ColumnType, Insertable, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>

export type Modality = 'face' | 'fingerprint'
export type TemplateSource = 'registry' | 'counter' | 'app' | 'synthetic'
export type BiometricUse = 'app_selfie' | 'counter_capture' | 'payment'
export type VerificationDecision = 'match' | 'no_match' | 'quality_rejected' | 'spoof_suspected'
export type ReviewOutcome = 'confirmed' | 'overturned'

// Keyed by the subject's number (personal ID or foreigner ID) so a distributed PostgreSQL can shard by it.
// Every template and image is sealed (AES-256-GCM) under a key derived from the KEK.
export interface BiometricsTemplateTable {
  subject_id: string
  modality: Modality
  /** 0 for a face; 1-10 for fingers as ISO/IEC 19794-2 numbers them (1 right thumb ... 10 left little). */
  position: number
  /** Templates from different models are never compared: a new model means re-enrolment. */
  model_version: string
  template_enc: Bytes
  image_enc: Bytes | null
  image_type: string | null
  quality: number | null
  source: TemplateSource
  created_at: Timestamp
}

/** One 1:1 check: what was compared, the score and the decision, kept for review. */
export interface BiometricsVerificationTable {
  id: string
  subject_id: string
  modality: Modality
  use: BiometricUse
  model_version: string
  score: number | null
  threshold: number
  decision: VerificationDecision
  reason_code: string | null
  probe_enc: Bytes | null
  probe_type: string | null
  actor: string
  purpose: string
  created_at: Timestamp
  reviewed_by: string | null
  reviewed_at: Timestamp | null
  review_outcome: ReviewOutcome | null
  review_note: string | null
}

export interface BiometricsTables {
  biometrics_template: BiometricsTemplateTable
  biometrics_verification: BiometricsVerificationTable
}

export type TemplateRow = Selectable<BiometricsTemplateTable>
export type NewTemplateRow = Insertable<BiometricsTemplateTable>
export type VerificationRow = Selectable<BiometricsVerificationTable>
