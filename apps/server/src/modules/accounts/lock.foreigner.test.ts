import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { givenAccount } from './accounts.test-support.js'
import { applyAutomaticLocks } from './lock.service.js'

let t: TestContext
// Kim Min Jun: temporary residence card until 2027-12-31, passport until 2032-01-09.
const KIM = 'NN0000000001'

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  await givenAccount(t.db, { subjectId: KIM, phone: '+84700000001', at: NOW })
}, 60_000)
afterAll(() => t.close())

const account = () =>
  t.db.selectFrom('accounts_account').select('status').where('subject_id', '=', KIM).executeTakeFirstOrThrow()
const openGrounds = async () =>
  (
    await t.db
      .selectFrom('accounts_lock')
      .innerJoin('accounts_account', 'accounts_account.id', 'accounts_lock.account_id')
      .select('ground')
      .where('subject_id', '=', KIM)
      .where('unlocked_at', 'is', null)
      .execute()
  ).map((l) => l.ground)

describe("a foreigner's account follows the residence card (DOMAIN §4 rule 8, D69 Art 15)", () => {
  test('it is locked once the residence card has expired, and unlocked when the card is renewed', async () => {
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ locked: 0 })
    t.clock.set('2028-01-02T03:00:00Z')
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ locked: 1 })
    expect(await account()).toEqual({ status: 'locked' })
    expect(await openGrounds()).toEqual(['residence_permit_expired'])
    await t.db
      .updateTable('registry_foreigner')
      .set({ residence_card_expires_on: '2030-12-31' })
      .where('foreigner_id', '=', KIM)
      .execute()
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ unlocked: 1 })
    expect(await account()).toEqual({ status: 'active' })
    expect(await openGrounds()).toEqual([])
  })
})
