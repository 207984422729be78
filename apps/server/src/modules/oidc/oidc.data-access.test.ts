import { sql } from 'kysely'
import * as client from 'openid-client'
import { beforeEach, describe, expect, test } from 'vitest'
import {
  AN,
  authorizationRequest,
  BINH,
  citizenAppLogin,
  exchange,
  givenRelyingParty,
  logIn,
  type TestAgent,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

// The citizen app stays open while the provider's login page logs the same citizen in again.
const t = useOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
// Each test logs in on new devices: an hour apart, the SMS codes stay under their hourly limit.
beforeEach(() => t.clock.advance(3_600_000))

/** The citizen app in a browser of its own (cookies kept whatever their expiry: the clock is frozen). */
const citizenBrowser = () => {
  const jar: Record<string, string> = {}
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, headers = {}) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}), cookies: jar, headers })
    for (const c of res.cookies) jar[c.name] = c.value
    return res
  }
  return { call, csrf: () => ({ 'x-csrf-token': jar.dd_csrf ?? '' }) }
}
type TestBrowser = ReturnType<typeof citizenBrowser>

/** The citizen app logged in with the password and the SMS code. */
const citizenApp = (username: string): Promise<TestBrowser> =>
  citizenAppLogin(t, username, { browser: citizenBrowser() })

type Release = {
  channel: string
  claims: string[]
  purpose: string | null
  recipient: { id: string; name: string }
}
const releasesTo = async (app: TestBrowser, clientId: string): Promise<Release[]> => {
  const res = await app.call('GET', '/api/v1/me/data-access?limit=200')
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items.filter((r: Release) => r.recipient.id === clientId)
}

/** A relying party, a login through the pages, and the tokens the code is exchanged for. */
const givenLogin = async (scope: string, opts: { agent?: TestAgent; scopes?: string[] } = {}) => {
  const rp = await givenRelyingParty(t, {
    name: 'Bệnh viện Thử',
    purpose: 'Đăng ký khám bệnh',
    scopes: opts.scopes ?? ['openid', 'profile', 'vn_id', 'offline_access'],
  })
  const agent = opts.agent ?? testAgent()
  const req = await authorizationRequest(rp.config, {
    scope,
    ...(scope.includes('offline_access') ? { prompt: 'consent' } : {}),
  })
  const end = await logIn(t, agent, req.url, { username: AN })
  expect(end.callback, end.body.slice(0, 2000)).toBeDefined()
  const tokens = await exchange(rp.config, end.callback, req)
  return { ...rp, agent, tokens, sub: tokens.claims()?.sub ?? '' }
}

describe("the citizen's data-access log", () => {
  test('userinfo is logged with the claim names and the relying party’s purpose; the ID token carries no personal data', async () => {
    const an = await citizenApp(AN)
    const { creds, config, tokens, sub } = await givenLogin('openid profile vn_id')
    expect(await releasesTo(an, creds.client_id)).toEqual([])
    const info = await client.fetchUserInfo(config, tokens.access_token, sub)
    expect(info.name).toBe('Nguyễn Văn An')
    const [release, ...more] = await releasesTo(an, creds.client_id)
    expect(more).toEqual([])
    expect(release).toMatchObject({
      channel: 'oidc.userinfo',
      claims: ['birthdate', 'gender', 'name', 'vn_id'],
      purpose: 'Đăng ký khám bệnh',
      recipient: { kind: 'relying_party', id: creds.client_id, name: 'Bệnh viện Thử' },
    })
    // Names only: the log never holds a value.
    expect(JSON.stringify(release)).not.toContain('Nguyễn Văn An')
    expect(JSON.stringify(release)).not.toContain(AN)
  })

  test('every userinfo call is a release of its own', async () => {
    const an = await citizenApp(AN)
    const { creds, config, tokens, sub } = await givenLogin('openid profile')
    await client.fetchUserInfo(config, tokens.access_token, sub)
    t.clock.advance(1000)
    await client.fetchUserInfo(config, tokens.access_token, sub)
    const releases = await releasesTo(an, creds.client_id)
    expect(releases.map((r) => r.claims)).toEqual([
      ['birthdate', 'gender', 'name'],
      ['birthdate', 'gender', 'name'],
    ])
  })

  test('a login with openid alone releases no personal data and logs nothing', async () => {
    const an = await citizenApp(AN)
    const { creds, config, tokens, sub } = await givenLogin('openid')
    expect(await client.fetchUserInfo(config, tokens.access_token, sub)).toEqual({ sub })
    expect(await releasesTo(an, creds.client_id)).toEqual([])
  })

  test('if the log cannot be written, userinfo fails and no data leaves', async () => {
    const { tokens } = await givenLogin('openid profile')
    await sql`CREATE FUNCTION test_refuse_release() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'log unavailable'; END $$`.execute(t.db)
    await sql`CREATE TRIGGER test_refuse_release BEFORE INSERT ON data_access_log
      FOR EACH ROW EXECUTE FUNCTION test_refuse_release()`.execute(t.db)
    try {
      const res = await fetch(`${t.issuer}/oidc/userinfo`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      })
      const body = await res.text()
      expect(res.status).toBe(500)
      expect(body).not.toContain('Nguyễn Văn An')
      expect(body).not.toContain('birthdate')
    } finally {
      await sql`DROP TRIGGER test_refuse_release ON data_access_log`.execute(t.db)
      await sql`DROP FUNCTION test_refuse_release()`.execute(t.db)
    }
  })

  test('only the holder reads the log', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/data-access' })).statusCode).toBe(401)
  })
})

