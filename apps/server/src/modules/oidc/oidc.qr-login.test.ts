import { beforeAll, describe, expect, test } from 'vitest'
import { givenAccount, lastSmsCode } from '../accounts/accounts.test-support.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import {
  AN,
  authorizationRequest,
  BINH,
  citizenAppLogin,
  exchange,
  givenRelyingParty,
  PASSWORD,
  type TestAgent,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

/** A third citizen with a level 2 account, to try someone else's code. */
const CHI = '001200054321'
const CHI_PASSCODE = '135792'

const t = useOidcTest()
beforeAll(async () => {
  await givenAccount(t.db, {
    subjectId: CHI,
    level: 2,
    password: PASSWORD,
    passcode: CHI_PASSCODE,
    phone: '+84911112222',
    at: t.clock.now(),
  })
}, 120_000)

/** The holder's citizen app: logged in through the API (password, then the SMS code on a new device). */
const holderApp = (subjectId: string) => citizenAppLogin(t, subjectId)

const allowWebQrLogin = (app: TestBrowser, enabled: boolean) =>
  app.call('POST', '/api/v1/me/settings/web-qr-login', { enabled }, app.csrf())

const inApp = (app: TestBrowser, step: 'inspect' | 'approve' | 'refuse', code: string) =>
  app.call('POST', `/api/v1/me/qr-login/${step}`, { code }, app.csrf())

