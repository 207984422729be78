import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { seedDemoRegistry } from '../registry/index.js'
import { browser, givenNewOfficer, logIn, secretOf } from './officers.test-support.js'
import { totpAt } from './totp.js'

let t: TestContext

beforeAll(async () => {
  t = await startTestApp()
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
})
afterAll(() => t.close())

let next = 0
const newOfficer = () =>
  givenNewOfficer(t, {
    officerNumber: `CB-${String(500 + ++next).padStart(4, '0')}`,
    fullName: 'Đinh Văn Mới',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })

const NEW_PASSWORD = 'CanBo#Moi2026'
const PERSON = '/api/v1/registry/persons/001190012345'

describe('a new officer reaches nothing before choosing a password and enrolling the authenticator', () => {
  test('the first login cannot read the registry until both steps are done, then it can', async () => {
    const o = await newOfficer()
    const b = browser(t)
    const first = await b.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: o.oneTimePassword,
    })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ status: 'first_login', stage: 'password_change' })
    const owed = async (code: string) => {
      for (const url of ['/api/v1/officer/me', PERSON]) {
        const res = await b.call('GET', url)
        expect([res.statusCode, res.json().code], url).toEqual([403, code])
      }
      const change = await b.call(
        'POST',
        '/api/v1/officer/me/password',
        { currentPassword: o.oneTimePassword, newPassword: NEW_PASSWORD, code: '123456' },
        b.csrf(),
      )
      expect(change.json().code).toBe(code)
    }
    await owed('officers.PASSWORD_CHANGE_REQUIRED')

    const chosen = await b.call(
      'POST',
      '/api/v1/officer/first-login/password',
      { newPassword: NEW_PASSWORD },
      b.csrf(),
    )
    expect(chosen.statusCode, chosen.body).toBe(200)
    const { authenticator } = chosen.json()
    expect(authenticator.otpauthUri).toMatch(
      /^otpauth:\/\/totp\/dinhdanh:CB-\d+\?secret=[A-Z2-7]+&issuer=dinhdanh/,
    )
    expect(authenticator.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(authenticator.qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg')
    await owed('officers.TOTP_ENROLMENT_REQUIRED')
    // A reload shows the same secret (it may be scanned already), to this session only.
    const state = await b.call('GET', '/api/v1/officer/first-login')
    expect(state.json()).toMatchObject({
      stage: 'totp_enrolment',
      authenticator: { secret: authenticator.secret },
    })

    const secret = secretOf(authenticator.otpauthUri)
    const right = totpAt(secret, t.clock.now())
    const wrong = await b.call(
      'POST',
      '/api/v1/officer/first-login/authenticator',
      { code: right === '000000' ? '111111' : '000000' },
      b.csrf(),
    )
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'officers.TOTP_INVALID'])
    const setupCookie = b.jar.dd_officer
    const done = await b.call('POST', '/api/v1/officer/first-login/authenticator', { code: right }, b.csrf())
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json()).toMatchObject({ status: 'signed_in', officer: { officerNumber: o.officerNumber } })
    // A fresh session with new tokens: the first-login one is over.
    expect(b.jar.dd_officer).not.toBe(setupCookie)
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/v1/officer/me',
      cookies: { dd_officer: setupCookie ?? '' },
    })
    expect(stale.json().code).toBe('officers.SESSION_REQUIRED')
    expect((await b.call('GET', '/api/v1/officer/me')).statusCode).toBe(200)
    const person = await b.call('GET', PERSON)
    expect(person.statusCode, person.body).toBe(200)

    // From now on: the chosen password and the authenticator's codes.
    await logIn(t, browser(t), { ...o, password: NEW_PASSWORD, secret })
  })

  test('a password that breaks the house rules is refused with the rules it breaks, and nothing is kept', async () => {
    const o = await newOfficer()
    const b = browser(t)
    await b.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: o.oneTimePassword,
    })
    const weak = await b.call(
      'POST',
      '/api/v1/officer/first-login/password',
      { newPassword: 'canbo' },
      b.csrf(),
    )
    expect([weak.statusCode, weak.json().code]).toEqual([400, 'officers.PASSWORD_REJECTED'])
    expect(weak.json().details.failures.map((f: { code: string }) => f.code)).toEqual([
      'policy.PASSWORD_TOO_SHORT',
      'policy.PASSWORD_NO_DIGIT',
      'policy.PASSWORD_NO_UPPERCASE',
      'policy.PASSWORD_NO_SPECIAL',
    ])
    expect(weak.json().details.failures[0].vi).toBeTruthy()
    expect((await b.call('GET', '/api/v1/officer/first-login')).json()).toMatchObject({
      stage: 'password_change',
      authenticator: null,
    })
  })

  test('the chosen password takes effect only with the authenticator: until then the one-time password stays', async () => {
    const o = await newOfficer()
    const b = browser(t)
    await b.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: o.oneTimePassword,
    })
    await b.call('POST', '/api/v1/officer/first-login/password', { newPassword: NEW_PASSWORD }, b.csrf())
    const early = await browser(t).call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: NEW_PASSWORD,
    })
    expect(early.json().code).toBe('officers.INVALID_CREDENTIALS')
    const again = await browser(t).call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: o.oneTimePassword,
    })
    expect(again.json()).toMatchObject({ status: 'first_login' })
  })

  test('finishing the first login in one browser ends the first-login sessions opened elsewhere', async () => {
    const o = await newOfficer()
    const other = browser(t)
    await other.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: o.oneTimePassword,
    })
    const b = browser(t)
    await b.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: o.oneTimePassword,
    })
    const chosen = await b.call(
      'POST',
      '/api/v1/officer/first-login/password',
      { newPassword: NEW_PASSWORD },
      b.csrf(),
    )
    t.clock.advance(30_000)
    const code = totpAt(secretOf(chosen.json().authenticator.otpauthUri), t.clock.now())
    expect(
      (await b.call('POST', '/api/v1/officer/first-login/authenticator', { code }, b.csrf())).statusCode,
    ).toBe(200)
    expect((await other.call('GET', '/api/v1/officer/first-login')).json().code).toBe(
      'officers.SESSION_REQUIRED',
    )
  })

  test('a first-login session lasts 15 minutes at most', async () => {
    const o = await newOfficer()
    const b = browser(t)
    await b.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: o.officerNumber,
      password: o.oneTimePassword,
    })
    t.clock.advance(10 * 60_000)
    expect((await b.call('GET', '/api/v1/officer/first-login')).statusCode).toBe(200)
    t.clock.advance(5 * 60_000 + 1000)
    expect((await b.call('GET', '/api/v1/officer/first-login')).json().code).toBe('officers.SESSION_REQUIRED')
  })
})
