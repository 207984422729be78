import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { DEMO_CITIZEN, seedDemoCitizen } from './accounts.demo.js'
import { lastSmsCode } from './accounts.test-support.js'
import { testBrowser } from './session.test-support.js'

// The README's demo citizen (DEMO_SEED only: main.ts seeds it after the demo registry).
let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
}, 120_000)
afterAll(() => t.close())

describe('the demo citizen with a published password', () => {
  test('is not made without the demo registry', async () => {
    expect(await seedDemoCitizen(t.deps)).toBe(false)
  })

  test('is made once, level 2 and active, with his own-name phone and an e-ID card', async () => {
    await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
    expect(await seedDemoCitizen(t.deps)).toBe(true)
    expect(await seedDemoCitizen(t.deps)).toBe(false)
    const account = await t.db
      .selectFrom('accounts_account')
      .select(['id', 'level', 'status', 'phone', 'created_via'])
      .where('subject_id', '=', DEMO_CITIZEN.personalId)
      .executeTakeFirstOrThrow()
    expect(account).toMatchObject({
      level: 2,
      status: 'active',
      phone: '+84398004321',
      created_via: 'counter',
    })
    const cards = await t.db
      .selectFrom('accounts_eid_card')
      .select('status')
      .where('account_id', '=', account.id)
      .execute()
    expect(cards).toEqual([{ status: 'active' }])
    // The published credentials follow the rules a citizen's own must.
    expect(t.deps.policy.checkPassword(DEMO_CITIZEN.password)).toEqual([])
    expect(t.deps.policy.checkPasscode(DEMO_CITIZEN.passcode, { dateOfBirth: '1988-11-20' })).toEqual([])
  })

  test('logs in to the citizen app with the published password and the SMS code of a new device', async () => {
    const b = testBrowser(t.app)
    const first = await b.call('POST', '/api/v1/auth/login', {
      username: DEMO_CITIZEN.personalId,
      password: DEMO_CITIZEN.password,
    })
    expect(first.statusCode).toBe(202)
    const done = await b.call('POST', '/api/v1/auth/login/verify', {
      challengeId: first.json().challengeId,
      code: await lastSmsCode(t.db, 'otp.login_new_device', DEMO_CITIZEN.phone),
    })
    expect(done.statusCode, done.body).toBe(200)
    const me = await b.call('GET', '/api/v1/me')
    expect(me.json()).toMatchObject({ username: DEMO_CITIZEN.personalId, level: 2 })
  })
})
