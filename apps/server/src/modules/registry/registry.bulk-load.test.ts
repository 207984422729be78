import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { countPersons } from './person.repository.js'
import { BULK_TABLES } from './registry.bulk-load.js'
import { seedRegistry } from './registry.seed.js'
import { generatePopulation } from './registry.synthetic.js'
import { AS_OF, NOW } from './registry.test-support.js'
import { writeRecords } from './registry.writer.js'

let h: TestDb
beforeAll(async () => {
  h = await openTestDb()
})
afterAll(() => h.close())

// Every key, index and foreign key on or to the registry tables, as PostgreSQL would recreate it.
const schemaShape = async () => {
  const { rows } = await sql<{ d: string }>`
    SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint
    WHERE conrelid = ANY(${[...BULK_TABLES]}::regclass[]) OR confrelid = ANY(${[...BULK_TABLES]}::regclass[])
    UNION ALL SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = ANY(${[...BULK_TABLES]}::regclass[])
    ORDER BY 1`.execute(h.db)
  return rows.map((r) => r.d)
}

// The registry's content without timestamps, in a stable order.
const content = async () => {
  const { rows } = await sql<{ t: string }>`
    SELECT 'p ' || (p.*)::text AS t FROM (SELECT personal_id, full_name, name_key, birth_year, birth_month, birth_day,
      gender, permanent_address, status, died_on, household_id, household_relation, row_hash FROM registry_person) p
    UNION ALL SELECT 'c ' || (c.*)::text FROM registry_card c
    UNION ALL SELECT 'o ' || (o.*)::text FROM registry_old_id o
    UNION ALL SELECT 'r ' || (r.*)::text FROM registry_relative r
    UNION ALL SELECT 'h ' || (x.*)::text FROM registry_household x ORDER BY 1`.execute(h.db)
  return rows.map((r) => r.t)
}

const clear = () =>
  sql`TRUNCATE registry_person, registry_card, registry_old_id, registry_relative,
  registry_household, registry_foreigner`.execute(h.db)

describe('the bulk initial load', () => {
  test('leaves every key, index and foreign key as the migrations made them', async () => {
    const before = await schemaShape()
    expect(before.length).toBeGreaterThan(10)
    const out = await seedRegistry(h, { count: 400, seed: 'bulk', asOf: AS_OF, now: NOW, batchSize: 100 })
    expect(out).toMatchObject({ inserted: 400, rejected: [] })
    expect(await schemaShape()).toEqual(before)
    expect(await countPersons(h.db)).toBe(400)
  })

  test('writes exactly the rows that the staged import writes for the same people', async () => {
    const bulk = await content()
    await clear()
    const people = [...generatePopulation({ count: 400, seed: 'bulk', asOf: AS_OF, batchSize: 10_000 })]
    const records = people.flatMap((b) => b.citizens).map((record, i) => ({ line: i + 1, record }))
    const staged = await writeRecords(h, records, NOW)
    expect(staged).toMatchObject({ inserted: 400, rejected: [] })
    expect(await content()).toEqual(bulk)
  })

  test('a load that fails rolls back whole, keys and indexes included', async () => {
    await clear()
    const before = await schemaShape()
    // A stray family link equal to one the load will write: rebuilding the primary key must fail.
    const [batch] = generatePopulation({ count: 400, seed: 'bulk', asOf: AS_OF })
    const child = batch?.citizens.find((c) => c.fatherId) ?? expect.fail('no child generated')
    await h.db
      .insertInto('registry_relative')
      .values({ personal_id: child.personalId, relation: 'father', relative_id: child.fatherId as string })
      .execute()
    await expect(seedRegistry(h, { count: 400, seed: 'bulk', asOf: AS_OF, now: NOW })).rejects.toThrow()
    expect(await countPersons(h.db)).toBe(0)
    expect(await schemaShape()).toEqual(before)
    expect(await h.db.selectFrom('registry_relative').select('personal_id').execute()).toHaveLength(1)
  })

  test('a registry that is not empty is never bulk loaded: the seed upserts instead', async () => {
    await clear()
    await seedRegistry(h, { count: 50, seed: 'first', asOf: AS_OF, now: NOW })
    const out = await seedRegistry(h, { count: 60, seed: 'first', asOf: AS_OF, now: NOW })
    expect(out).toMatchObject({ inserted: 10, unchanged: 50, updated: 0 })
  })
})
