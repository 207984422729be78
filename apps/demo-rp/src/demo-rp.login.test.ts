import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_CITIZEN, seedDemoCitizen } from '../../server/src/modules/accounts/index.js'
import { DEMO_BANK, DEMO_PORTAL, registerDemoClients } from '../../server/src/modules/oidc/index.js'
import {
  AN,
  BINH,
  logIn,
  type OidcTest,
  startOidcTest,
  testAgent,
} from '../../server/src/modules/oidc/oidc.test-support.js'
import { bankKeyJwks } from './bank-key.js'
import { loadDemoRpConfig } from './config.js'
import { BANK, PORTAL, type RelyingParty } from './relying-parties.js'
import { type RelyingPartyServer, startRelyingParty } from './server.js'

let t: OidcTest
let portal: RelyingPartyServer
let bank: RelyingPartyServer
beforeAll(async () => {
  t = await startOidcTest()
  const start = (rp: RelyingParty) =>
    startRelyingParty(rp, {
      issuer: new URL(t.issuer),
      portalSecret: DEMO_PORTAL.secret,
      origin: new URL('http://127.0.0.1'),
      host: '127.0.0.1',
      port: 0,
    })
  portal = await start(PORTAL)
  bank = await start(BANK)
  // As `npm start` does with DEMO_SEED, on the ports the demos got.
  await registerDemoClients(t.deps, { portal: portal.url.origin, bank: bank.url.origin })
}, 120_000)
afterAll(async () => {
  await portal?.close()
  await bank?.close()
  await t?.close()
})

/** A citizen clicks the login button of a demo and goes through the provider's pages back to the demo. */
const logInAt = (rp: RelyingPartyServer, username: string) =>
  logIn(t, testAgent(), new URL('/login', rp.url), { username })

describe('the demo portal', () => {
  test('a level-2 citizen logs in and the page shows their name, the level and the claims received', async () => {
    const end = await logInAt(portal, AN)
    expect(end.url).toBe(`${portal.url.origin}/`)
    expect(end.status).toBe(200)
    expect(end.body).toContain('Xin chào, Nguyễn Văn An')
    expect(end.body).toContain('urn:dinhdanh:loa:2')
    expect(end.body).toContain('Mức độ 2 — xác thực trực tiếp tại cơ quan Công an')
    for (const shown of ['<code>pwd</code>', '15/03/1995', 'Nam', AN, 'auth_time'])
      expect(end.body).toContain(shown)
  })

  test('accepts a level-1 citizen, and says level 1', async () => {
    const end = await logInAt(portal, BINH)
    expect(end.body).toContain('Xin chào, Trần Thị Bình')
    expect(end.body).toContain('Mức độ 1 <span lang="en">Level 1</span>')
    expect(end.body).toContain('Hồ sơ cơ bản')
  })

  test('a callback without a login it started is refused', async () => {
    const res = await fetch(new URL('/callback?code=stolen&state=guess', portal.url))
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('Phiên đăng nhập đã hết hạn hoặc không hợp lệ')
  })

  test("logging out ends the demo's session and, on the citizen's Yes, the provider's: the next login asks for the password", async () => {
    const agent = testAgent()
    const end = await logIn(t, agent, new URL('/login', portal.url), { username: AN })
    expect(end.body).toContain('Xin chào')
    // RP-initiated logout: the provider asks "Đăng xuất khỏi Cổng Dịch vụ công (demo)?" first.
    const ask = await agent.go(new URL('/logout', portal.url).href, { method: 'POST' })
    expect(ask.url.startsWith(`${t.issuer}/oidc/session/end`)).toBe(true)
    expect(ask.body).toContain('Cổng Dịch vụ công (demo)')
    const action = /<form id="op\.logoutForm" method="post" action="([^"]+)">/.exec(ask.body)?.[1] ?? ''
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(ask.body)?.[1] ?? ''
    const back = await agent.go(new URL(action, ask.url).href, {
      method: 'POST',
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    })
    expect(back.url).toBe(`${portal.url.origin}/logged-out`)
    expect(back.body).toContain('Bạn đã đăng xuất')
    expect(back.body).toContain('Đăng nhập bằng tài khoản định danh điện tử')
    expect(back.body).not.toContain('Xin chào')
    const again = await agent.go(new URL('/login', portal.url).href)
    expect(again.body).toContain('autocomplete="current-password"')
  })
})

describe('the demo bank', () => {
  test('refuses a level-1 citizen with a clear message', async () => {
    const end = await logInAt(bank, BINH)
    expect(end.status).toBe(403)
    expect(end.body).toContain(
      'Ngân hàng Demo yêu cầu tài khoản định danh điện tử mức độ 2; tài khoản của bạn là mức độ 1',
    )
    expect(end.body).toContain('Demo Bank requires a level-2 electronic identity account; yours is level 1')
    expect(end.body).not.toContain('Xin chào')
  })

  test('logs a level-2 citizen in with FAPI 2.0: a pushed request, private_key_jwt and DPoP-bound tokens', async () => {
    const pushed = await testAgent().request(new URL('/login', bank.url).href)
    const to = new URL(pushed.headers.get('location') ?? '')
    expect([...to.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri'])
    const end = await logInAt(bank, AN)
    expect(end.body).toContain('Xin chào, Nguyễn Văn An')
    expect(end.body).toContain('Mức độ 2 <span lang="en">Level 2</span>')
    expect(end.body).toContain('FAPI 2.0: private_key_jwt')
    expect(end.body).toContain('token: <code>dpop</code>')
  })

  test('the demo citizen of the README logs in with the published password (DEMO_SEED)', async () => {
    expect(await seedDemoCitizen(t.deps)).toBe(true)
    const end = await logIn(t, testAgent(), new URL('/login', bank.url), {
      username: DEMO_CITIZEN.personalId,
      password: DEMO_CITIZEN.password,
    })
    expect(end.body).toContain('Xin chào, Lê Minh Cường')
    expect(end.body).toContain('Mức độ 2 <span lang="en">Level 2</span>')
  })

  test("the demo's key and secret are the ones the provider registered", () => {
    expect(bankKeyJwks().publicJwk).toEqual(DEMO_BANK.jwk)
    expect(loadDemoRpConfig({}).portalSecret).toBe(DEMO_PORTAL.secret)
  })
})
