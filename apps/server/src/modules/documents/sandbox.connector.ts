import type { Db } from '../../database.js'
import type { Connectors, SourceConnector, SourceRecord } from './connector.port.js'
import { type DocumentDataOf, type DocumentKind, SOURCE_SYSTEMS } from './documents.kinds.js'
import type { SourceRow } from './documents.table.js'
import { feedAfter, sourceRecordsOf } from './sandbox.repository.js'

/** How a sandbox misbehaves, for tests and demos of an outage. */
export type SandboxConditions = { outage?: boolean }

export type SandboxConnector<K extends DocumentKind> = SourceConnector<K> & {
  simulate(conditions: SandboxConditions): void
}

export const toSourceRecord = <K extends DocumentKind>(kind: K, r: SourceRow): SourceRecord<K> => ({
  kind,
  number: r.number,
  personalId: r.personal_id,
  status: r.status,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  // Written by this module's seed and changes only, in the kind's shape.
  data: r.data as DocumentDataOf[K],
  version: r.version,
})

// The cursor is the feed's sequence number, as text; '0' is before the first change.
const CURSOR = /^[0-9]{1,19}$/

/** A source system played by its sandbox tables: pull by personal ID, a change feed read by sequence. */
export const createSandboxConnector = <K extends DocumentKind>(db: Db, kind: K): SandboxConnector<K> => {
  let conditions: SandboxConditions = {}
  const down = () => conditions.outage === true
  return {
    kind,
    system: `sandbox:${SOURCE_SYSTEMS[kind]}`,
    simulate: (next) => {
      conditions = { ...next }
    },
    pull: async (personalId) => {
      if (down()) return { kind: 'unavailable' }
      const rows = await sourceRecordsOf(db, kind, personalId)
      return { kind: 'found', records: rows.map((r) => toSourceRecord(kind, r)) }
    },
    changesSince: async (cursor, limit) => {
      if (down()) throw new Error(`${SOURCE_SYSTEMS[kind]} is unavailable`)
      const from = cursor === null ? '0' : cursor
      if (!CURSOR.test(from)) throw new Error(`not a cursor of ${SOURCE_SYSTEMS[kind]}: ${from}`)
      const page = await feedAfter(db, kind, from, limit)
      return { records: page.rows.map((r) => toSourceRecord(kind, r)), cursor: page.lastSeq ?? cursor }
    },
  }
}

export type SandboxConnectors = { readonly [K in DocumentKind]: SandboxConnector<K> }

/** Every kind served by its sandbox: the default registry until a ministry's connector replaces one. */
export const sandboxConnectors = (db: Db): SandboxConnectors => ({
  driving_licence: createSandboxConnector(db, 'driving_licence'),
  vehicle_registration: createSandboxConnector(db, 'vehicle_registration'),
  health_insurance: createSandboxConnector(db, 'health_insurance'),
  social_insurance: createSandboxConnector(db, 'social_insurance'),
  tax_code: createSandboxConnector(db, 'tax_code'),
})

/**
 * The connector registry: the sandboxes, with any real connector given in `overrides` in place of its
 * kind's sandbox (docs/documents.md, "Plugging in a ministry's system").
 */
export const createConnectors = (db: Db, overrides: Partial<Connectors> = {}): Connectors => ({
  ...sandboxConnectors(db),
  ...overrides,
})

/** The connector for `kind`, typed by its kind. */
export const connectorFor = <K extends DocumentKind>(connectors: Connectors, kind: K): SourceConnector<K> =>
  connectors[kind] as SourceConnector<K>
