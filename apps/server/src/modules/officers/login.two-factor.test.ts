import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { browser, codeNow, type GivenOfficer, givenOfficer, logIn } from './officers.test-support.js'
import { hotp, timeStepOf } from './totp.js'

let t: TestContext
let lan: GivenOfficer

beforeAll(async () => {
  t = await startTestApp()
  lan = await givenOfficer(t, {
    officerNumber: 'CB-0042',
    fullName: 'Trần Thị Lan',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })
})
afterAll(() => t.close())

const passwordStep = async (b = browser(t), o = lan, password = o.password) => {
  const res = await b.call('POST', '/api/v1/officer/auth/login', { officerNumber: o.officerNumber, password })
  expect(res.statusCode, res.body).toBe(202)
  return res.json().challengeId as string
}

describe('officer login always takes a password and an authenticator code', () => {
  test('the password alone opens no session; with the code a Strict, HttpOnly session starts', async () => {
    const b = browser(t)
    t.clock.advance(30_000)
    const first = await b.call('POST', '/api/v1/officer/auth/login', {
      officerNumber: 'cb-0042',
      password: lan.password,
    })
    expect(first.statusCode).toBe(202)
    expect(first.json()).toMatchObject({ status: 'totp_required' })
    expect(first.cookies).toEqual([])
    expect((await b.call('GET', '/api/v1/officer/me')).statusCode).toBe(401)

    const done = await b.call('POST', '/api/v1/officer/auth/login/totp', {
      challengeId: first.json().challengeId,
      code: codeNow(t, lan),
    })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.cookies.find((c) => c.name === 'dd_officer')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    })
    expect(done.cookies.find((c) => c.name === 'dd_officer_csrf')?.httpOnly).toBeFalsy()
    const me = await b.call('GET', '/api/v1/officer/me')
    expect(me.json()).toMatchObject({
      officerNumber: 'CB-0042',
      roles: ['receiving_officer'],
      permissions: ['registry.read', 'counter.receive', 'biometrics.check', 'lock_request.record'],
      unit: { code: 'CAX-001-BA-DINH', level: 'commune', provinceCode: '001' },
    })
  })

  test('a wrong password and an unknown officer number get the same answer', async () => {
    const wrong = await browser(t).call('POST', '/api/v1/officer/auth/login', {
      officerNumber: 'CB-0042',
      password: 'not-the-password',
    })
    const unknown = await browser(t).call('POST', '/api/v1/officer/auth/login', {
      officerNumber: 'CB-9999',
      password: lan.password,
    })
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'officers.INVALID_CREDENTIALS'])
    expect([unknown.statusCode, unknown.json()]).toEqual([401, wrong.json()])
  })

  test('a wrong code is refused, and the same challenge still takes the right one', async () => {
    t.clock.advance(30_000)
    const b = browser(t)
    const challengeId = await passwordStep(b)
    const right = codeNow(t, lan)
    const wrongCode = right === '000000' ? '111111' : '000000'
    const wrong = await b.call('POST', '/api/v1/officer/auth/login/totp', { challengeId, code: wrongCode })
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'officers.TOTP_INVALID'])
    const ok = await b.call('POST', '/api/v1/officer/auth/login/totp', { challengeId, code: right })
    expect(ok.statusCode, ok.body).toBe(200)
  })

  test('a code two steps old is refused; one step either side is accepted', async () => {
    t.clock.advance(90_000)
    const step = timeStepOf(t.clock.now())
    const old = await browser(t).call('POST', '/api/v1/officer/auth/login/totp', {
      challengeId: await passwordStep(),
      code: hotp(lan.secret, step - 2),
    })
    expect(old.json().code).toBe('officers.TOTP_INVALID')
    const late = await browser(t).call('POST', '/api/v1/officer/auth/login/totp', {
      challengeId: await passwordStep(),
      code: hotp(lan.secret, step - 1),
    })
    expect(late.statusCode, late.body).toBe(200)
  })

  test('a challenge opens one session only', async () => {
    t.clock.advance(30_000)
    const challengeId = await passwordStep()
    const first = await browser(t).call('POST', '/api/v1/officer/auth/login/totp', {
      challengeId,
      code: codeNow(t, lan),
    })
    expect(first.statusCode).toBe(200)
    t.clock.advance(30_000)
    const again = await browser(t).call('POST', '/api/v1/officer/auth/login/totp', {
      challengeId,
      code: codeNow(t, lan),
    })
    expect([again.statusCode, again.json().code]).toEqual([401, 'officers.CHALLENGE_INVALID'])
  })

  test('logout ends the session and needs the CSRF token', async () => {
    const b = browser(t)
    await logIn(t, b, lan)
    expect((await b.call('POST', '/api/v1/officer/auth/logout')).json().code).toBe('officers.CSRF_INVALID')
    const out = await b.call('POST', '/api/v1/officer/auth/logout', undefined, b.csrf())
    expect(out.json()).toEqual({ ended: 1 })
    expect((await b.call('GET', '/api/v1/officer/me')).statusCode).toBe(401)
  })

  test('a session ends after 15 idle minutes', async () => {
    const b = browser(t)
    await logIn(t, b, lan)
    t.clock.advance(14 * 60_000)
    expect((await b.call('GET', '/api/v1/officer/me')).statusCode).toBe(200)
    t.clock.advance(15 * 60_000 + 1000)
    expect((await b.call('GET', '/api/v1/officer/me')).json().code).toBe('officers.SESSION_REQUIRED')
  })

  test('a session ends 8 hours after login however busy the officer is', async () => {
    const b = browser(t)
    await logIn(t, b, lan)
    for (let i = 0; i < 8 * 6 - 1; i++) {
      t.clock.advance(10 * 60_000)
      expect((await b.call('GET', '/api/v1/officer/me')).statusCode).toBe(200)
    }
    t.clock.advance(10 * 60_000)
    expect((await b.call('GET', '/api/v1/officer/me')).statusCode).toBe(401)
  })
})
