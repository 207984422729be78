import * as client from 'openid-client'
import { describe, expect, test } from 'vitest'
import {
  AN,
  authorizationRequest,
  exchange,
  givenRelyingParty,
  logIn,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

const t = useOidcTest()

/** A relying party and a fresh set of tokens with a refresh token (offline_access needs prompt=consent). */
const givenTokens = async () => {
  const rp = await givenRelyingParty(t)
  const req = await authorizationRequest(rp.config, {
    scope: 'openid profile offline_access',
    prompt: 'consent',
  })
  const tokens = await exchange(
    rp.config,
    (await logIn(t, testAgent(), req.url, { username: AN })).callback,
    req,
  )
  expect(tokens.refresh_token).toBeTruthy()
  return { ...rp, tokens, refreshToken: tokens.refresh_token ?? '' }
}

describe('refresh-token rotation', () => {
  test('each use returns a new refresh token, and the used one is refused afterwards', async () => {
    const { config, refreshToken } = await givenTokens()
    const next = await client.refreshTokenGrant(config, refreshToken)
    expect(next.refresh_token).toBeTruthy()
    expect(next.refresh_token).not.toBe(refreshToken)
    expect(next.claims()?.acr).toBeTruthy()
    await expect(client.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
  })

  test('replaying a used refresh token revokes the whole grant: its successor stops working too', async () => {
    const { config, refreshToken } = await givenTokens()
    const next = await client.refreshTokenGrant(config, refreshToken)
    await expect(client.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    await expect(client.refreshTokenGrant(config, next.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    expect((await client.tokenIntrospection(config, next.access_token)).active).toBe(false)
  })

  test('two concurrent refreshes with one token: exactly one succeeds', async () => {
    const { config, refreshToken } = await givenTokens()
    const results = await Promise.allSettled([
      client.refreshTokenGrant(config, refreshToken),
      client.refreshTokenGrant(config, refreshToken),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  })

  test('a refresh token is refused to another relying party', async () => {
    const { refreshToken } = await givenTokens()
    const other = await givenRelyingParty(t)
    await expect(client.refreshTokenGrant(other.config, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
  })
})

describe('introspection and revocation', () => {
  test('a relying party introspects its own tokens: active, with the pairwise subject and the scope', async () => {
    const { config, creds, tokens, refreshToken } = await givenTokens()
    const at = await client.tokenIntrospection(config, tokens.access_token)
    expect(at).toMatchObject({
      active: true,
      client_id: creds.client_id,
      sub: tokens.claims()?.sub,
      scope: 'openid profile offline_access',
      token_type: 'Bearer',
    })
    expect((await client.tokenIntrospection(config, refreshToken)).active).toBe(true)
  })

  test("another relying party learns nothing from introspecting someone else's token", async () => {
    const { tokens } = await givenTokens()
    const other = await givenRelyingParty(t)
    expect(await client.tokenIntrospection(other.config, tokens.access_token)).toEqual({ active: false })
  })

  test('a revoked access token is inactive and no longer opens userinfo', async () => {
    const { config, tokens } = await givenTokens()
    await client.tokenRevocation(config, tokens.access_token)
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false)
    const res = await fetch(`${t.issuer}/oidc/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect(res.status).toBe(401)
  })

  test('revoking the refresh token ends the grant: its access token dies with it', async () => {
    const { config, tokens, refreshToken } = await givenTokens()
    await client.tokenRevocation(config, refreshToken)
    await expect(client.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false)
  })
})
