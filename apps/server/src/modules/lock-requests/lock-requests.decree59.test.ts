import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import { NOW } from '../registry/registry.test-support.js'
import { accountStatus, BASE, call, type Headers, letter } from './lock-requests.test-support.js'

let t: TestContext
let counter: Headers
let hanoi: Headers
let hcm: Headers
const AN = '079095001234'

beforeAll(async () => {
  t = await startTestApp({ POLICY_PROFILE: 'decree-59-2022' })
  await givenAccount(t.db, { subjectId: AN, at: NOW })
  // A Friday: the weekend falls inside the two working days.
  t.clock.set('2026-11-27T03:00:00Z')
  counter = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  hanoi = (await officerSession(t, { roles: ['approver'], unitCode: 'PC06-001' })).headers
  hcm = (await officerSession(t, { roles: ['approver'], unitCode: 'PC06-079' })).headers
}, 120_000)
afterAll(() => t.close())

describe('Decree 59: the police head of the receiving level decides within 2 working days (D59 Art 19(4), 20)', () => {
  test('no forwarding deadline; a province head decides for its communes, another province cannot', async () => {
    const recorded = (await call(t, counter, 'POST', BASE, letter(AN))).json()
    expect(recorded).toMatchObject({ forwardBy: null, decideBy: '2026-12-01' })
    await call(t, counter, 'POST', `${BASE}/${recorded.id}/forward`)
    expect((await call(t, hcm, 'POST', `${BASE}/${recorded.id}/approve`)).json().code).toBe(
      'officers.OUTSIDE_JURISDICTION',
    )
    expect((await call(t, hcm, 'GET', BASE)).json().items).toEqual([])
    const res = await call(t, hanoi, 'POST', `${BASE}/${recorded.id}/approve`)
    expect(res.statusCode, res.body).toBe(200)
    expect(await accountStatus(t, AN)).toBe('locked')
  })
})
