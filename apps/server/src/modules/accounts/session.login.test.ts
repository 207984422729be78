import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount, lastSmsCode } from './accounts.test-support.js'

let t: TestContext
const AN = '079095001234'
const BINH = '001190012345'
const PASSWORD = 'Hanoi@2026x'
type Jar = Record<string, string>

const account = async (subjectId: string, status: 'active' | 'approved') =>
  givenAccount(t.db, { subjectId, status, password: PASSWORD, at: t.clock.now() })

beforeAll(async () => {
  t = await startTestApp()
  await account(AN, 'active')
  await account(BINH, 'approved')
}, 60_000)
afterAll(() => t.close())

/** A browser: keeps the cookies the server sets and sends them back. */
const browser = () => {
  const jar: Jar = {}
  const call = async (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}), cookies: jar, headers })
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now() - 60_000)) delete jar[c.name]
      else jar[c.name] = c.value
    }
    return res
  }
  return { jar, call, csrf: () => ({ 'x-csrf-token': jar.dd_csrf ?? '' }) }
}
const lastCode = () => lastSmsCode(t.db, 'otp.login_new_device')
const logIn = async (b: ReturnType<typeof browser>) => {
  t.clock.advance(1000)
  const first = await b.call('POST', '/api/v1/auth/login', { username: AN, password: PASSWORD })
  if (first.statusCode === 200) return first
  expect(first.statusCode, first.body).toBe(202)
  return b.call('POST', '/api/v1/auth/login/verify', {
    challengeId: first.json().challengeId,
    code: await lastCode(),
  })
}

describe('login with the personal ID number and password', () => {
  test('a wrong password and an unknown number get the same answer', async () => {
    const wrong = await browser().call('POST', '/api/v1/auth/login', {
      username: AN,
      password: 'Wrong@2026x',
    })
    const unknown = await browser().call('POST', '/api/v1/auth/login', {
      username: '001190099999',
      password: PASSWORD,
    })
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'accounts.INVALID_CREDENTIALS'])
    expect([unknown.statusCode, unknown.json()]).toEqual([401, wrong.json()])
  })

  test('on a new device a code goes to the phone first; with it a session starts and the device is trusted', async () => {
    const b = browser()
    const first = await b.call('POST', '/api/v1/auth/login', { username: AN, password: PASSWORD })
    expect(first.statusCode).toBe(202)
    expect(first.json()).toMatchObject({ status: 'code_required', phoneHint: '+84 91*****78' })
    const done = await b.call('POST', '/api/v1/auth/login/verify', {
      challengeId: first.json().challengeId,
      code: await lastCode(),
    })
    expect(done.statusCode, done.body).toBe(200)
    const session = done.cookies.find((c) => c.name === 'dd_session')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect((await b.call('GET', '/api/v1/me')).json()).toMatchObject({
      username: AN,
      level: 1,
      methods: ['pwd', 'otp'],
    })
    // The same browser later: the password alone.
    const again = await b.call('POST', '/api/v1/auth/login', { username: AN, password: PASSWORD })
    expect(again.statusCode).toBe(200)
    expect((await b.call('GET', '/api/v1/me')).json().methods).toEqual(['pwd'])
  })

  test('one device at a time: a login elsewhere ends the first session, and the holder is told', async () => {
    const phone = browser()
    await logIn(phone)
    const laptop = browser()
    const res = await logIn(laptop)
    expect(res.json().endedElsewhere).toBeGreaterThanOrEqual(1)
    expect((await phone.call('GET', '/api/v1/me')).statusCode).toBe(401)
    expect((await laptop.call('GET', '/api/v1/me')).statusCode).toBe(200)
    const told = await t.db
      .selectFrom('platform_outbox')
      .select('body')
      .where('template', '=', 'accounts.session.signed_in_elsewhere')
      .execute()
    expect(told.length).toBeGreaterThanOrEqual(1)
  })

  test('a code finishes a login only from the device that started it, and only once', async () => {
    const a = browser()
    t.clock.advance(1000)
    const first = await a.call('POST', '/api/v1/auth/login', { username: AN, password: PASSWORD })
    const code = await lastCode()
    const stranger = await browser().call('POST', '/api/v1/auth/login/verify', {
      challengeId: first.json().challengeId,
      code,
    })
    expect(stranger.json().code).toBe('accounts.CHALLENGE_INVALID')
    expect(
      (await a.call('POST', '/api/v1/auth/login/verify', { challengeId: first.json().challengeId, code }))
        .statusCode,
    ).toBe(200)
    const replay = await a.call('POST', '/api/v1/auth/login/verify', {
      challengeId: first.json().challengeId,
      code,
    })
    expect(replay.statusCode).toBe(400)
  })

  test('logging out needs the anti-forgery token of the session (CSRF)', async () => {
    const b = browser()
    await logIn(b)
    const forged = await b.call('POST', '/api/v1/auth/logout')
    expect([forged.statusCode, forged.json().code]).toEqual([403, 'accounts.CSRF_INVALID'])
    const ok = await b.call('POST', '/api/v1/auth/logout', undefined, b.csrf())
    expect(ok.json()).toEqual({ ended: 1 })
    expect((await b.call('GET', '/api/v1/me')).statusCode).toBe(401)
  })

  test('the holder sees the devices and can log out everywhere else', async () => {
    t.deps.config = { ...t.deps.config, SINGLE_DEVICE_LOGIN: false }
    try {
      const a = browser()
      const b = browser()
      await logIn(a)
      await logIn(b)
      const list = (await a.call('GET', '/api/v1/me/sessions')).json()
      expect(list.length).toBeGreaterThanOrEqual(2)
      expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1)
      expect(
        (await a.call('POST', '/api/v1/me/sessions/end-others', undefined, a.csrf())).json().ended,
      ).toBeGreaterThanOrEqual(1)
      expect((await b.call('GET', '/api/v1/me')).statusCode).toBe(401)
    } finally {
      t.deps.config = { ...t.deps.config, SINGLE_DEVICE_LOGIN: true }
    }
  })

  test('a session ends after the idle timeout', async () => {
    const b = browser()
    await logIn(b)
    t.clock.advance(31 * 60_000)
    expect((await b.call('GET', '/api/v1/me')).statusCode).toBe(401)
  })

  test('an approved account must be activated before it can log in', async () => {
    const res = await browser().call('POST', '/api/v1/auth/login', { username: BINH, password: PASSWORD })
    expect([res.statusCode, res.json().code]).toEqual([403, 'accounts.NOT_ACTIVATED'])
  })

  test('repeated wrong passwords from one address are slowed down, for a while only', async () => {
    const b = browser()
    for (let i = 0; i < 5; i++)
      await b.call('POST', '/api/v1/auth/login', { username: AN, password: `Wrong@${i}abc` })
    const locked = await b.call('POST', '/api/v1/auth/login', { username: AN, password: PASSWORD })
    expect([locked.statusCode, locked.json().code]).toEqual([429, 'authn.ACCOUNT_TEMPORARILY_LOCKED'])
    t.clock.advance(16 * 60_000)
    expect([200, 202]).toContain(
      (await b.call('POST', '/api/v1/auth/login', { username: AN, password: PASSWORD })).statusCode,
    )
  })
})
