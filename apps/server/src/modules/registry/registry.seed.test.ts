import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { countPersons } from './person.repository.js'
import { demoPeople } from './registry.demo.js'
import { seedDemoRegistry } from './registry.seed.js'
import { AS_OF, NOW } from './registry.test-support.js'

let h: TestDb
beforeAll(async () => {
  h = await openTestDb()
})
afterAll(() => h.close())

describe('first-start seeding', () => {
  test('an empty registry gets the synthetic population (initial load) and the demo people', async () => {
    const out = await seedDemoRegistry(h, { asOf: AS_OF, now: NOW, population: 300, seed: 'first-start' })
    expect(out.synthetic).toMatchObject({ inserted: 300, rejected: [] })
    expect(out.demo.inserted).toBe(demoPeople.length)
    expect(await countPersons(h.db)).toBe(300 + demoPeople.length)
  })

  test('the initial load records family links both ways and one household per head', async () => {
    const children = await h.db
      .selectFrom('registry_relative')
      .selectAll()
      .where('relation', '=', 'father')
      .execute()
    expect(children.length).toBeGreaterThan(10)
    for (const c of children) {
      const back = await h.db
        .selectFrom('registry_relative')
        .select('relative_id')
        .where('personal_id', '=', c.relative_id)
        .where('relation', '=', 'child')
        .execute()
      expect(back.map((b) => b.relative_id)).toContain(c.personal_id)
    }
    const heads = await h.db
      .selectFrom('registry_person')
      .select('personal_id')
      .where('household_relation', '=', 'head')
      .execute()
    const households = await h.db.selectFrom('registry_household').select('head_personal_id').execute()
    expect(households.length).toBe(heads.length)
  })

  test('a second start changes nothing', async () => {
    const out = await seedDemoRegistry(h, { asOf: AS_OF, now: NOW, population: 300, seed: 'first-start' })
    expect(out.synthetic).toBeUndefined()
    expect(out.demo).toMatchObject({ inserted: 0, updated: 0, unchanged: demoPeople.length })
    expect(await countPersons(h.db)).toBe(300 + demoPeople.length)
  })
})
