import { parsePersonalId } from '@dinhdanh/vn-id'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { frozenClock } from '../../platform/clock.js'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { personIdsAfter, seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { seedDemoDocuments } from './documents.demo.js'
import { AN } from './documents.test-support.js'
import { integratedDocumentsOf, removeDocument } from './integration.service.js'
import { createConnectors, createSandboxConnector } from './sandbox.connector.js'
import { seedDemoSources } from './sandbox.demo.js'
import { changeSourceRecord, countSourceRecords } from './sandbox.repository.js'
import { oldEnoughFor, syntheticRecordsOf } from './sandbox.synthetic.js'

let h: TestDb
let seeded: { fixed: number; synthetic: number } | null

beforeAll(async () => {
  h = await openTestDb()
  await seedDemoRegistry(h, { asOf: AS_OF, now: NOW, population: 400, seed: 'documents' })
  seeded = await seedDemoSources({ db: h.db, clock: frozenClock(NOW) }, (after, limit) =>
    personIdsAfter(h.db, after, limit),
  )
}, 120_000)
afterAll(() => h.close())

describe('the sandboxes hold records consistent with the registry', () => {
  test('every person of the synthetic registry gets the same documents on every start', async () => {
    expect(seeded?.fixed).toBeGreaterThan(20)
    expect(seeded?.synthetic).toBeGreaterThan(400)
    const [id] = await personIdsAfter(h.db, '002', 1)
    expect(syntheticRecordsOf(id as string, AS_OF)).toEqual(syntheticRecordsOf(id as string, AS_OF))
    expect(await seedDemoSources({ db: h.db, clock: frozenClock(NOW) })).toBeNull()
  })

  test('a licence goes only to someone old enough for its class on the day it was issued, never after today', async () => {
    const ids = await personIdsAfter(h.db, '', 400)
    const licences = ids
      .flatMap((id) => syntheticRecordsOf(id, AS_OF))
      .filter((r) => r.kind === 'driving_licence')
    expect(licences.length).toBeGreaterThan(50)
    for (const l of licences) {
      const birthYear = (parsePersonalId(l.personalId) as { value: { birthYear: number } }).value.birthYear
      const cls = (l.data as { licenceClass: 'A1' | 'B' | 'C' }).licenceClass
      expect(oldEnoughFor(cls, birthYear, l.validFrom), `${l.personalId} ${cls} ${l.validFrom}`).toBe(true)
      expect(l.validFrom <= AS_OF).toBe(true)
      // A1 is for life; B runs 10 years, C 5 (Law 36/2024/QH15 Art 57).
      if (cls === 'A1') expect(l.validTo).toBeNull()
      else expect(Number(l.validTo?.slice(0, 4)) - Number(l.validFrom.slice(0, 4))).toBe(cls === 'B' ? 10 : 5)
    }
    // Children have none.
    const children = ids.filter((id) => {
      const p = parsePersonalId(id)
      return p.ok && p.value.birthYear > 2010
    })
    expect(children.length).toBeGreaterThan(0)
    for (const id of children)
      expect(syntheticRecordsOf(id, AS_OF).filter((r) => r.kind === 'driving_licence')).toEqual([])
  })

  test('the tax code is the personal ID number (since 1 July 2025), the old code kept beside it', async () => {
    const ids = await personIdsAfter(h.db, '', 400)
    const tax = ids.flatMap((id) => syntheticRecordsOf(id, AS_OF)).filter((r) => r.kind === 'tax_code')
    expect(tax.length).toBeGreaterThan(20)
    for (const r of tax) {
      expect(r.number).toBe(r.personalId)
      const legacy = (r.data as { legacyTaxCode: string | null }).legacyTaxCode
      expect(legacy === null || (/^[0-9]{10}$/.test(legacy) && r.validFrom < '2025-07-01')).toBe(true)
    }
  })
})

describe('a sandbox behaves like a source system', () => {
  test('pull by personal ID: every record of the kind, suspended and revoked ones included', async () => {
    const licences = createSandboxConnector(h.db, 'driving_licence')
    const an = await licences.pull(AN)
    expect(an.kind === 'found' && an.records.map((r) => r.number)).toEqual(['790113456789', '790219012345'])
    const cuong = await licences.pull('001088004321')
    expect(cuong.kind === 'found' && cuong.records.map((r) => r.status)).toEqual(['valid', 'suspended'])
    expect(await licences.pull('999999999999')).toEqual({ kind: 'found', records: [] })
  })

  test('an outage answers unavailable, and the feed refuses to be read', async () => {
    const c = createSandboxConnector(h.db, 'tax_code')
    c.simulate({ outage: true })
    expect(await c.pull(AN)).toEqual({ kind: 'unavailable' })
    await expect(c.changesSince(null, 10)).rejects.toThrow(/unavailable/)
  })

  test('the change feed pages by cursor, returns each record at its latest version, and refuses a foreign cursor', async () => {
    const c = createSandboxConnector(h.db, 'health_insurance')
    expect(await c.changesSince(null, 10)).toEqual({ records: [], cursor: null })
    const before = await countSourceRecords(h.db, 'health_insurance')
    await changeSourceRecord(h.db, 'health_insurance', '7912345678', { status: 'suspended' }, NOW)
    await changeSourceRecord(h.db, 'health_insurance', '7912345678', { status: 'valid' }, NOW)
    await changeSourceRecord(h.db, 'health_insurance', '0112345678', { valid_to: '2027-12-31' }, NOW)
    const first = await c.changesSince(null, 2)
    expect(first.records.map((r) => [r.number, r.version, r.status])).toEqual([['7912345678', 3, 'valid']])
    const second = await c.changesSince(first.cursor, 2)
    expect(second.records.map((r) => [r.number, r.validTo])).toEqual([['0112345678', '2027-12-31']])
    expect(await c.changesSince(second.cursor, 2)).toEqual({ records: [], cursor: second.cursor })
    expect(await countSourceRecords(h.db, 'health_insurance')).toBe(before)
    await expect(c.changesSince('not-a-cursor', 2)).rejects.toThrow(/not a cursor/)
  })
})

describe("the demo integrates An's documents once he is level 2 (DEMO_SEED)", () => {
  test('nothing before a level-2 account; all six after; a removed one is not brought back', async () => {
    const deps = { db: h.db, clock: frozenClock(NOW) }
    const connectors = createConnectors(h.db)
    expect(await seedDemoDocuments(deps, connectors)).toBe(0)
    await givenAccount(h.db, { subjectId: AN, level: 2, at: NOW })
    expect(await seedDemoDocuments(deps, connectors)).toBe(6)
    const docs = await integratedDocumentsOf(h.db, AN)
    expect(docs.map((d) => d.kind).sort()).toEqual([
      'driving_licence',
      'driving_licence',
      'health_insurance',
      'social_insurance',
      'tax_code',
      'vehicle_registration',
    ])
    await removeDocument(deps, AN, docs[0]?.id as string)
    expect(await seedDemoDocuments(deps, connectors)).toBe(0)
    expect(await integratedDocumentsOf(h.db, AN)).toHaveLength(5)
  })
})
