import { createHash, randomUUID } from 'node:crypto'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import * as client from 'openid-client'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { addClient } from './clients.service.js'
import { ACR } from './oidc.levels.js'
import {
  AN,
  authorizationRequest,
  CALLBACK,
  exchange,
  givenFapiClient,
  givenRelyingParty,
  logIn,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

const t = useOidcTest()

const TEST = { id: 'test', kind: 'system' } as const

/** A pushed authorization request (PKCE S256, state, nonce), with a DPoP proof when a handle is given. */
const pushedRequest = async (
  config: client.Configuration,
  params: Record<string, string> = {},
  dpop?: client.DPoPHandle,
) => {
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = await client.buildAuthorizationUrlWithPAR(
    config,
    {
      redirect_uri: CALLBACK,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...params,
    },
    dpop ? { DPoP: dpop } : {},
  )
  return { url, verifier, state, nonce }
}

const codeGrant = (
  config: client.Configuration,
  callback: URL | undefined,
  req: { verifier: string; state: string; nonce: string },
  dpop?: client.DPoPHandle,
) => {
  expect(callback, 'the flow did not come back to the relying party').toBeDefined()
  return client.authorizationCodeGrant(
    config,
    callback ?? new URL(CALLBACK),
    { pkceCodeVerifier: req.verifier, expectedState: req.state, expectedNonce: req.nonce },
    undefined,
    dpop ? { DPoP: dpop } : {},
  )
}

/** A bank that needs level 2, a citizen who logged in through it, and its DPoP-bound tokens. */
const givenBankLogin = async () => {
  const rp = await givenFapiClient(t, { minLevel: 2, scopes: ['openid', 'profile', 'offline_access'] })
  const keyPair = await client.randomDPoPKeyPair('ES256')
  const dpop = client.getDPoPHandle(rp.config, keyPair)
  const req = await pushedRequest(
    rp.config,
    { scope: 'openid profile offline_access', prompt: 'consent' },
    dpop,
  )
  const end = await logIn(t, testAgent(), req.url, { username: AN })
  const tokens = await codeGrant(rp.config, end.callback, req, dpop)
  return { ...rp, keyPair, dpop, req, end, tokens, sub: tokens.claims()?.sub ?? '' }
}

const bearerUserinfo = (accessToken: string) =>
  fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } })

const refusedWith = (error: string) => ({
  status: 401,
  cause: [expect.objectContaining({ parameters: expect.objectContaining({ error }) })],
})

