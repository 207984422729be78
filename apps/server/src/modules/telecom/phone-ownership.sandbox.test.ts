import { nameKey } from '@dinhdanh/vn-id'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { frozenClock } from '../../platform/clock.js'
import { loadConfig } from '../../platform/config.js'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { insertForeigners } from '../registry/foreigner.repository.js'
import {
  demoForeigners,
  foreignerDocumentsAfter,
  personIdsAfter,
  seedDemoRegistry,
} from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { createPhoneOwnership, withDeadline } from './phone-ownership.js'
import type { PhoneOwnershipChecker } from './phone-ownership.port.js'
import { createSandboxPhoneOwnership } from './phone-ownership.sandbox.js'
import { seedDemoSubscriptions, syntheticPhoneOf } from './telecom.demo.js'
import { countSubscriptions } from './telecom.repository.js'

let h: TestDb
const log = pino({ level: 'silent' })
const AN = '079095001234'
const KIM = { foreignerId: 'NN0000000001', passport: { nationality: 'KR', number: 'M12345678' } }

beforeAll(async () => {
  h = await openTestDb()
  await seedDemoRegistry(h, { asOf: AS_OF, now: NOW, population: 300, seed: 'telecom' })
  // One more foreign resident besides the demo one (the synthetic ratio is 1 in 500).
  const kim = demoForeigners[0]?.record
  if (kim)
    await insertForeigners(
      h.db,
      [
        {
          ...kim,
          foreignerId: 'NN0000000777',
          passport: { ...kim.passport, number: 'M00000777' },
          residenceCard: { ...kim.residenceCard, number: 'TT0000000777' },
        },
      ],
      nameKey,
      NOW,
    )
  await seedDemoSubscriptions(
    { db: h.db, clock: frozenClock(NOW) },
    {
      personIdsAfter: (after, limit) => personIdsAfter(h.db, after, limit),
      foreignersAfter: (after, limit) => foreignerDocumentsAfter(h.db, after, limit),
    },
  )
}, 60_000)
afterAll(() => h.close())

const config = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', ...env })

describe('the sandbox carrier answers like a subscriber-information service', () => {
  const carrier = () => createSandboxPhoneOwnership(h.db)

  test("a number in the asker's own name is own_name, by personal ID, foreigner ID or passport", async () => {
    const c = carrier()
    expect(await c.check({ phone: '+84395001234', personalId: AN })).toEqual({ result: 'own_name' })
    expect(await c.check({ phone: '+84700000001', foreignerId: KIM.foreignerId })).toEqual({
      result: 'own_name',
    })
    expect(await c.check({ phone: '+84700000001', passport: KIM.passport })).toEqual({ result: 'own_name' })
  })

  test("someone else's subscription is not_own_name; a number nobody subscribes is unknown_subscriber", async () => {
    const c = carrier()
    // The family SIM is in Lê Minh Cường's name, not An's.
    expect(await c.check({ phone: '+84911111111', personalId: AN })).toEqual({ result: 'not_own_name' })
    expect(await c.check({ phone: '+84888888888', ...KIM })).toEqual({ result: 'not_own_name' })
    expect(await c.check({ phone: '+84999999999', personalId: AN })).toEqual({ result: 'unknown_subscriber' })
  })

  test('every synthetic person and foreigner of the registry has an own-name number (039/070 + 7 digits)', async () => {
    const [person] = await personIdsAfter(h.db, '002', 1)
    const [foreigner] = await foreignerDocumentsAfter(h.db, 'NN0000000001', 1)
    expect(person).toBeDefined()
    expect(foreigner).toMatchObject({ foreignerId: 'NN0000000777', passport: { number: 'M00000777' } })
    const c = carrier()
    const id = person as string
    expect(await c.check({ phone: syntheticPhoneOf(id), personalId: id })).toEqual({ result: 'own_name' })
    if (foreigner)
      expect(await c.check({ phone: syntheticPhoneOf(foreigner.foreignerId), ...foreigner })).toEqual({
        result: 'own_name',
      })
    // The demo people keep exactly their documented numbers (a child of 9 has none).
    expect(await c.check({ phone: syntheticPhoneOf('001216006789'), personalId: '001216006789' })).toEqual({
      result: 'unknown_subscriber',
    })
  })

  test('seeding runs once: a second start changes nothing', async () => {
    const before = await countSubscriptions(h.db)
    expect(await seedDemoSubscriptions({ db: h.db, clock: frozenClock(NOW) })).toBeNull()
    expect(await countSubscriptions(h.db)).toBe(before)
  })
})

describe('an unavailable carrier is told apart from a "no"', () => {
  test('during an outage the answer is unavailable, and own_name again once it ends', async () => {
    const c = createSandboxPhoneOwnership(h.db, { outage: true })
    expect(await c.check({ phone: '+84395001234', personalId: AN })).toEqual({ result: 'unavailable' })
    c.simulate({})
    expect(await c.check({ phone: '+84395001234', personalId: AN })).toEqual({ result: 'own_name' })
  })

  test('a carrier slower than PHONE_OWNERSHIP_TIMEOUT_MS is unavailable', async () => {
    const slow = createPhoneOwnership(
      config({ PHONE_OWNERSHIP_SANDBOX_LATENCY_MS: '200', PHONE_OWNERSHIP_TIMEOUT_MS: '20' }),
      { db: h.db, log },
    )
    const started = Date.now()
    expect(await slow.check({ phone: '+84395001234', personalId: AN })).toEqual({ result: 'unavailable' })
    expect(Date.now() - started).toBeLessThan(150)
    const patient = createPhoneOwnership(
      config({ PHONE_OWNERSHIP_SANDBOX_LATENCY_MS: '20', PHONE_OWNERSHIP_TIMEOUT_MS: '2000' }),
      { db: h.db, log },
    )
    expect(await patient.check({ phone: '+84395001234', personalId: AN })).toEqual({ result: 'own_name' })
  })

  test('a carrier that fails is unavailable, never a decision', async () => {
    const broken: PhoneOwnershipChecker = {
      source: 'sandbox',
      check: () => Promise.reject(new Error('connection reset')),
    }
    expect(await withDeadline(broken, 1000, log).check({ phone: '+84395001234', personalId: AN })).toEqual({
      result: 'unavailable',
    })
  })
})

describe('PHONE_OWNERSHIP chooses the checker', () => {
  test("'sandbox' by default; 'off' asks nobody and lets every number through", async () => {
    expect(createPhoneOwnership(config(), { db: h.db, log }).source).toBe('sandbox')
    const off = createPhoneOwnership(config({ PHONE_OWNERSHIP: 'off' }), { db: h.db, log })
    expect(off.source).toBe('off')
    expect(await off.check({ phone: '+84999999999', personalId: AN })).toEqual({ result: 'own_name' })
    expect(() => config({ PHONE_OWNERSHIP: 'carrier-x' })).toThrow(/PHONE_OWNERSHIP/)
  })
})
