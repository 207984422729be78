import { randomUUID } from 'node:crypto'
import { type LocalDate, vietnamDateOf } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import { findAccountBySubject } from '../accounts/index.js'
import { revokeCredentialsFromSource } from '../credentials/index.js'
import type { Officer } from '../officers/index.js'
import type { Connectors, SourceRecord } from './connector.port.js'
import { DOCUMENTS } from './documents.errors.js'
import {
  canonicalNumber,
  type DocumentDataOf,
  type DocumentKind,
  type DocumentStatus,
  type SourceStatus,
} from './documents.kinds.js'
import { deleteIntegrated, insertIntegrated, integratedOf } from './documents.repository.js'
import type { IntegratedRow } from './documents.table.js'
import { connectorFor } from './sandbox.connector.js'

/** A document integrated into a citizen's app, as the source last said it is. */
export type IntegratedDocument<K extends DocumentKind = DocumentKind> = {
  id: string
  subjectId: string
  kind: K
  /** Canonical number: no spaces, dots or dashes. */
  number: string
  /** The connector that vouched for it, e.g. 'sandbox:mps.traffic-police.driving-licences'. */
  sourceSystem: string
  status: DocumentStatus
  validFrom: LocalDate
  /** null: valid for life. */
  validTo: LocalDate | null
  data: DocumentDataOf[K]
  /** The source record's version this copy holds. */
  sourceVersion: number
  integratedVia: 'app' | 'counter'
  integratedAt: Date
  syncedAt: Date
}

/** A copy's status from its source's: a valid record past its last day is expired. */
export const statusFrom = (
  status: SourceStatus,
  validTo: LocalDate | null,
  today: LocalDate,
): DocumentStatus =>
  status === 'revoked'
    ? 'revoked'
    : status === 'suspended'
      ? 'suspended'
      : validTo !== null && validTo < today
        ? 'expired'
        : 'active'

export const toIntegratedDocument = (r: IntegratedRow): IntegratedDocument => ({
  id: r.id,
  subjectId: r.subject_id,
  kind: r.kind,
  number: r.number,
  sourceSystem: r.source_system,
  status: r.status,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  // Copied from a SourceRecord of the same kind.
  data: r.data as DocumentData,
  sourceVersion: r.source_version,
  integratedVia: r.integrated_via,
  integratedAt: new Date(r.integrated_at),
  syncedAt: new Date(r.synced_at),
})
type DocumentData = DocumentDataOf[DocumentKind]

/** The documents integrated for a person, every status, ordered by kind and number (the credentials module reads this). */
export const integratedDocumentsOf = async (db: Db, subjectId: string): Promise<IntegratedDocument[]> =>
  (await integratedOf(db, subjectId)).map(toIntegratedDocument)

/** Who asks: the citizen in the app, or an officer at the counter who checked the originals (TK01). */
export type IntegrationActor =
  | { kind: 'citizen'; requestId?: string | undefined }
  | { kind: 'officer'; officer: Officer; requestId?: string | undefined }

export type IntegrationRequest = { subjectId: string; kind: DocumentKind; number: string }

// The citizen's number matches the record's number or, for a tax code, the 10-digit code it replaced.
const matches = (r: SourceRecord, wanted: string) =>
  r.number === wanted ||
  (r.kind === 'tax_code' && (r.data as DocumentDataOf['tax_code']).legacyTaxCode === wanted)

/**
 * Matches the document against its source (personal ID and number) and stores the source's copy
 * (D69 Art 9(6): a level-2 account presents it in place of the original).
 */
export const integrateDocument = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  connectors: Connectors,
  actor: IntegrationActor,
  req: IntegrationRequest,
): Promise<IntegratedDocument> => {
  const account = await findAccountBySubject(deps.db, req.subjectId)
  if (account?.level !== 2 || account.status === 'closed') fail(DOCUMENTS.LEVEL2_REQUIRED)
  const connector = connectorFor(connectors, req.kind)
  const pulled = await connector.pull(req.subjectId)
  if (pulled.kind === 'unavailable') return fail(DOCUMENTS.SOURCE_UNAVAILABLE)
  if (pulled.records.length === 0) fail(DOCUMENTS.NOT_FOUND_AT_SOURCE)
  const wanted = canonicalNumber(req.number)
  const record = pulled.records.find((r) => matches(r, wanted)) ?? fail(DOCUMENTS.NUMBER_MISMATCH)
  const now = deps.clock.now()
  const status = statusFrom(record.status, record.validTo, vietnamDateOf(now))
  if (status === 'suspended') fail(DOCUMENTS.SOURCE_SUSPENDED)
  if (status === 'revoked') fail(DOCUMENTS.SOURCE_REVOKED)
  if (status === 'expired') fail(DOCUMENTS.SOURCE_EXPIRED)
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertIntegrated(trx, {
      id: randomUUID(),
      subject_id: req.subjectId,
      kind: req.kind,
      number: record.number,
      source_system: connector.system,
      status,
      valid_from: record.validFrom,
      valid_to: record.validTo,
      data: JSON.stringify(record.data),
      source_version: record.version,
      integrated_via: actor.kind === 'citizen' ? 'app' : 'counter',
      integrated_by: actor.kind === 'citizen' ? req.subjectId : actor.officer.officerNumber,
      integrated_at: now,
      synced_at: now,
    })
    if (!row) return fail(DOCUMENTS.ALREADY_INTEGRATED)
    await recordAudit(trx, deps.clock, {
      actor: actor.kind === 'citizen' ? req.subjectId : actor.officer.officerNumber,
      actorKind: actor.kind,
      action: 'documents.document.integrated',
      subject: req.subjectId,
      subjectKind: 'citizen',
      purpose: 'document-integration',
      data: {
        kind: req.kind,
        number: record.number,
        source: connector.system,
        ...(actor.kind === 'officer' ? { unit: actor.officer.unit.code, originalsChecked: true } : {}),
      },
      requestId: actor.requestId ?? null,
    })
    return toIntegratedDocument(row)
  })
}

/** The citizen removes a document from the app; the removal stays in their history. */
export const removeDocument = (
  deps: Pick<Deps, 'db' | 'clock'>,
  subjectId: string,
  id: string,
  requestId?: string,
) =>
  deps.db.transaction().execute(async (trx) => {
    const row = (await deleteIntegrated(trx, subjectId, id)) ?? fail(DOCUMENTS.NOT_FOUND)
    // Credentials issued from it go with it, in the same transaction.
    await revokeCredentialsFromSource(trx, deps.clock, {
      sourceRef: row.id,
      reason: 'document removed by the holder',
      actor: { id: subjectId, kind: 'citizen' },
    })
    await recordAudit(trx, deps.clock, {
      actor: subjectId,
      actorKind: 'citizen',
      action: 'documents.document.removed',
      subject: subjectId,
      subjectKind: 'citizen',
      purpose: 'document-integration',
      data: { kind: row.kind, number: row.number },
      requestId: requestId ?? null,
    })
  })
