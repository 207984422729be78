import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { startPeriodic } from '../../platform/periodic.js'
import { revokeCredentialsFromSource } from '../credentials/index.js'
import type { Connectors, SourceConnector, SourceRecord } from './connector.port.js'
import { credentialContentChanged, type DocumentContent } from './credential-document.js'
import { seedDemoDocuments } from './documents.demo.js'
import { DOCUMENT_KINDS, type DocumentKind, type DocumentStatus } from './documents.kinds.js'
import { copiesOf, cursorOf, expireLapsed, saveCursor, updateIntegrated } from './documents.repository.js'
import type { IntegratedRow } from './documents.table.js'
import { statusFrom } from './integration.service.js'

type SyncDeps = Pick<Deps, 'db' | 'clock' | 'log'>

/** How many change notifications one transaction applies. */
export const SYNC_PAGE = 200

const audit = (
  trx: Transaction<Database>,
  deps: SyncDeps,
  copy: Pick<IntegratedRow, 'subject_id' | 'kind' | 'number'>,
  data: Record<string, unknown>,
) =>
  recordAudit(trx, deps.clock, {
    actor: 'documents.sync',
    actorKind: 'system',
    action: 'documents.document.updated',
    subject: copy.subject_id,
    subjectKind: 'citizen',
    purpose: 'document-sync',
    data: { kind: copy.kind, number: copy.number, ...data },
  })

const revokeFromDocument = (trx: Transaction<Database>, deps: SyncDeps, id: string, why: string) =>
  revokeCredentialsFromSource(trx, deps.clock, {
    sourceRef: id,
    reason: `document ${why} at its source`,
    actor: { id: 'documents.sync', kind: 'system' },
  })

// A copy follows its record's newer version; a record now held by someone else (a vehicle sold) is withdrawn.
const applyTo = async (
  trx: Transaction<Database>,
  deps: SyncDeps,
  copy: IntegratedRow,
  record: SourceRecord,
): Promise<boolean> => {
  if (record.version <= copy.source_version) return false
  const now = deps.clock.now()
  const status: DocumentStatus =
    record.personalId === copy.subject_id
      ? statusFrom(record.status, record.validTo, vietnamDateOf(now))
      : 'revoked'
  await updateIntegrated(trx, copy.id, {
    status,
    valid_from: record.validFrom,
    valid_to: record.validTo,
    data: JSON.stringify(record.data),
    source_version: record.version,
    synced_at: now,
  })
  await audit(trx, deps, copy, { status, version: record.version })
  // A credential issued from the copy must not outlive what it states: withdrawn, or saying something else.
  const content = (from: Pick<DocumentContent, 'number' | 'validFrom' | 'validTo' | 'data'>) => ({
    kind: copy.kind,
    subjectId: copy.subject_id,
    ...from,
  })
  const before = { number: copy.number, validFrom: copy.valid_from, validTo: copy.valid_to, data: copy.data }
  if (status !== 'active' || credentialContentChanged(content(before), content(record)))
    await revokeFromDocument(trx, deps, copy.id, status === 'active' ? 'changed' : status)
  return true
}

/**
 * Reads one source's change feed from the stored cursor and applies it, a page per transaction. The page
 * is fetched before the transaction (no lock held across a call to a ministry); the cursor row is then
 * locked and must still be the one the page was asked from, so two instances never apply a page twice, and
 * it moves in the same transaction as the updates: a crash leaves both as they were.
 */
export const syncSource = async <K extends DocumentKind>(
  deps: SyncDeps,
  connector: SourceConnector<K>,
  limit = SYNC_PAGE,
): Promise<{ changes: number; updated: number }> => {
  let changes = 0
  let updated = 0
  for (;;) {
    const from = await cursorOf(deps.db, connector.kind)
    const page = await connector.changesSince(from, limit)
    if (page.cursor === null || page.cursor === from) return { changes, updated }
    const next = page.cursor
    const applied = await deps.db.transaction().execute(async (trx) => {
      // Another instance moved the cursor meanwhile: its page is applied; read again from where it stopped.
      if ((await cursorOf(trx, connector.kind)) !== from) return null
      const byNumber = new Map(page.records.map((r) => [r.number, r]))
      let n = 0
      for (const copy of await copiesOf(trx, connector.kind, [...byNumber.keys()])) {
        const record = byNumber.get(copy.number)
        if (record && (await applyTo(trx, deps, copy, record))) n++
      }
      await saveCursor(trx, connector.kind, next, deps.clock.now())
      return n
    })
    if (applied === null) continue
    changes += page.records.length
    updated += applied
  }
}

/** Active copies past their last day become expired (a source need not announce an expiry). */
export const expireDocuments = (deps: SyncDeps) =>
  deps.db.transaction().execute(async (trx) => {
    const expired = await expireLapsed(trx, vietnamDateOf(deps.clock.now()), deps.clock.now())
    for (const copy of expired) {
      await audit(trx, deps, copy, { status: 'expired' })
      await revokeFromDocument(trx, deps, copy.id, 'expired')
    }
    return expired.length
  })

export type SyncReport = {
  sources: Partial<Record<DocumentKind, { changes: number; updated: number }>>
  expired: number
}

/** One run of the sync job: every source's feed, then expiry. A failing source is logged; the others go on. */
export const syncDocuments = async (deps: SyncDeps, connectors: Connectors): Promise<SyncReport> => {
  const sources: SyncReport['sources'] = {}
  for (const kind of DOCUMENT_KINDS) {
    try {
      sources[kind] = await syncSource(deps, connectors[kind] as SourceConnector<typeof kind>)
    } catch (err) {
      deps.log.warn({ err, kind }, 'document source sync failed; retried next run')
    }
  }
  return { sources, expired: await expireDocuments(deps) }
}

/**
 * The periodic sync job (every `intervalMs`, one run at a time). With `demo` (DEMO_SEED) each run also
 * integrates the demo people's documents once they are level 2 (documents.demo).
 */
export const startDocumentsSync = (
  deps: SyncDeps,
  connectors: Connectors,
  opts: { intervalMs?: number; demo?: boolean } = {},
) =>
  startPeriodic(
    async () => {
      const report = await syncDocuments(deps, connectors)
      if (opts.demo) await seedDemoDocuments(deps, connectors)
      return report
    },
    {
      intervalMs: opts.intervalMs ?? 60_000,
      firstDelayMs: 5_000,
      onError: (err) => deps.log.error({ err }, 'documents sync failed'),
    },
  )