describe('a fapi2 relying party: PAR, DPoP and private_key_jwt', () => {
  test('a bank logs a level-2 citizen in through a pushed request and gets DPoP-bound tokens that open userinfo', async () => {
    const { config, dpop, req, end, tokens, sub } = await givenBankLogin()
    // Only client_id and request_uri travel through the browser; the response names the issuer (RFC 9207).
    expect([...req.url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri'])
    expect(end.callback?.searchParams.get('iss')).toBe(t.issuer)
    expect(tokens.token_type).toBe('dpop')
    expect(tokens.claims()).toMatchObject({ iss: t.issuer, acr: ACR[2] })
    expect(await client.fetchUserInfo(config, tokens.access_token, sub, { DPoP: dpop })).toMatchObject({
      sub,
      name: 'Nguyễn Văn An',
    })
  })

  test('its access token used as a plain Bearer token is refused', async () => {
    const { tokens } = await givenBankLogin()
    const res = await bearerUserinfo(tokens.access_token)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toContain('invalid_token')
  })

  test('its access token with a DPoP proof from another key is refused', async () => {
    const { config, tokens, sub } = await givenBankLogin()
    const thief = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'))
    await expect(
      client.fetchUserInfo(config, tokens.access_token, sub, { DPoP: thief }),
    ).rejects.toMatchObject(refusedWith('invalid_token'))
  })

  test('a replayed DPoP proof (the same jti) is refused', async () => {
    const { keyPair, tokens } = await givenBankLogin()
    const htu = `${t.issuer}/oidc/userinfo`
    const proof = await new SignJWT({
      htm: 'GET',
      htu,
      ath: createHash('sha256').update(tokens.access_token).digest('base64url'),
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(keyPair.publicKey) })
      .setJti(randomUUID())
      .setIssuedAt()
      .sign(keyPair.privateKey)
    const send = () => fetch(htu, { headers: { authorization: `DPoP ${tokens.access_token}`, dpop: proof } })
    expect((await send()).status).toBe(200)
    const replay = await send()
    expect(replay.status).toBe(401)
    expect(replay.headers.get('www-authenticate')).toContain('invalid_token')
  })

  test('its refresh token is bound to the DPoP key: refused without a proof or with another key, and refreshes with its own', async () => {
    const { config, dpop, tokens, sub } = await givenBankLogin()
    const refreshToken = tokens.refresh_token ?? ''
    expect(refreshToken).toBeTruthy()
    // Bound to the same key as the access token (oidc-provider alone binds only public clients' tokens).
    const jkt = (await client.tokenIntrospection(config, tokens.access_token)).cnf?.jkt
    expect(jkt).toBeTruthy()
    expect((await client.tokenIntrospection(config, refreshToken)).cnf).toEqual({ jkt })
    const other = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'))
    await expect(
      client.refreshTokenGrant(config, refreshToken, undefined, { DPoP: other }),
    ).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    await expect(client.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    const next = await client.refreshTokenGrant(config, refreshToken, undefined, { DPoP: dpop })
    expect(next.token_type).toBe('dpop')
    expect(next.refresh_token).toBeTruthy()
    expect(await client.fetchUserInfo(config, next.access_token, sub, { DPoP: dpop })).toMatchObject({ sub })
    expect((await bearerUserinfo(next.access_token)).status).toBe(401)
    // The rotated refresh token keeps the binding.
    await expect(
      client.refreshTokenGrant(config, next.refresh_token ?? '', undefined, { DPoP: other }),
    ).rejects.toMatchObject({ error: 'invalid_grant' })
  })

  test('a plain authorization request, without PAR, is refused', async () => {
    const { config } = await givenFapiClient(t)
    const req = await authorizationRequest(config)
    const step = await testAgent().go(req.url.href)
    expect(step.callback?.searchParams.get('error')).toBe('invalid_request')
    expect(step.callback?.searchParams.get('error_description')).toContain('Pushed Authorization Request')
  })

  test('a code exchanged without a DPoP proof is refused at the token endpoint', async () => {
    const { config } = await givenFapiClient(t)
    const req = await pushedRequest(config)
    const end = await logIn(t, testAgent(), req.url, { username: AN })
    await expect(codeGrant(config, end.callback, req)).rejects.toMatchObject({ error: 'invalid_grant' })
  })

  test('a request_uri is good once, and for 60 seconds', async () => {
    const { config } = await givenFapiClient(t)
    const dpop = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'))
    const used = await pushedRequest(config, {}, dpop)
    await codeGrant(config, (await logIn(t, testAgent(), used.url, { username: AN })).callback, used, dpop)
    const again = await testAgent().go(used.url.href)
    expect(again.callback).toBeUndefined()
    expect(again.body).toContain('invalid_request_uri')

    const late = await pushedRequest(config, {}, dpop)
    t.clock.advance(61_000)
    const expired = await testAgent().go(late.url.href)
    expect(expired.callback).toBeUndefined()
    expect(expired.body).toContain('invalid_request_uri')
  })
})

describe('registering a fapi2 relying party', () => {
  const bank = { name: 'Ngân hàng', redirectUris: [CALLBACK], profile: 'fapi2' }
  const countClients = async () =>
    Number(
      (
        await t.db
          .selectFrom('oidc_client')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    )

  test('a fapi2 client with an ES256 key is registered with the fapi2 profile and no secret', async () => {
    const { creds } = await givenFapiClient(t)
    expect(creds).toMatchObject({ profile: 'fapi2', token_endpoint_auth_method: 'private_key_jwt' })
    expect(creds).not.toHaveProperty('client_secret')
  })

  test('a fapi2 client with a client secret, a non-FAPI key or an unknown profile is refused, and nothing is written', async () => {
    const before = await countClients()
    const p384 = { keys: [await exportJWK((await generateKeyPair('ES384')).publicKey)] }
    for (const input of [
      { ...bank, authMethod: 'client_secret_basic' },
      { ...bank, authMethod: 'client_secret_post' },
      { ...bank, authMethod: 'private_key_jwt', jwks: p384 },
      { ...bank, profile: 'gold' },
    ])
      await expect(addClient(t.deps, TEST, input)).rejects.toMatchObject({ code: 'oidc.PROFILE_INVALID' })
    expect(await countClients()).toBe(before)
  })

  test('the database itself refuses a fapi2 client that authenticates with a secret', async () => {
    const { creds } = await givenRelyingParty(t)
    await expect(
      t.db
        .updateTable('oidc_client')
        .set({ profile: 'fapi2' })
        .where('client_id', '=', creds.client_id)
        .execute(),
    ).rejects.toThrow()
  })
})

describe('the baseline profile beside it', () => {
  test('a baseline client still logs in without PAR or DPoP and gets Bearer tokens', async () => {
    const { creds, config } = await givenRelyingParty(t)
    expect(creds.profile).toBe('baseline')
    const req = await authorizationRequest(config)
    const tokens = await exchange(
      config,
      (await logIn(t, testAgent(), req.url, { username: AN })).callback,
      req,
    )
    expect(tokens.token_type).toBe('bearer')
    expect((await bearerUserinfo(tokens.access_token)).status).toBe(200)
  })

  test('a baseline client may use PAR and DPoP of its own accord, and its tokens are then DPoP-bound', async () => {
    const { config } = await givenRelyingParty(t)
    const dpop = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'))
    const req = await pushedRequest(config, {}, dpop)
    const tokens = await codeGrant(
      config,
      (await logIn(t, testAgent(), req.url, { username: AN })).callback,
      req,
      dpop,
    )
    expect(tokens.token_type).toBe('dpop')
    const sub = tokens.claims()?.sub ?? ''
    expect(await client.fetchUserInfo(config, tokens.access_token, sub, { DPoP: dpop })).toMatchObject({
      sub,
    })
    expect((await bearerUserinfo(tokens.access_token)).status).toBe(401)
  })

  test('discovery announces PAR and DPoP, and requires PAR of no one globally', async () => {
    const d = z
      .record(z.string(), z.unknown())
      .parse(await (await fetch(`${t.issuer}/.well-known/openid-configuration`)).json())
    expect(d).toMatchObject({
      pushed_authorization_request_endpoint: `${t.issuer}/oidc/par`,
      require_pushed_authorization_requests: false,
      dpop_signing_alg_values_supported: ['ES256', 'EdDSA', 'PS256'],
      authorization_response_iss_parameter_supported: true,
      code_challenge_methods_supported: ['S256'],
    })
    expect(d.token_endpoint_auth_methods_supported).toContain('private_key_jwt')
  })
})
