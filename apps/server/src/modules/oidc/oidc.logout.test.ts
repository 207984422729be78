import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { backchannelEndpoint, downEndpoint } from './oidc.backchannel.test-support.js'
import { OIDC } from './oidc.errors.js'
import {
  AN,
  authorizationRequest,
  BINH,
  CALLBACK,
  exchange,
  givenRelyingParty,
  logIn,
  type OidcTest,
  startOidcTest,
  type TestAgent,
  testAgent,
} from './oidc.test-support.js'

// Under the callback prefix, so the test browser stops there too (nobody listens on port 9).
const LOGGED_OUT = `${CALLBACK}/logged-out`
const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout'

let t: OidcTest
beforeAll(async () => {
  t = await startOidcTest()
}, 120_000)
afterAll(() => t.close())

const liveAccountsSessions = async (subjectId: string) =>
  (
    await t.db
      .selectFrom('accounts_session')
      .innerJoin('accounts_account', 'accounts_account.id', 'accounts_session.account_id')
      .select('accounts_session.id')
      .where('accounts_account.subject_id', '=', subjectId)
      .where('accounts_session.revoked_at', 'is', null)
      .execute()
  ).map((s) => s.id)

/** A citizen logged in at a relying party through the provider; returns its tokens and the accounts session opened. */
const loggedIn = async (agent: TestAgent, rp: Awaited<ReturnType<typeof givenRelyingParty>>, who = AN) => {
  const before = new Set(await liveAccountsSessions(who))
  const req = await authorizationRequest(rp.config)
  const tokens = await exchange(rp.config, (await logIn(t, agent, req.url, { username: who })).callback, req)
  const opened = (await liveAccountsSessions(who)).filter((id) => !before.has(id))
  return { tokens, accountsSession: opened[0] }
}

const logoutUrl = (
  rp: Awaited<ReturnType<typeof givenRelyingParty>>,
  idToken: string | undefined,
  params: Record<string, string> = {},
) =>
  client.buildEndSessionUrl(rp.config, {
    id_token_hint: idToken ?? '',
    post_logout_redirect_uri: LOGGED_OUT,
    state: 'logout-state-1',
    ...params,
  })

/** Presses Yes or No on the logout page: both submit the provider's form (its anti-forgery value). */
const answer = (agent: TestAgent, page: { url: string; body: string }, choice: 'yes' | 'no') => {
  const action = /<form id="op\.logoutForm" method="post" action="([^"]+)">/.exec(page.body)?.[1]
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.body)?.[1]
  expect(action && xsrf, page.body.slice(0, 300)).toBeTruthy()
  const fields = new URLSearchParams({ xsrf: xsrf ?? '' })
  if (choice === 'yes') fields.set('logout', 'yes')
  return agent.go(new URL(action ?? '', page.url).href, { method: 'POST', body: fields })
}

const accountsSessionRow = (id: string | undefined) =>
  t.db
    .selectFrom('accounts_session')
    .select(['revoked_at', 'revoked_reason'])
    .where('id', '=', id ?? '')
    .executeTakeFirstOrThrow()