describe('connected services (remembered consents)', () => {
  test('the citizen sees each relying party they consented to, with its purpose, scopes and expiry', async () => {
    const an = await citizenApp(AN)
    const { creds, config, tokens, sub } = await givenLogin('openid profile offline_access')
    await client.fetchUserInfo(config, tokens.access_token, sub)
    const res = await an.call('GET', '/api/v1/me/connections')
    expect(res.statusCode, res.body).toBe(200)
    const connection = res.json().items.find((c: { clientId: string }) => c.clientId === creds.client_id)
    expect(connection).toMatchObject({
      name: 'Bệnh viện Thử',
      purpose: 'Đăng ký khám bệnh',
      scopes: ['openid', 'profile', 'offline_access'],
    })
    // Consent is remembered for 180 days (docs/oidc.md).
    expect(connection.expiresAt.slice(0, 10)).toBe(
      new Date(t.clock.now().getTime() + 180 * 86_400_000).toISOString().slice(0, 10),
    )
    expect(connection.lastUsedAt).toBe(t.clock.now().toISOString())
  })

  test('a consent outlives the browser session it was given in; a new scope or another relying party asks again', async () => {
    const { config } = await givenLogin('openid profile')
    // A citizen who would refuse any consent page: reaching the relying party with a code means none was shown.
    const inNewBrowser = async (cfg: typeof config, scope: string) => {
      t.clock.advance(3_600_000)
      const req = await authorizationRequest(cfg, { scope })
      return (await logIn(t, testAgent(), req.url, { username: AN, consent: 'deny' })).callback
    }
    const same = await inNewBrowser(config, 'openid profile')
    expect(same?.searchParams.get('code'), same?.href).toBeTruthy()
    const wider = await inNewBrowser(config, 'openid profile vn_id')
    expect(wider?.searchParams.get('error')).toBe('access_denied')
    const other = await givenRelyingParty(t, { name: 'Ngân hàng Thử', purpose: 'Mở tài khoản' })
    const elsewhere = await inNewBrowser(other.config, 'openid profile')
    expect(elsewhere?.searchParams.get('error')).toBe('access_denied')
  })

  test('revoking a connection kills its refresh and access tokens, and the next login asks for consent again', async () => {
    const an = await citizenApp(AN)
    const { creds, config, tokens, agent } = await givenLogin('openid profile offline_access')
    const refreshToken = tokens.refresh_token ?? ''
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(true)

    const res = await an.call('DELETE', `/api/v1/me/connections/${creds.client_id}`, undefined, an.csrf())
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ revoked: creds.client_id, grants: 1 })

    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false)
    expect((await client.tokenIntrospection(config, refreshToken)).active).toBe(false)
    const info = await fetch(`${t.issuer}/oidc/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect(info.status).toBe(401)
    await expect(client.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    const listed = (await an.call('GET', '/api/v1/me/connections')).json().items
    expect(listed.map((c: { clientId: string }) => c.clientId)).not.toContain(creds.client_id)

    // The same browser, still logged in at the provider: no password, but the consent page again.
    const again = await authorizationRequest(config, { scope: 'openid profile' })
    const step = await agent.go(again.url.href)
    expect(step.callback, 'consent was not asked again').toBeUndefined()
    expect(step.body).toContain('/confirm"')
    expect(step.body).toContain('Bệnh viện Thử')

    const history = (await an.call('GET', '/api/v1/me/history')).json().events
    expect(history[0]).toMatchObject({
      action: 'oidc.consent.revoked',
      actor: AN,
      actorKind: 'citizen',
      data: { clientId: creds.client_id, clientName: 'Bệnh viện Thử' },
    })
  })

  test('a second revocation gets oidc.CONNECTION_NOT_FOUND and changes nothing', async () => {
    const an = await citizenApp(AN)
    const { creds } = await givenLogin('openid profile')
    const url = `/api/v1/me/connections/${creds.client_id}`
    expect((await an.call('DELETE', url, undefined, an.csrf())).statusCode).toBe(200)
    const second = await an.call('DELETE', url, undefined, an.csrf())
    expect(second.statusCode).toBe(404)
    expect(second.json().code).toBe('oidc.CONNECTION_NOT_FOUND')
  })

  test('a revocation without the CSRF token is refused', async () => {
    const an = await citizenApp(AN)
    const { creds, config, tokens } = await givenLogin('openid profile')
    const res = await an.call('DELETE', `/api/v1/me/connections/${creds.client_id}`)
    expect(res.statusCode).toBe(403)
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(true)
  })

  test("another citizen can neither see nor revoke someone's connection", async () => {
    const { creds, config, tokens } = await givenLogin('openid profile offline_access')
    const binh = await citizenApp(BINH)
    const listed = (await binh.call('GET', '/api/v1/me/connections')).json().items
    expect(listed.map((c: { clientId: string }) => c.clientId)).not.toContain(creds.client_id)
    const res = await binh.call('DELETE', `/api/v1/me/connections/${creds.client_id}`, undefined, binh.csrf())
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('oidc.CONNECTION_NOT_FOUND')
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(true)
    expect(await releasesTo(binh, creds.client_id)).toEqual([])
  })

  test('without a session there are no connections to see or revoke', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/connections' })).statusCode).toBe(401)
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/connections/rp_abcdefgh' })
    expect(res.statusCode).toBe(401)
  })
})
