import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { DocumentKind, DocumentStatus, SourceStatus } from './documents.kinds.js'

type LocalDateColumn = ColumnType<string, string, string>
type Json = ColumnType<unknown, string, string>

/**
 * One record of a sandbox source system. The five sandboxes (src_driving_licences, src_vehicle_registrations,
 * src_health_insurance_cards, src_social_insurance_numbers, src_tax_codes) share this shape.
 */
export interface SourceRecordTable {
  /** The canonical document number (documents.kinds canonicalNumber). */
  number: string
  personal_id: string
  status: SourceStatus
  valid_from: LocalDateColumn
  valid_to: LocalDateColumn | null
  /** The kind's own fields (documents.kinds DocumentDataOf). */
  data: Json
  /** Raised by every change; integrated copies keep the version they hold, so a change applies once. */
  version: number
  updated_at: ColumnType<Date, Date, Date>
}

/** A sandbox's change feed: one row per change, in order; `seq` is the cursor. */
export interface SourceFeedTable {
  seq: ColumnType<string, never, never>
  number: string
  at: ColumnType<Date, Date, never>
}

/** A document the citizen integrated into the app, copied from its source and kept current by the sync job. */
export interface IntegratedDocumentTable {
  id: string
  subject_id: string
  kind: DocumentKind
  number: string
  source_system: string
  status: DocumentStatus
  valid_from: LocalDateColumn
  valid_to: LocalDateColumn | null
  data: Json
  source_version: number
  integrated_via: 'app' | 'counter'
  /** The citizen's personal ID (app) or the officer's number (counter). */
  integrated_by: string
  integrated_at: ColumnType<Date, Date, never>
  synced_at: ColumnType<Date, Date, Date>
}

/** Where the sync job stopped reading each source's change feed. */
export interface SyncCursorTable {
  kind: DocumentKind
  cursor: string
  updated_at: ColumnType<Date, Date, Date>
}

// Kysely sees the five sandboxes as one table name: their columns are the same (sandbox.repository picks the real one).
export interface DocumentsTables {
  src_driving_licences: SourceRecordTable
  src_driving_licences_feed: SourceFeedTable
  documents_integrated: IntegratedDocumentTable
  documents_sync_cursor: SyncCursorTable
  documents_demo_seeded: { subject_id: string; at: ColumnType<Date, Date, never> }
}

export type SourceRow = Selectable<SourceRecordTable>
export type NewSourceRow = Insertable<SourceRecordTable>
export type IntegratedRow = Selectable<IntegratedDocumentTable>
export type NewIntegratedRow = Insertable<IntegratedDocumentTable>
