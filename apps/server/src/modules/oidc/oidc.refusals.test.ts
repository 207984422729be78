import * as client from 'openid-client'
import { describe, expect, test } from 'vitest'
import { reinstateClient, suspendClient } from './clients.service.js'
import { ACR } from './oidc.levels.js'
import {
  AN,
  authorizationRequest,
  BINH,
  CALLBACK,
  exchange,
  givenRelyingParty,
  logIn,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

const t = useOidcTest()

const userinfoStatus = (accessToken: string) =>
  fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } }).then(
    (r) => r.status,
  )

describe('a replayed authorization code', () => {
  test('is refused, and the tokens the first use got are revoked', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config)
    const end = await logIn(t, testAgent(), req.url, { username: AN })
    const tokens = await exchange(config, end.callback, req)
    expect(await userinfoStatus(tokens.access_token)).toBe(200)
    await expect(exchange(config, end.callback, req)).rejects.toMatchObject({ error: 'invalid_grant' })
    expect(await userinfoStatus(tokens.access_token)).toBe(401)
  })
})

describe('redirect URIs', () => {
  test('an unregistered redirect_uri gets an error page, never a redirect', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config, { redirect_uri: 'https://attacker.example/cb' })
    const res = await testAgent().request(req.url.href)
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
    expect(await res.text()).toContain('invalid_redirect_uri')
  })

  test('a code is exchanged only with the redirect_uri it was issued for', async () => {
    const { creds, config } = await givenRelyingParty(t, {
      redirectUris: [CALLBACK, 'http://localhost:9/other'],
    })
    const req = await authorizationRequest(config)
    const end = await logIn(t, testAgent(), req.url, { username: AN })
    const res = await fetch(`${t.issuer}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${creds.client_id}:${creds.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: end.callback?.searchParams.get('code') ?? '',
        redirect_uri: 'http://localhost:9/other',
        code_verifier: req.verifier,
      }),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' })
  })
})

describe('PKCE', () => {
  test('an authorization request without a code challenge is refused', async () => {
    const { config } = await givenRelyingParty(t)
    const url = client.buildAuthorizationUrl(config, { redirect_uri: CALLBACK, scope: 'openid', state: 's1' })
    const step = await testAgent().go(url.href)
    expect(step.callback?.searchParams.get('error')).toBe('invalid_request')
    expect(step.callback?.searchParams.get('error_description')).toMatch(/PKCE/)
  })

  test('the plain method is refused: S256 only', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config, { code_challenge_method: 'plain' })
    const step = await testAgent().go(req.url.href)
    expect(step.callback?.searchParams.get('error')).toBe('invalid_request')
  })

  test('a code is not exchanged without its verifier', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config)
    const end = await logIn(t, testAgent(), req.url, { username: AN })
    const wrong = { ...req, verifier: client.randomPKCECodeVerifier() }
    await expect(exchange(config, end.callback, wrong)).rejects.toMatchObject({ error: 'invalid_grant' })
  })

  test('implicit and hybrid response types are refused', async () => {
    const { config } = await givenRelyingParty(t)
    for (const responseType of ['token', 'id_token', 'code id_token']) {
      const req = await authorizationRequest(config, { response_type: responseType })
      const step = await testAgent().go(req.url.href)
      // Front-channel responses for token types go in the fragment.
      const answer = step.callback?.hash
        ? new URLSearchParams(step.callback.hash.slice(1))
        : step.callback?.searchParams
      expect([responseType, answer?.get('error')]).toEqual([responseType, 'unsupported_response_type'])
    }
  })
})

describe('levels', () => {
  test('a level-1 citizen at a relying party that requires level 2 is refused with access_denied, saying why', async () => {
    const { config } = await givenRelyingParty(t, { minLevel: 2 })
    const req = await authorizationRequest(config)
    const end = await logIn(t, testAgent(), req.url, { username: BINH })
    expect(end.callback?.searchParams.get('error')).toBe('access_denied')
    expect(end.callback?.searchParams.get('error_description')).toMatch(/level 2/)
    expect(end.callback?.searchParams.get('code')).toBeNull()
  })

  test('acr_values asking for level 2 raise a level-1 relying party’s minimum', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config, { acr_values: ACR[2] })
    const end = await logIn(t, testAgent(), req.url, { username: BINH })
    expect(end.callback?.searchParams.get('error')).toBe('access_denied')
  })

  test('a level-2 citizen gets in, with acr level 2', async () => {
    const { config } = await givenRelyingParty(t, { minLevel: 2 })
    const req = await authorizationRequest(config)
    const tokens = await exchange(
      config,
      (await logIn(t, testAgent(), req.url, { username: AN })).callback,
      req,
    )
    expect(tokens.claims()?.acr).toBe(ACR[2])
  })

  test('a level-1 citizen at a level-1 relying party gets acr level 1', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config)
    const tokens = await exchange(
      config,
      (await logIn(t, testAgent(), req.url, { username: BINH })).callback,
      req,
    )
    expect(tokens.claims()?.acr).toBe(ACR[1])
  })
})

describe('a suspended relying party', () => {
  test('cannot start a login, and its tokens stop working; reinstated, it works again', async () => {
    const rp = await givenRelyingParty(t, { scopes: ['openid', 'profile', 'offline_access'] })
    const agent = testAgent()
    const req = await authorizationRequest(rp.config, { scope: 'openid offline_access', prompt: 'consent' })
    const tokens = await exchange(rp.config, (await logIn(t, agent, req.url, { username: AN })).callback, req)
    expect(tokens.refresh_token).toBeTruthy()
    await suspendClient(t.deps, { id: 'test', kind: 'system' }, rp.creds.client_id, 'agreement expired')

    const blocked = await agent.request((await authorizationRequest(rp.config)).url.href)
    expect(blocked.status).toBe(400)
    const page = await blocked.text()
    expect(page).toContain('invalid_client')
    expect(page).toContain('this relying party is suspended')
    expect(page).toContain('tạm ngừng kết nối')
    await expect(client.refreshTokenGrant(rp.config, tokens.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_client',
    })
    await expect(client.tokenIntrospection(rp.config, tokens.access_token)).rejects.toMatchObject({
      error: 'invalid_client',
    })
    const info = await fetch(`${t.issuer}/oidc/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect([info.status, info.headers.get('www-authenticate') ?? (await info.text())]).toEqual([
      400,
      expect.stringContaining('invalid_client'),
    ])

    await reinstateClient(t.deps, { id: 'test', kind: 'system' }, rp.creds.client_id)
    const again = await authorizationRequest(rp.config, { scope: 'openid' })
    expect((await agent.go(again.url.href)).callback?.searchParams.get('code')).toBeTruthy()
  })
})