/** The relying party's login page, then "log in by QR code": the page with the code to scan. */
const qrPage = async (agent: TestAgent, params: Record<string, string> = {}) => {
  const { config } = await givenRelyingParty(t)
  const request = await authorizationRequest(config, params)
  const login = await agent.go(request.url.href)
  expect(login.body).toContain('/qr"')
  const page = await agent.submit(login, 'qr', {})
  expect(page.status).toBe(200)
  const code = /name="c" value="([A-Z0-9]{10})"/.exec(page.body)?.[1] ?? ''
  expect(code).toHaveLength(10)
  const uid = /\/oidc\/interaction\/([^/"]+)\/qr/.exec(page.body)?.[1] ?? ''
  return { config, request, page, code, uid }
}

/** "I have confirmed in the app": the page checks the code, and logs in once it is approved. */
const confirmed = (agent: TestAgent, uid: string, code: string) =>
  agent.go(`${t.issuer}/oidc/interaction/${uid}/qr?c=${code}&lang=vi&checked=1`)

const auditOf = (action: string, actor: string) =>
  t.db
    .selectFrom('platform_audit_event')
    .selectAll()
    .where('action', '=', action)
    .where('actor', '=', actor)
    .execute()

describe('login by scanning a QR code with the citizen app', () => {
  test('a level 2 holder who allowed it approves in the app: the browser is logged in, acr level 2, amr mca', async () => {
    const app = await holderApp(AN)
    expect((await allowWebQrLogin(app, true)).json()).toEqual({ webQrLogin: true, webQrLoginAvailable: true })
    const agent = testAgent()
    const { config, request, page, code, uid } = await qrPage(agent)
    expect(page.body).toContain('<svg role="img" aria-label="Mã QR đăng nhập"')
    expect(page.body).toContain(`${code.slice(0, 5)}-${code.slice(5)}`)
    expect(code).not.toContain(uid)

    const seen = await inApp(app, 'inspect', `dinhdanh-login:${code}`)
    expect(seen.statusCode, seen.body).toBe(200)
    expect(seen.json()).toMatchObject({ clientName: 'Cổng Dịch vụ công thử nghiệm', ip: '127.0.0.x' })
    expect((await inApp(app, 'approve', code.toLowerCase())).json()).toMatchObject({ decision: 'approved' })

    const consent = await confirmed(agent, uid, code)
    expect(consent.body).toContain('/confirm"')
    const done = await agent.submit(consent, 'confirm', {})
    const tokens = await exchange(config, done.callback, request)
    expect(tokens.claims()).toMatchObject({ acr: 'urn:dinhdanh:loa:2', amr: ['mca', 'otp'] })
    const [approved] = await auditOf('oidc.qr_login.approved', AN)
    expect(approved?.data).toMatchObject({
      clientName: 'Cổng Dịch vụ công thử nghiệm',
      browserIp: '127.0.0.x',
    })
    expect(await auditOf('accounts.web_qr_login.enabled', AN)).toHaveLength(1)
  })

  test('until the app approves, the page says it is still waiting and logs nobody in', async () => {
    const agent = testAgent()
    const { code, uid } = await qrPage(agent)
    const waiting = await confirmed(agent, uid, code)
    expect(waiting.callback).toBeUndefined()
    expect(waiting.body).toContain('Chưa có xác nhận từ ứng dụng')
  })

  test('a login refused in the app: the page says so and the code is dead', async () => {
    const app = await holderApp(AN)
    const agent = testAgent()
    const { code, uid } = await qrPage(agent)
    expect((await inApp(app, 'refuse', code)).json()).toMatchObject({ decision: 'refused' })
    const page = await confirmed(agent, uid, code)
    expect(page.body).toContain('Đăng nhập đã bị từ chối')
    expect(page.callback).toBeUndefined()
    expect((await inApp(app, 'approve', code)).json()).toMatchObject({ code: 'oidc.QR_LOGIN_INVALID' })
    expect(await auditOf('oidc.qr_login.refused', AN)).toHaveLength(1)
  })

  test('a code expires after 2 minutes: the app cannot read it and the page says so', async () => {
    const app = await holderApp(AN)
    const agent = testAgent()
    const { code, uid } = await qrPage(agent)
    t.clock.advance(2 * 60_000 + 1000)
    const late = await inApp(app, 'inspect', code)
    expect([late.statusCode, late.json().code]).toEqual([404, 'oidc.QR_LOGIN_INVALID'])
    expect((await confirmed(agent, uid, code)).body).toContain('Mã đăng nhập đã hết hạn')
  })

  test('a level 1 account may neither allow web login by QR code nor approve a code', async () => {
    const app = await holderApp(BINH)
    const allow = await allowWebQrLogin(app, true)
    expect([allow.statusCode, allow.json().code]).toEqual([403, 'accounts.LEVEL2_REQUIRED'])
    const { code } = await qrPage(testAgent())
    for (const step of ['inspect', 'approve'] as const) {
      const res = await inApp(app, step, code)
      expect([res.statusCode, res.json().code]).toEqual([403, 'oidc.QR_LOGIN_NOT_ALLOWED'])
    }
  })

  test('a level 2 holder who has not allowed it (the default) cannot approve', async () => {
    const app = await holderApp(CHI)
    expect((await app.call('GET', '/api/v1/me/settings')).json()).toEqual({
      webQrLogin: false,
      webQrLoginAvailable: true,
    })
    const { code } = await qrPage(testAgent())
    const res = await inApp(app, 'approve', code)
    expect([res.statusCode, res.json().code]).toEqual([403, 'oidc.QR_LOGIN_NOT_ALLOWED'])
  })

  test('an approval logs in once: the code cannot be approved again nor replayed at the page', async () => {
    const app = await holderApp(AN)
    const agent = testAgent()
    const { code, uid } = await qrPage(agent)
    expect((await inApp(app, 'approve', code)).statusCode).toBe(200)
    const again = await inApp(app, 'approve', code)
    expect([again.statusCode, again.json().code]).toEqual([404, 'oidc.QR_LOGIN_INVALID'])
    const first = await confirmed(agent, uid, code)
    expect(first.body).toContain('/confirm"')
    // The same address again, in another tab: the login step is over and the approval is used up.
    const replay = await confirmed(agent, uid, code)
    expect(replay.body).not.toContain('/confirm"')
    expect(replay.body).toContain('oidc.INTERACTION_STEP_INVALID')
  })

  test('a code read by one account cannot be read or approved by another', async () => {
    const an = await holderApp(AN)
    const chi = await holderApp(CHI)
    expect((await allowWebQrLogin(chi, true)).statusCode).toBe(200)
    const { code } = await qrPage(testAgent())
    expect((await inApp(an, 'inspect', code)).statusCode).toBe(200)
    for (const step of ['inspect', 'approve', 'refuse'] as const) {
      const res = await inApp(chi, step, code)
      expect([step, res.statusCode, res.json().code]).toEqual([step, 404, 'oidc.QR_LOGIN_INVALID'])
    }
    expect((await inApp(an, 'approve', code)).statusCode).toBe(200)
  })

  test('approving needs a fresh step-up: after the passcode, amr says pin', async () => {
    const app = await holderApp(CHI)
    expect((await allowWebQrLogin(app, true)).statusCode).toBe(200)
    // Six minutes on, the login's SMS code no longer vouches for the holder.
    t.clock.advance(6 * 60_000)
    const agent = testAgent()
    const { config, request, code, uid } = await qrPage(agent)
    const stale = await inApp(app, 'approve', code)
    expect([stale.statusCode, stale.json().code]).toEqual([403, 'accounts.STEP_UP_REQUIRED'])
    const stepUp = await app.call(
      'POST',
      '/api/v1/auth/step-up/passcode',
      { passcode: CHI_PASSCODE },
      app.csrf(),
    )
    expect(stepUp.statusCode, stepUp.body).toBe(200)
    expect((await inApp(app, 'approve', code)).statusCode).toBe(200)
    const consent = await confirmed(agent, uid, code)
    const done = await agent.submit(consent, 'confirm', {})
    const tokens = await exchange(config, done.callback, request)
    expect(tokens.claims()).toMatchObject({ acr: 'urn:dinhdanh:loa:2', amr: ['mca', 'pin'] })
  })

  test('a holder who turns the setting off after approving does not log the browser in', async () => {
    const app = await holderApp(CHI)
    expect((await allowWebQrLogin(app, true)).statusCode).toBe(200)
    const agent = testAgent()
    const { code, uid } = await qrPage(agent)
    expect((await inApp(app, 'approve', code)).statusCode).toBe(200)
    expect((await allowWebQrLogin(app, false)).json()).toMatchObject({ webQrLogin: false })
    const page = await confirmed(agent, uid, code)
    expect(page.callback).toBeUndefined()
    expect(page.body).toContain('Tài khoản không được đăng nhập bằng mã QR')
    expect(await auditOf('accounts.web_qr_login.disabled', CHI)).toHaveLength(1)
  })

  test('a holder cannot try codes by the hundred: 30 per 10 minutes', async () => {
    // A fresh window: the tests above spent some of this holder's budget.
    t.clock.advance(20 * 60_000)
    const app = await holderApp(CHI)
    expect((await allowWebQrLogin(app, true)).statusCode).toBe(200)
    const answers = []
    for (let i = 0; i < 31; i++) answers.push((await inApp(app, 'inspect', 'AAAAAAAAAA')).statusCode)
    expect(answers.slice(0, 30)).toEqual(Array(30).fill(404))
    expect(answers[30]).toBe(429)
  })
})

describe("reusing the citizen app's session on the login page", () => {
  test('a browser logged in to the app is offered "continue as" and logs in with that session', async () => {
    const agent = testAgent()
    t.clock.advance(1000)
    const first = await agent.request(`${t.issuer}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: AN, password: PASSWORD }),
    })
    const { challengeId } = (await first.json()) as { challengeId: string }
    const verified = await agent.request(`${t.issuer}/api/v1/auth/login/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challengeId, code: await lastSmsCode(t.db, 'otp.login_new_device') }),
    })
    expect(verified.status).toBe(200)
    const { config } = await givenRelyingParty(t, { minLevel: 2 })
    const request = await authorizationRequest(config)
    const login = await agent.go(request.url.href)
    expect(login.body).toContain('Tiếp tục với tài khoản 079••••••234')
    const consent = await agent.submit(login, 'continue', {})
    const done = await agent.submit(consent, 'confirm', {})
    const tokens = await exchange(config, done.callback, request)
    expect(tokens.claims()).toMatchObject({ acr: 'urn:dinhdanh:loa:2', amr: ['pwd', 'otp', 'mfa'] })
  })

  test('an app session below the level the service needs is not offered', async () => {
    const agent = testAgent()
    t.clock.advance(1000)
    const first = await agent.request(`${t.issuer}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: BINH, password: PASSWORD }),
    })
    const { challengeId } = (await first.json()) as { challengeId: string }
    await agent.request(`${t.issuer}/api/v1/auth/login/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ challengeId, code: await lastSmsCode(t.db, 'otp.login_new_device') }),
    })
    const { config } = await givenRelyingParty(t, { minLevel: 2 })
    const login = await agent.go((await authorizationRequest(config)).url.href)
    expect(login.body).toContain('/login"')
    expect(login.body).not.toContain('/continue"')
  })
})
