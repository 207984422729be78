import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { importRegistry } from './registry.import.js'
import { csvHeader, type RegistryRecord, recordToRow, toCsvLine } from './registry.record.js'
import { seedRegistry } from './registry.seed.js'
import { generatePopulation } from './registry.synthetic.js'
import { AS_OF, NOW } from './registry.test-support.js'

let h: TestDb
beforeAll(async () => {
  h = await openTestDb()
})
afterAll(() => h.close())

const people = (count: number, seed: string): RegistryRecord[] =>
  [...generatePopulation({ count, seed, asOf: AS_OF })].flatMap((b) => b.citizens)
const csv = (text: string) => ({ stream: Readable.from([text]), format: 'csv' as const })
const ndjson = (text: string) => ({ stream: Readable.from([text]), format: 'ndjson' as const })
const opts = { asOf: AS_OF, now: NOW, batchSize: 7 }
const countPersons = async () =>
  Number(
    (
      await h.db
        .selectFrom('registry_person')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('bulk import', () => {
  const good = people(20, 'import-csv')
  const first = good[0] as RegistryRecord
  const bad = [
    toCsvLine({ ...first, personalId: '07909500123' }), // line 2: too short
    toCsvLine({ ...first, personalId: '079195001999' }), // line 3: female digit for a man
    toCsvLine({ ...first, personalId: '079095001998', dob: { year: 1995, month: 2, day: 30 } }),
  ]
  const file = csvHeader() + bad.join('') + good.map(toCsvLine).join('') + toCsvLine(first)

  test('bad rows are reported with line numbers and reasons; good rows are committed', async () => {
    const report = await importRegistry(h, csv(file), opts)
    expect(report.inserted).toBe(20)
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([
      [2, 'vn-id.ID_LENGTH'],
      [3, 'registry.ID_INCONSISTENT'],
      [4, 'registry.BAD_DATE'],
      [25, 'registry.DUPLICATE_IN_FILE'],
    ])
    expect(await countPersons()).toBe(20)
  })

  test('re-running the same file changes nothing', async () => {
    const report = await importRegistry(h, csv(file), opts)
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 20 })
    expect(report.rejected).toHaveLength(4)
  })

  test('a changed row is an update that bumps the version', async () => {
    const changed =
      csvHeader() +
      toCsvLine({ ...first, temporaryAddress: 'Số 1 Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh' })
    expect(await importRegistry(h, csv(changed), opts)).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    })
    const row = await h.db
      .selectFrom('registry_person')
      .select('version')
      .where('personal_id', '=', first.personalId)
      .executeTakeFirst()
    expect(row?.version).toBe(2)
  })

  test('NDJSON rows import the same way, bad JSON is a rejected line', async () => {
    const more = people(5, 'import-ndjson')
    const lines = [
      ...more.map((r) => JSON.stringify(recordToRow(r))),
      '{not json',
      JSON.stringify({ personal_id: '001' }),
    ]
    const report = await importRegistry(h, ndjson(`${lines.join('\n')}\n`), opts)
    expect(report.inserted).toBe(5)
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([
      [6, 'registry.BAD_JSON'],
      [7, 'vn-id.ID_LENGTH'],
    ])
  })

  test('a row whose old CMND belongs to someone else is refused whole: no person, no card', async () => {
    const [victim, next] = people(2, 'import-conflict')
    if (!victim || !next) throw new Error('generator')
    const taken = { ...victim, oldCmnd: first.oldCmnd ?? '099999999' }
    if (!first.oldCmnd)
      await importRegistry(h, csv(csvHeader() + toCsvLine({ ...first, oldCmnd: '099999999' })), opts)
    const report = await importRegistry(h, csv(csvHeader() + toCsvLine(next) + toCsvLine(taken)), opts)
    expect(report.inserted).toBe(1)
    expect(report.rejected).toEqual([expect.objectContaining({ line: 3, code: 'registry.OLD_ID_TAKEN' })])
    const person = await h.db
      .selectFrom('registry_person')
      .select('personal_id')
      .where('personal_id', '=', victim.personalId)
      .execute()
    const cards = await h.db
      .selectFrom('registry_card')
      .select('number')
      .where('personal_id', '=', victim.personalId)
      .execute()
    expect([person, cards]).toEqual([[], []])
  })

  test('seeding writes people with cards and family links both ways', async () => {
    const report = await seedRegistry(h, { count: 400, seed: 'seed-test', asOf: AS_OF, batchSize: 150 })
    expect(report).toMatchObject({ inserted: 400, rejected: [] })
    const child = await h.db
      .selectFrom('registry_relative')
      .selectAll()
      .where('relation', '=', 'father')
      .limit(1)
      .executeTakeFirstOrThrow()
    const back = await h.db
      .selectFrom('registry_relative')
      .selectAll()
      .where('personal_id', '=', child.relative_id)
      .where('relation', '=', 'child')
      .where('relative_id', '=', child.personal_id)
      .execute()
    expect(back).toHaveLength(1)
    expect((await seedRegistry(h, { count: 400, seed: 'seed-test', asOf: AS_OF })).unchanged).toBe(400)
  })
})
