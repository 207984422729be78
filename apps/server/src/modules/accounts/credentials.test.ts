import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { cleanupAccounts } from './accounts.cleanup.js'
import { givenAccount, lastSmsCode } from './accounts.test-support.js'
import { testBrowser } from './session.test-support.js'

const AN = '079095001234'
const PASSWORD = 'Hanoi@2026x'
const PASSCODE = '739128'
let t: TestContext

beforeAll(async () => {
  // Two sessions at once: the one-device rule would end the first on its own.
  t = await startTestApp({ SINGLE_DEVICE_LOGIN: 'false' })
  await givenAccount(t.db, { subjectId: AN, password: PASSWORD, passcode: PASSCODE, at: t.clock.now() })
}, 60_000)
afterAll(() => t.close())
beforeEach(() => {
  t.clock.advance(3_600_000)
})

const loggedIn = async (password = PASSWORD) => {
  const b = testBrowser(t.app)
  const first = await b.call('POST', '/api/v1/auth/login', { username: AN, password })
  expect(first.statusCode, first.body).toBe(202)
  await b.call('POST', '/api/v1/auth/login/verify', {
    challengeId: first.json().challengeId,
    code: await lastSmsCode(t.db, 'otp.login_new_device'),
  })
  return b
}

describe('the holder changes the password and the passcode while logged in', () => {
  test('a wrong current password is refused without ending the session', async () => {
    const b = await loggedIn()
    const res = await b.call(
      'POST',
      '/api/v1/me/password',
      { currentPassword: 'Wrong@2026x', newPassword: 'Saigon#2027y' },
      b.csrf(),
    )
    expect([res.statusCode, res.json().code]).toEqual([400, 'accounts.WRONG_PASSWORD'])
    expect((await b.call('GET', '/api/v1/me')).statusCode).toBe(200)
  })

  test('a new password that breaks the rules is refused with each rule named', async () => {
    const b = await loggedIn()
    const res = await b.call(
      'POST',
      '/api/v1/me/password',
      { currentPassword: PASSWORD, newPassword: 'short' },
      b.csrf(),
    )
    expect([res.statusCode, res.json().code]).toEqual([400, 'accounts.CREDENTIALS_REJECTED'])
    expect(res.json().details.failures.length).toBeGreaterThan(0)
  })

  test('a new password ends the sessions on other devices and the holder is told', async () => {
    const other = await loggedIn()
    t.clock.advance(1000)
    const b = await loggedIn()
    expect((await other.call('GET', '/api/v1/me')).statusCode).toBe(200)
    const res = await b.call(
      'POST',
      '/api/v1/me/password',
      { currentPassword: PASSWORD, newPassword: 'Saigon#2027y' },
      b.csrf(),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect((await other.call('GET', '/api/v1/me')).statusCode).toBe(401)
    expect((await b.call('GET', '/api/v1/me')).statusCode).toBe(200)
    const old = await testBrowser(t.app).call('POST', '/api/v1/auth/login', {
      username: AN,
      password: PASSWORD,
    })
    expect(old.json().code).toBe('accounts.INVALID_CREDENTIALS')
    const sms = await t.db
      .selectFrom('platform_outbox')
      .select('template')
      .where('template', '=', 'accounts.password.changed')
      .execute()
    expect(sms).toHaveLength(1)
    // Put it back for the other tests.
    await b.call(
      'POST',
      '/api/v1/me/password',
      { currentPassword: 'Saigon#2027y', newPassword: PASSWORD },
      b.csrf(),
    )
  })

  test('a new passcode needs a step-up, and a passcode that breaks the rules is refused', async () => {
    const b = await loggedIn()
    t.clock.advance(6 * 60_000)
    const refused = await b.call('POST', '/api/v1/me/passcode', { newPasscode: '520417' }, b.csrf())
    expect(refused.json().code).toBe('accounts.STEP_UP_REQUIRED')
    await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: PASSCODE }, b.csrf())
    const weak = await b.call('POST', '/api/v1/me/passcode', { newPasscode: '123456' }, b.csrf())
    expect(weak.json().code).toBe('accounts.CREDENTIALS_REJECTED')
    const ok = await b.call('POST', '/api/v1/me/passcode', { newPasscode: '520417' }, b.csrf())
    expect(ok.statusCode, ok.body).toBe(200)
    t.clock.advance(6 * 60_000)
    const oldPin = await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: PASSCODE }, b.csrf())
    expect(oldPin.json().code).toBe('accounts.WRONG_PASSCODE')
    const newPin = await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: '520417' }, b.csrf())
    expect(newPin.statusCode).toBe(200)
  })
})

describe('what login leaves behind is cleaned up', () => {
  test('expired challenges go after a day, ended sessions only after a month', async () => {
    await loggedIn()
    const ended = await loggedIn()
    await ended.call('POST', '/api/v1/auth/logout', undefined, ended.csrf())
    t.clock.advance(2 * 86_400_000)
    const first = await cleanupAccounts(t.deps)
    expect(first.loginChallenges).toBeGreaterThan(0)
    expect(first.sessions).toBe(0)
    t.clock.advance(30 * 86_400_000)
    expect((await cleanupAccounts(t.deps)).sessions).toBeGreaterThan(0)
  })
})
