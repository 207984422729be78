import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { DEMO_OFFICER_PASSWORD, demoOfficers, demoUnits, seedDemoOfficers } from './officers.demo.js'
import { demoOfficerCode } from './officers.demo-code.js'
import { browser } from './officers.test-support.js'
import { base32Decode, totpAt } from './totp.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

test('demo seeding is idempotent and a developer logs in with the documented secret', async () => {
  expect(await seedDemoOfficers(t.deps)).toBe(demoOfficers.length)
  expect(await seedDemoOfficers(t.deps)).toBe(0)
  expect(await t.db.selectFrom('officers_unit').select('code').execute()).toHaveLength(demoUnits.length)
  const lan = demoOfficers.find((o) => o.officerNumber === 'CB-0042')
  if (!lan) throw new Error('CB-0042 missing')
  const b = browser(t)
  const first = await b.call('POST', '/api/v1/officer/auth/login', {
    officerNumber: lan.officerNumber,
    password: DEMO_OFFICER_PASSWORD,
  })
  expect(first.json()).toMatchObject({ status: 'totp_required' })
  const done = await b.call('POST', '/api/v1/officer/auth/login/totp', {
    challengeId: first.json().challengeId,
    code: totpAt(base32Decode(lan.totpSecret), t.clock.now()),
  })
  expect(done.statusCode, done.body).toBe(200)
})

test('the CLI prints a code only for a demo officer, only with DEMO_SEED on', async () => {
  await seedDemoOfficers(t.deps)
  const deps = { db: t.db, clock: t.clock }
  const code = await demoOfficerCode({ ...deps, config: { DEMO_SEED: true } }, 'cb-0042')
  expect(code).toBe(totpAt(base32Decode('DINHDANHDEMOCANBOLANAAAAAAAAAAAA'), t.clock.now()))
  expect(await demoOfficerCode({ ...deps, config: { DEMO_SEED: false } }, 'CB-0042')).toBeNull()
  expect(await demoOfficerCode({ ...deps, config: { DEMO_SEED: true } }, 'CB-4242')).toBeNull()
})
