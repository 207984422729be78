import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { loadConfig } from '../../platform/config.js'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount, lastSmsCode } from './accounts.test-support.js'
import { relyingPartyOf } from './passkey.relying-party.js'
import { SoftAuthenticator } from './passkey.test-support.js'
import { type TestBrowser, testBrowser } from './session.test-support.js'

const ORIGIN = 'https://eid.example.vn'
const AN = '079095001234'
const BINH = '001190012345'
const CHI = '001190067890'
const PASSWORD = 'Hanoi@2026x'
const PASSCODE = '739128'
let t: TestContext

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: ORIGIN })
  for (const [subjectId, phone] of [
    [AN, '+84912345678'],
    [BINH, '+84987654321'],
    [CHI, '+84977000111'],
  ] as const)
    await givenAccount(t.db, { subjectId, phone, password: PASSWORD, passcode: PASSCODE, at: t.clock.now() })
}, 60_000)
afterAll(() => t.close())
// Every test logs in afresh: an hour apart, the per-phone limit on one-time codes does not add up.
beforeEach(() => {
  t.clock.advance(3_600_000)
})

/** Logs in with the password and, on this new browser, the code sent by SMS: a fresh two-factor session. */
const loggedIn = async (username = AN) => {
  const b = testBrowser(t.app)
  t.clock.advance(1000)
  const first = await b.call('POST', '/api/v1/auth/login', { username, password: PASSWORD })
  expect(first.statusCode, first.body).toBe(202)
  const done = await b.call('POST', '/api/v1/auth/login/verify', {
    challengeId: first.json().challengeId,
    code: await lastSmsCode(t.db, 'otp.login_new_device'),
  })
  expect(done.statusCode, done.body).toBe(200)
  return b
}

const addPasskey = async (b: TestBrowser, device: SoftAuthenticator, name?: string) => {
  const opts = await b.call('POST', '/api/v1/me/passkeys/options', undefined, b.csrf())
  expect(opts.statusCode, opts.body).toBe(200)
  const { challengeId, options } = opts.json()
  return b.call(
    'POST',
    '/api/v1/me/passkeys',
    { challengeId, response: device.create(options, ORIGIN), ...(name ? { name } : {}) },
    b.csrf(),
  )
}

const passkeyLogin = async (device: SoftAuthenticator, origin = ORIGIN) => {
  const b = testBrowser(t.app)
  const { challengeId, options } = (await b.call('POST', '/api/v1/auth/passkey/options')).json()
  const res = await b.call('POST', '/api/v1/auth/passkey/login', {
    challengeId,
    response: device.get(options, origin),
  })
  return { b, res }
}

describe('passkeys (WebAuthn) as a login factor', () => {
  test('a passkey logs in without the ID number and without a one-time code on a new device', async () => {
    const phone = new SoftAuthenticator()
    const added = await addPasskey(await loggedIn(), phone, 'Điện thoại của An')
    expect(added.statusCode, added.body).toBe(201)
    expect(added.json().name).toBe('Điện thoại của An')
    const { b, res } = await passkeyLogin(phone)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().account).toEqual({ username: AN, level: 1 })
    // Possession of the device key and the holder checked on it: two factors (RFC 8176).
    expect((await b.call('GET', '/api/v1/me')).json().methods).toEqual(['hwk', 'mfa'])
    const listed = (await b.call('GET', '/api/v1/me/passkeys')).json()
    expect(listed).toEqual([
      expect.objectContaining({ name: 'Điện thoại của An', lastUsedAt: expect.any(String) }),
    ])
  })

  test('the holder is told by SMS when a passkey is added or removed, and a removed one no longer logs in', async () => {
    const key = new SoftAuthenticator()
    const b = await loggedIn()
    const { id } = (await addPasskey(b, key)).json()
    const removed = await b.call('DELETE', `/api/v1/me/passkeys/${id}`, undefined, b.csrf())
    expect(removed.statusCode, removed.body).toBe(200)
    const sms = await t.db
      .selectFrom('platform_outbox')
      .select('template')
      .where('recipient', '=', '+84912345678')
      .where('template', 'like', 'accounts.passkey.%')
      .execute()
    expect(sms.map((m) => m.template)).toEqual(
      expect.arrayContaining(['accounts.passkey.added', 'accounts.passkey.removed']),
    )
    const { res } = await passkeyLogin(key)
    expect([res.statusCode, res.json().code]).toEqual([401, 'accounts.PASSKEY_REJECTED'])
  })

  test('a challenge is single use: replaying a login assertion is refused', async () => {
    const key = new SoftAuthenticator()
    await addPasskey(await loggedIn(), key)
    const b = testBrowser(t.app)
    const { challengeId, options } = (await b.call('POST', '/api/v1/auth/passkey/options')).json()
    const response = key.get(options, ORIGIN)
    const [one, two] = await Promise.all([
      b.call('POST', '/api/v1/auth/passkey/login', { challengeId, response }),
      b.call('POST', '/api/v1/auth/passkey/login', { challengeId, response }),
    ])
    expect([one.statusCode, two.statusCode].sort()).toEqual([200, 400])
    expect([one, two].find((r) => r.statusCode === 400)?.json().code).toBe(
      'accounts.PASSKEY_CHALLENGE_INVALID',
    )
  })

  test('a cloned authenticator (a signature counter that does not move forward) is refused', async () => {
    const key = new SoftAuthenticator()
    await addPasskey(await loggedIn(), key)
    expect((await passkeyLogin(key)).res.statusCode).toBe(200)
    const b = testBrowser(t.app)
    const { challengeId, options } = (await b.call('POST', '/api/v1/auth/passkey/options')).json()
    const res = await b.call('POST', '/api/v1/auth/passkey/login', {
      challengeId,
      response: key.get(options, ORIGIN, { counter: 1 }),
    })
    expect([res.statusCode, res.json().code]).toEqual([401, 'accounts.PASSKEY_REJECTED'])
  })

  test('an assertion made for another site (phishing origin) is refused', async () => {
    const key = new SoftAuthenticator()
    await addPasskey(await loggedIn(), key)
    const { res } = await passkeyLogin(key, 'https://eid-example.vn.phish.example')
    expect([res.statusCode, res.json().code]).toEqual([401, 'accounts.PASSKEY_REJECTED'])
  })

  test('a device that does not check the holder (no user verification) is refused at registration and login', async () => {
    const key = new SoftAuthenticator()
    key.userVerifies = false
    const res = await addPasskey(await loggedIn(), key)
    expect([res.statusCode, res.json().code]).toEqual([401, 'accounts.PASSKEY_REJECTED'])
  })

  test('a passkey of a locked account does not log in', async () => {
    const key = new SoftAuthenticator()
    const b = await loggedIn(CHI)
    await addPasskey(b, key)
    const locked = await b.call('POST', '/api/v1/me/lock', {}, b.csrf())
    expect(locked.statusCode, locked.body).toBe(200)
    const { res } = await passkeyLogin(key)
    expect([res.statusCode, res.json().code]).toEqual([423, 'accounts.ACCOUNT_LOCKED'])
  })

  test('a platform reached by IP address has no passkeys (browsers refuse an IP as relying-party ID)', () => {
    expect(() => relyingPartyOf(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000' }))).toThrow(
      expect.objectContaining({ code: 'accounts.PASSKEYS_UNAVAILABLE', status: 503 }),
    )
    expect(relyingPartyOf(loadConfig({ PUBLIC_URL: 'https://eid.gov.vn' }))).toMatchObject({
      id: 'eid.gov.vn',
      origins: ['https://eid.gov.vn'],
    })
  })
})

