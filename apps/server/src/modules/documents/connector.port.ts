import type { LocalDate } from '@dinhdanh/vn-id'
import type { DocumentDataOf, DocumentKind, SourceStatus } from './documents.kinds.js'

/** A record as its source system holds it: the document, its holder, its state and validity, its version. */
export type SourceRecord<K extends DocumentKind = DocumentKind> = {
  kind: K
  /** Canonical document number (documents.kinds canonicalNumber). */
  number: string
  personalId: string
  status: SourceStatus
  validFrom: LocalDate
  /** null: valid for life (a class A1 licence, a tax code). */
  validTo: LocalDate | null
  data: DocumentDataOf[K]
  /** Grows with every change at the source; a copy holding this version is current. */
  version: number
}

/** The source's answer to "which records does this person hold?"; `unavailable` decides nothing. */
export type PullResult<K extends DocumentKind> =
  | { kind: 'found'; records: Array<SourceRecord<K>> }
  | { kind: 'unavailable' }

/**
 * One page of change notifications after `cursor`: each changed record in its current state, and the
 * cursor to ask from next time (opaque to the caller; null asks from the beginning).
 */
export type ChangePage<K extends DocumentKind> = { records: Array<SourceRecord<K>>; cursor: string | null }

/**
 * The port to one system that issues documents of kind K. The sandboxes implement it over their own
 * tables; a ministry's real service implements it over its API (docs/documents.md).
 */
export interface SourceConnector<K extends DocumentKind> {
  readonly kind: K
  /** Names the implementation, shown on each integrated document: e.g. 'sandbox:mps.traffic-police.driving-licences'. */
  readonly system: string
  pull(personalId: string): Promise<PullResult<K>>
  changesSince(cursor: string | null, limit: number): Promise<ChangePage<K>>
}

export type DrivingLicenceConnector = SourceConnector<'driving_licence'>
export type VehicleRegistrationConnector = SourceConnector<'vehicle_registration'>
export type HealthInsuranceConnector = SourceConnector<'health_insurance'>
export type SocialInsuranceConnector = SourceConnector<'social_insurance'>
export type TaxCodeConnector = SourceConnector<'tax_code'>

/** One connector per kind: the registry the integration service and the sync job ask. */
export type Connectors = { readonly [K in DocumentKind]: SourceConnector<K> }
