import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { NOW } from '../registry/registry.test-support.js'
import type { Connectors, SourceConnector } from './connector.port.js'
import { AN, BINH, CUONG, documentAudit, givenDemoSources } from './documents.test-support.js'
import { integrateDocument, integratedDocumentsOf } from './integration.service.js'
import { createConnectors } from './sandbox.connector.js'
import { changeSourceRecord } from './sandbox.repository.js'
import { syncDocuments, syncSource } from './sync.service.js'

let t: TestContext
let connectors: Connectors

beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  connectors = createConnectors(t.db)
  const docs: Array<
    [string, 'driving_licence' | 'vehicle_registration' | 'health_insurance' | 'tax_code', string]
  > = [
    [AN, 'driving_licence', '790113456789'],
    [AN, 'driving_licence', '790219012345'],
    [AN, 'vehicle_registration', '51K67890'],
    [AN, 'health_insurance', '7912345678'],
    [BINH, 'driving_licence', '010110123456'],
    [BINH, 'health_insurance', '0112345678'],
    [CUONG, 'driving_licence', '010106543210'],
    [CUONG, 'tax_code', CUONG],
    [CUONG, 'vehicle_registration', '30G12345'],
  ]
  for (const [subjectId, kind, number] of docs)
    await integrateDocument(t.deps, connectors, { kind: 'citizen' }, { subjectId, kind, number })
}, 120_000)
afterAll(() => t.close())

const docOf = async (subjectId: string, number: string) => {
  const doc = (await integratedDocumentsOf(t.db, subjectId)).find((d) => d.number === number)
  if (!doc) throw new Error(`${subjectId} has no ${number}`)
  return doc
}
const cursorRow = (kind: string) =>
  t.db
    .selectFrom('documents_sync_cursor')
    .selectAll()
    .where('kind', '=', kind as 'tax_code')
    .executeTakeFirst()

describe('changes at the source reach the integrated copies', () => {
  test('a suspension, a revocation and a data change propagate, each once and audited', async () => {
    await changeSourceRecord(t.db, 'driving_licence', '790219012345', { status: 'suspended' }, t.clock.now())
    await changeSourceRecord(t.db, 'driving_licence', '010110123456', { status: 'revoked' }, t.clock.now())
    const points = { licenceClass: 'A1', issuingAuthority: 'Sở Giao thông vận tải Hà Nội', points: 8 }
    await changeSourceRecord(
      t.db,
      'driving_licence',
      '010106543210',
      { data: JSON.stringify(points) },
      t.clock.now(),
    )
    const report = await syncDocuments(t.deps, connectors)
    expect(report.sources.driving_licence).toEqual({ changes: 3, updated: 3 })
    expect(await docOf(AN, '790219012345')).toMatchObject({ status: 'suspended', sourceVersion: 2 })
    expect(await docOf(BINH, '010110123456')).toMatchObject({ status: 'revoked' })
    expect(await docOf(CUONG, '010106543210')).toMatchObject({ status: 'active', data: { points: 8 } })
    expect((await documentAudit(t, BINH)).at(-1)).toMatchObject({
      action: 'documents.document.updated',
      actorKind: 'system',
      data: { number: '010110123456', status: 'revoked', version: 2 },
    })
    // A second run finds nothing new.
    expect((await syncDocuments(t.deps, connectors)).sources.driving_licence).toEqual({
      changes: 0,
      updated: 0,
    })
  })

  test('a suspension lifted brings the copy back to active; a renewal moves its validity', async () => {
    await changeSourceRecord(t.db, 'driving_licence', '790219012345', { status: 'valid' }, t.clock.now())
    await changeSourceRecord(
      t.db,
      'driving_licence',
      '790219012345',
      { valid_from: '2026-11-20', valid_to: '2036-11-20' },
      t.clock.now(),
    )
    await syncDocuments(t.deps, connectors)
    expect(await docOf(AN, '790219012345')).toMatchObject({
      status: 'active',
      validFrom: '2026-11-20',
      validTo: '2036-11-20',
      sourceVersion: 4,
    })
  })

  test('reading the feed again from the start changes nothing (idempotent)', async () => {
    const before = await integratedDocumentsOf(t.db, AN)
    const audits = (await documentAudit(t, AN)).length
    await t.db.deleteFrom('documents_sync_cursor').execute()
    const report = await syncDocuments(t.deps, connectors)
    expect(report.sources.driving_licence?.updated).toBe(0)
    expect(await integratedDocumentsOf(t.db, AN)).toEqual(before)
    expect((await documentAudit(t, AN)).length).toBe(audits)
  })
})

