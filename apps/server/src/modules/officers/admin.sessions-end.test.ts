import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import {
  type Browser,
  browser,
  codeNow,
  completeFirstLogin,
  type GivenOfficer,
  givenOfficer,
  logIn,
} from './officers.test-support.js'

let t: TestContext
let admin: Browser
let next = 0

beforeAll(async () => {
  t = await startTestApp()
  const anh = await givenOfficer(t, {
    officerNumber: 'CB-0001',
    fullName: 'Nguyễn Quốc Anh',
    unitCode: 'C06',
    roles: ['administrator'],
  })
  admin = browser(t)
  await logIn(t, admin, anh)
})
afterAll(() => t.close())

const officerLoggedIn = async (): Promise<{ o: GivenOfficer; b: Browser }> => {
  const o = await givenOfficer(t, {
    officerNumber: `CB-${String(700 + ++next).padStart(4, '0')}`,
    fullName: 'Lê Văn Hùng',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })
  const b = browser(t)
  await logIn(t, b, o)
  return { o, b }
}
const act = (o: GivenOfficer, action: string) =>
  admin.call('POST', `/api/v1/officer/officers/${o.id}/${action}`, undefined, admin.csrf())
const me = async (b: Browser) => (await b.call('GET', '/api/v1/officer/me')).json().code
const login = (o: { officerNumber: string }, password: string) =>
  browser(t).call('POST', '/api/v1/officer/auth/login', { officerNumber: o.officerNumber, password })

describe('suspension ends the sessions; reactivation lets the officer log in again', () => {
  test('a suspended officer is out at once; reactivated, logs in with the same password and authenticator', async () => {
    const { o, b } = await officerLoggedIn()
    const suspended = await act(o, 'suspend')
    expect(suspended.json()).toMatchObject({ status: 'suspended' })
    expect(await me(b)).toBe('officers.SESSION_REQUIRED')
    expect((await act(o, 'suspend')).json().code).toBe('officers.ALREADY_SUSPENDED')
    expect((await login(o, o.password)).json().code).toBe('officers.OFFICER_SUSPENDED')
    const back = await act(o, 'reactivate')
    expect(back.json()).toMatchObject({ status: 'active', enrolled: true })
    expect((await act(o, 'reactivate')).json().code).toBe('officers.NOT_SUSPENDED')
    await logIn(t, browser(t), o)
  })
})

describe('resetting the authenticator forces a new enrolment', () => {
  test('sessions end; the old password and codes open nothing; the one-time password starts the first login', async () => {
    const { o, b } = await officerLoggedIn()
    const reset = await act(o, 'reset-authenticator')
    expect(reset.statusCode, reset.body).toBe(200)
    expect(reset.headers['cache-control']).toBe('no-store')
    const { oneTimePassword, officer } = reset.json()
    expect(officer).toMatchObject({ enrolled: false, passwordChangeRequired: true })
    expect(await me(b)).toBe('officers.SESSION_REQUIRED')
    expect((await login(o, o.password)).json().code).toBe('officers.INVALID_CREDENTIALS')
    const first = await login(o, oneTimePassword)
    expect(first.json()).toMatchObject({ status: 'first_login', stage: 'password_change' })
    const again = await completeFirstLogin(t, browser(t), { ...o, oneTimePassword }, 'Lan@MayMoi2026')
    expect(again.secret.equals(o.secret)).toBe(false)
    await logIn(t, browser(t), again)
  })
})

describe('resetting the password forces a new one at the next login', () => {
  test('sessions end; password and code, then a new password before anything else', async () => {
    const { o, b } = await officerLoggedIn()
    const reset = await act(o, 'reset-password')
    const { oneTimePassword, officer } = reset.json()
    expect(officer).toMatchObject({ enrolled: true, passwordChangeRequired: true })
    expect(await me(b)).toBe('officers.SESSION_REQUIRED')
    t.clock.advance(30_000)
    const c = browser(t)
    const first = await c.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: oneTimePassword,
    })
    expect(first.json()).toMatchObject({ status: 'totp_required' })
    const second = await c.call('POST', '/api/v1/officer/auth/login/totp', {
      challengeId: first.json().challengeId,
      code: codeNow(t, o),
    })
    expect(second.json()).toMatchObject({ status: 'password_change_required' })
    expect(await me(c)).toBe('officers.PASSWORD_CHANGE_REQUIRED')
    const chosen = await c.call(
      'POST',
      '/api/v1/officer/first-login/password',
      { newPassword: 'Hung@Moi2026' },
      c.csrf(),
    )
    expect(chosen.json()).toMatchObject({ stage: 'full', status: 'signed_in' })
    expect((await c.call('GET', '/api/v1/officer/me')).statusCode).toBe(200)
    await logIn(t, browser(t), { ...o, password: 'Hung@Moi2026' })
  })
})

describe("an officer's own password change", () => {
  test('takes the current password and a fresh code, and ends their other sessions', async () => {
    const { o, b } = await officerLoggedIn()
    const other = browser(t)
    await logIn(t, other, o)
    const change = (body: object) => b.call('POST', '/api/v1/officer/me/password', body, b.csrf())
    t.clock.advance(30_000)
    const base = { currentPassword: o.password, newPassword: 'Hung#Doi2026', code: codeNow(t, o) }
    expect((await change({ ...base, newPassword: 'short' })).json().code).toBe('officers.PASSWORD_REJECTED')
    expect((await change({ ...base, currentPassword: 'wrong-password' })).json().code).toBe(
      'officers.CURRENT_PASSWORD_WRONG',
    )
    const wrongCode = base.code === '000000' ? '111111' : '000000'
    expect((await change({ ...base, code: wrongCode })).json().code).toBe('officers.TOTP_INVALID')
    const ok = await change(base)
    expect(ok.json()).toEqual({ sessionsEnded: 1 })
    expect(await me(other)).toBe('officers.SESSION_REQUIRED')
    expect((await b.call('GET', '/api/v1/officer/me')).statusCode).toBe(200)
    // The code that confirmed the change is used up.
    expect((await change({ ...base, currentPassword: 'Hung#Doi2026' })).json().code).toBe(
      'officers.TOTP_INVALID',
    )
    await logIn(t, browser(t), { ...o, password: 'Hung#Doi2026' })
  })
})