describe('RP-initiated logout', () => {
  test('discovery announces the end-session endpoint and back-channel logout with sessions', async () => {
    const res = await fetch(`${t.issuer}/.well-known/openid-configuration`)
    expect(await res.json()).toMatchObject({
      end_session_endpoint: `${t.issuer}/oidc/session/end`,
      backchannel_logout_supported: true,
      backchannel_logout_session_supported: true,
    })
  })

  test('yes ends the provider session and the accounts session, and returns to the registered URI with state', async () => {
    const rp = await givenRelyingParty(t, { postLogoutRedirectUris: [LOGGED_OUT] })
    const agent = testAgent()
    const { tokens, accountsSession } = await loggedIn(agent, rp)
    expect(accountsSession).toBeDefined()

    const url = logoutUrl(rp, tokens.id_token)
    const raw = await agent.request(url.href)
    expect(raw.headers.get('content-security-policy')).toContain("form-action 'self' http://localhost:9")
    expect(raw.headers.get('content-security-policy')).toContain("default-src 'none'")
    const page = { url: url.href, body: await raw.text() }
    expect(page.body).toContain('Đăng xuất khỏi Cổng Dịch vụ công thử nghiệm?')
    expect(page.body).not.toContain('<script')

    const done = await answer(agent, page, 'yes')
    expect(done.callback?.origin + (done.callback?.pathname ?? '')).toBe(LOGGED_OUT)
    expect(done.callback?.searchParams.get('state')).toBe('logout-state-1')

    expect(await accountsSessionRow(accountsSession)).toMatchObject({ revoked_reason: 'logged_out' })
    // The provider no longer knows the browser: the next login asks for the password again.
    const again = await agent.go((await authorizationRequest(rp.config)).url.href)
    expect(again.callback).toBeUndefined()
    expect(again.body).toContain('/login"')
  })

  test('the page comes in English on request, with a link back to Vietnamese', async () => {
    const rp = await givenRelyingParty(t, { postLogoutRedirectUris: [LOGGED_OUT] })
    const agent = testAgent()
    const { tokens } = await loggedIn(agent, rp)
    const page = await agent.go(logoutUrl(rp, tokens.id_token, { ui_locales: 'en' }).href)
    expect(page.body).toContain('<html lang="en">')
    expect(page.body).toContain('Log out of Cổng Dịch vụ công thử nghiệm?')
    expect(page.body).toContain('Tiếng Việt</a>')
  })

  test('an unregistered post_logout_redirect_uri is refused on an error page, with no redirect', async () => {
    const rp = await givenRelyingParty(t, { postLogoutRedirectUris: [LOGGED_OUT] })
    const agent = testAgent()
    const { tokens } = await loggedIn(agent, rp)
    const res = await agent.request(
      logoutUrl(rp, tokens.id_token, { post_logout_redirect_uri: 'https://attacker.example/after' }).href,
    )
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
    const body = await res.text()
    expect(body).toContain('post_logout_redirect_uri not registered')
    expect(body).not.toContain('attacker.example')
  })

  test('no keeps the provider session and the accounts session: another relying party logs in without a password', async () => {
    const a = await givenRelyingParty(t, { postLogoutRedirectUris: [LOGGED_OUT] })
    const b = await givenRelyingParty(t)
    const agent = testAgent()
    const { tokens, accountsSession } = await loggedIn(agent, a, BINH)
    await loggedIn(agent, b, BINH)

    const page = await agent.go(logoutUrl(a, tokens.id_token).href)
    const done = await answer(agent, page, 'no')
    expect(done.callback?.searchParams.get('state')).toBe('logout-state-1')

    expect(await accountsSessionRow(accountsSession)).toMatchObject({ revoked_at: null })
    const req = await authorizationRequest(b.config)
    const step = await agent.go(req.url.href)
    expect(step.callback, step.body.slice(0, 200)).toBeDefined()
    await exchange(b.config, step.callback, req)
  })

  test('without a post_logout_redirect_uri the citizen ends on our logged-out page, in both languages', async () => {
    const rp = await givenRelyingParty(t)
    const agent = testAgent()
    const { tokens } = await loggedIn(agent, rp)
    const page = await agent.go(
      client.buildEndSessionUrl(rp.config, { id_token_hint: tokens.id_token ?? '' }).href,
    )
    const done = await answer(agent, page, 'yes')
    expect(done.status).toBe(200)
    expect(done.body).toContain('Bạn đã đăng xuất')
    expect(done.body).toContain('You are logged out')
  })
})