describe('a crash in the middle of a page leaves the cursor and the copies consistent', () => {
  test('a bad record fails the whole page: nothing applied, cursor unmoved; the next run applies it all', async () => {
    await syncDocuments(t.deps, connectors)
    const cursor = (await cursorRow('vehicle_registration'))?.cursor
    await changeSourceRecord(t.db, 'vehicle_registration', '51K67890', { status: 'revoked' }, t.clock.now())
    await changeSourceRecord(t.db, 'vehicle_registration', '30G12345', { status: 'suspended' }, t.clock.now())
    await changeSourceRecord(t.db, 'driving_licence', '790113456789', { status: 'suspended' }, t.clock.now())
    // The source sends a record the platform cannot store (a date that does not exist) after a good one.
    const real = connectors.vehicle_registration
    const broken: SourceConnector<'vehicle_registration'> = {
      ...real,
      changesSince: async (from, limit) => {
        const page = await real.changesSince(from, limit)
        return {
          ...page,
          records: page.records.map((r) => (r.number === '30G12345' ? { ...r, validTo: '2026-02-30' } : r)),
        }
      },
    }
    await expect(syncSource(t.deps, broken)).rejects.toThrow()
    expect((await cursorRow('vehicle_registration'))?.cursor).toBe(cursor)
    expect(await docOf(AN, '51K67890')).toMatchObject({ status: 'active', sourceVersion: 1 })
    // The other sources are not held back by one that fails.
    const run = await syncDocuments(t.deps, { ...connectors, vehicle_registration: broken })
    expect(run.sources.vehicle_registration).toBeUndefined()
    expect(await docOf(AN, '790113456789')).toMatchObject({ status: 'suspended' })
    // The source fixed: the page applies whole, and the cursor moves past it.
    expect(await syncSource(t.deps, real)).toEqual({ changes: 2, updated: 2 })
    expect(await docOf(AN, '51K67890')).toMatchObject({ status: 'revoked', sourceVersion: 2 })
    expect(await docOf(CUONG, '30G12345')).toMatchObject({ status: 'suspended', validTo: null })
    expect((await cursorRow('vehicle_registration'))?.cursor).not.toBe(cursor)
  })
})

describe('two instances of the job never apply a change twice', () => {
  test('run at once, one applies the page and the other finds it applied', async () => {
    await changeSourceRecord(t.db, 'tax_code', CUONG, { status: 'suspended' }, t.clock.now())
    const audits = (await documentAudit(t, CUONG)).length
    const runs = await Promise.all([
      syncSource(t.deps, connectors.tax_code),
      syncSource(t.deps, createConnectors(t.db).tax_code),
    ])
    expect(runs.reduce((n, r) => n + r.updated, 0)).toBe(1)
    expect(await docOf(CUONG, CUONG)).toMatchObject({ status: 'suspended', sourceVersion: 2 })
    expect((await documentAudit(t, CUONG)).length).toBe(audits + 1)
    await changeSourceRecord(t.db, 'tax_code', CUONG, { status: 'valid' }, t.clock.now())
    await syncSource(t.deps, connectors.tax_code)
  })
})

describe('expiry needs no notification', () => {
  test('a health card past its last day becomes expired on the next run', async () => {
    expect(await docOf(AN, '7912345678')).toMatchObject({ status: 'active', validTo: '2026-12-31' })
    t.clock.set(new Date('2027-01-01T03:00:00Z'))
    const report = await syncDocuments(t.deps, connectors)
    expect(report.expired).toBeGreaterThanOrEqual(2)
    expect(await docOf(AN, '7912345678')).toMatchObject({ status: 'expired' })
    expect(await docOf(BINH, '0112345678')).toMatchObject({ status: 'expired' })
    // A licence for life and a tax code do not expire.
    expect(await docOf(CUONG, CUONG)).toMatchObject({ status: 'active' })
    expect((await documentAudit(t, AN)).at(-1)).toMatchObject({ data: { status: 'expired' } })
    t.clock.set(NOW)
  })
})
