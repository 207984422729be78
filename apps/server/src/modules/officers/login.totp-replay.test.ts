import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { browser, codeNow, type GivenOfficer, givenOfficer } from './officers.test-support.js'

let t: TestContext
let hung: GivenOfficer

beforeAll(async () => {
  t = await startTestApp()
  hung = await givenOfficer(t, {
    officerNumber: 'CB-0043',
    fullName: 'Lê Văn Hùng',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })
})
afterAll(() => t.close())

const login = async (code: string) => {
  const b = browser(t)
  const first = await b.call('POST', '/api/v1/officer/auth/login', {
    officerNumber: hung.officerNumber,
    password: hung.password,
  })
  expect(first.statusCode, first.body).toBe(202)
  return b.call('POST', '/api/v1/officer/auth/login/totp', { challengeId: first.json().challengeId, code })
}

test('a code that opened a session is refused when replayed within its time step', async () => {
  const code = codeNow(t, hung)
  expect((await login(code)).statusCode).toBe(200)
  t.clock.advance(5_000)
  const replay = await login(code)
  expect([replay.statusCode, replay.json().code]).toEqual([401, 'officers.TOTP_INVALID'])
  // The next step's code works again.
  t.clock.advance(30_000)
  expect((await login(codeNow(t, hung))).statusCode).toBe(200)
})

test('two logins racing with one code: exactly one session opens', async () => {
  t.clock.advance(60_000)
  const code = codeNow(t, hung)
  const results = await Promise.all([login(code), login(code)])
  expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401])
})

test('wrong codes count toward the login lockout', async () => {
  const tam = await givenOfficer(t, {
    officerNumber: 'CB-0044',
    fullName: 'Võ Thanh Tâm',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })
  const wrongCode = async () => {
    const b = browser(t)
    const first = await b.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: tam.officerNumber,
      password: tam.password,
    })
    if (first.statusCode !== 202) return first
    return b.call('POST', '/api/v1/officer/auth/login/totp', {
      challengeId: first.json().challengeId,
      code: '000001',
    })
  }
  const answers: string[] = []
  for (let i = 0; i < 6; i++) answers.push((await wrongCode()).json().code)
  // Five failures, then a backoff that refuses even the right password (authn lockout).
  expect(answers.slice(0, 5)).toEqual(Array(5).fill('officers.TOTP_INVALID'))
  expect(answers[5]).toBe('authn.ACCOUNT_TEMPORARILY_LOCKED')
})