describe('step-up before sensitive actions', () => {
  const stale = async () => {
    const b = await loggedIn()
    // Past the 5 minutes a fresh two-factor login vouches for (the session itself lives 30 idle minutes).
    t.clock.advance(6 * 60_000)
    return b
  }

  test('a stale session must confirm with the passcode before adding a passkey', async () => {
    const b = await stale()
    const refused = await b.call('POST', '/api/v1/me/passkeys/options', undefined, b.csrf())
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'accounts.STEP_UP_REQUIRED'])
    expect(refused.json().details.methods).toContain('pin')
    const wrong = await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: '111111' }, b.csrf())
    expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'accounts.WRONG_PASSCODE'])
    const ok = await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: PASSCODE }, b.csrf())
    expect(ok.statusCode, ok.body).toBe(200)
    expect((await addPasskey(b, new SoftAuthenticator())).statusCode).toBe(201)
    // The step-up lasts five minutes.
    t.clock.advance(6 * 60_000)
    const again = await b.call('POST', '/api/v1/me/passkeys/options', undefined, b.csrf())
    expect(again.json().code).toBe('accounts.STEP_UP_REQUIRED')
  })

  test('a password-only login on a trusted device is not a step-up', async () => {
    const b = await loggedIn()
    t.clock.advance(1000)
    const again = await b.call('POST', '/api/v1/auth/login', { username: AN, password: PASSWORD })
    expect(again.statusCode).toBe(200)
    const res = await b.call('POST', '/api/v1/me/passkeys/options', undefined, b.csrf())
    expect(res.json().code).toBe('accounts.STEP_UP_REQUIRED')
  })

  test('a passkey confirms a step-up, and only the holder’s own passkey does', async () => {
    const mine = new SoftAuthenticator()
    await addPasskey(await loggedIn(), mine)
    const binhs = new SoftAuthenticator()
    await addPasskey(await loggedIn(BINH), binhs)
    const b = await stale()
    const opts = (await b.call('POST', '/api/v1/auth/step-up/passkey/options', undefined, b.csrf())).json()
    expect(opts.options.allowCredentials.length).toBeGreaterThan(0)
    // Binh's key cannot answer An's step-up, even when it signs the right challenge.
    const foreign = await b.call(
      'POST',
      '/api/v1/auth/step-up/passkey',
      {
        challengeId: opts.challengeId,
        response: binhs.get({ ...opts.options, allowCredentials: [] }, ORIGIN),
      },
      b.csrf(),
    )
    expect([foreign.statusCode, foreign.json().code]).toEqual([401, 'accounts.PASSKEY_REJECTED'])
    const again = (await b.call('POST', '/api/v1/auth/step-up/passkey/options', undefined, b.csrf())).json()
    const res = await b.call(
      'POST',
      '/api/v1/auth/step-up/passkey',
      { challengeId: again.challengeId, response: mine.get(again.options, ORIGIN) },
      b.csrf(),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().method).toBe('hwk')
    expect((await b.call('POST', '/api/v1/me/passkeys/options', undefined, b.csrf())).statusCode).toBe(200)
  })

  test('wrong passcodes at step-up slow down after five, like passwords', async () => {
    const b = await stale()
    for (let i = 0; i < 5; i++)
      await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: `10293${i}` }, b.csrf())
    const held = await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: PASSCODE }, b.csrf())
    expect(held.statusCode).toBe(429)
    t.clock.advance(61_000)
    const ok = await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: PASSCODE }, b.csrf())
    expect(ok.statusCode, ok.body).toBe(200)
  })

  test('step-up needs the anti-forgery token', async () => {
    const b = await stale()
    const res = await b.call('POST', '/api/v1/auth/step-up/passcode', { passcode: PASSCODE })
    expect(res.json().code).toBe('accounts.CSRF_INVALID')
  })
})