describe('back-channel logout', () => {
  test('the relying party receives a logout token it can verify against the provider keys', async () => {
    const endpoint = await backchannelEndpoint()
    try {
      const rp = await givenRelyingParty(t, {
        postLogoutRedirectUris: [LOGGED_OUT],
        backchannelLogoutUri: endpoint.uri,
      })
      const agent = testAgent()
      const { tokens } = await loggedIn(agent, rp)
      const idToken = tokens.claims()
      expect(idToken?.sid).toBeTruthy()

      const done = await answer(agent, await agent.go(logoutUrl(rp, tokens.id_token).href), 'yes')
      expect(done.callback).toBeDefined()

      expect(endpoint.received).toHaveLength(1)
      const token = endpoint.received[0] ?? ''
      expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'logout+jwt' })
      const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${t.issuer}/oidc/jwks`)), {
        issuer: t.issuer,
        audience: rp.creds.client_id,
        typ: 'logout+jwt',
      })
      expect(payload).toMatchObject({
        sub: idToken?.sub,
        sid: idToken?.sid,
        events: { [BACKCHANNEL_EVENT]: {} },
      })
      expect(payload.jti).toBeTruthy()
      expect(payload).not.toHaveProperty('nonce')
    } finally {
      await endpoint.close()
    }
  })

  test('an unreachable back-channel endpoint does not stop the logout', async () => {
    const rp = await givenRelyingParty(t, {
      postLogoutRedirectUris: [LOGGED_OUT],
      backchannelLogoutUri: (await downEndpoint()).uri,
    })
    const agent = testAgent()
    const { tokens, accountsSession } = await loggedIn(agent, rp)
    const done = await answer(agent, await agent.go(logoutUrl(rp, tokens.id_token).href), 'yes')
    expect(done.callback?.searchParams.get('state')).toBe('logout-state-1')
    expect(await accountsSessionRow(accountsSession)).toMatchObject({ revoked_reason: 'logged_out' })
  })

  test('an endpoint that never answers holds the logout up only until the timeout', async () => {
    const endpoint = await backchannelEndpoint({ answer: 'hang' })
    try {
      const rp = await givenRelyingParty(t, {
        postLogoutRedirectUris: [LOGGED_OUT],
        backchannelLogoutUri: endpoint.uri,
      })
      const agent = testAgent()
      const { tokens } = await loggedIn(agent, rp)
      const page = await agent.go(logoutUrl(rp, tokens.id_token).href)
      const started = performance.now()
      const done = await answer(agent, page, 'yes')
      expect(done.callback?.searchParams.get('state')).toBe('logout-state-1')
      expect(endpoint.received).toHaveLength(1)
      expect(performance.now() - started).toBeLessThan(10_000)
    } finally {
      await endpoint.close()
    }
  }, 30_000)
})

describe('registering logout URIs', () => {
  test.each([
    [
      'a post-logout URI over plain http to another host',
      { postLogoutRedirectUris: ['http://rp.example/bye'] },
      OIDC.POST_LOGOUT_REDIRECT_URI_INVALID,
    ],
    [
      'more than 20 post-logout URIs',
      { postLogoutRedirectUris: Array.from({ length: 21 }, (_, i) => `https://rp.example/bye/${i}`) },
      OIDC.POST_LOGOUT_REDIRECT_URI_INVALID,
    ],
    [
      'a back-channel URI with a fragment',
      { backchannelLogoutUri: 'https://rp.example/logout#x' },
      OIDC.BACKCHANNEL_LOGOUT_URI_INVALID,
    ],
    [
      'a back-channel URI that is not a URL',
      { backchannelLogoutUri: 'logout' },
      OIDC.BACKCHANNEL_LOGOUT_URI_INVALID,
    ],
  ])('%s is refused', async (_name, input, error) => {
    await expect(givenRelyingParty(t, input)).rejects.toMatchObject({ code: error.code })
  })

  test('the client record shows them', async () => {
    const { creds } = await givenRelyingParty(t, {
      postLogoutRedirectUris: ['https://rp.example/bye'],
      backchannelLogoutUri: 'https://rp.example/backchannel',
    })
    expect(creds).toMatchObject({
      post_logout_redirect_uris: ['https://rp.example/bye'],
      backchannel_logout_uri: 'https://rp.example/backchannel',
    })
  })
})
