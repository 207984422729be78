import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose'
import * as client from 'openid-client'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
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

const Jwks = z.object({ keys: z.array(z.object({ kty: z.string(), kid: z.string() }).catchall(z.unknown())) })
const jwks = async (path: string): Promise<JSONWebKeySet> =>
  Jwks.parse(await (await fetch(`${t.issuer}${path}`)).json())

describe('signing keys', () => {
  test('ID tokens are ES256, signed with the platform key store’s active key, published in both JWKS', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config)
    const tokens = await exchange(
      config,
      (await logIn(t, testAgent(), req.url, { username: AN })).callback,
      req,
    )
    const header = decodeProtectedHeader(tokens.id_token ?? '')
    const { kid } = await t.deps.keys.getSigner()
    expect(header).toMatchObject({ alg: 'ES256', kid })
    expect((await jwks('/oidc/jwks')).keys.map((k) => k.kid)).toEqual([kid])
    expect((await jwks('/.well-known/jwks.json')).keys.map((k) => k.kid)).toEqual([kid])
    const oidcKey = (await jwks('/oidc/jwks')).keys[0]
    expect(oidcKey).not.toHaveProperty('d')
  })

  test('a rotation does not break what was issued: old ID tokens still verify, old tokens still work', async () => {
    const { config } = await givenRelyingParty(t)
    const agent = testAgent()
    const before = await authorizationRequest(config, {
      scope: 'openid profile offline_access',
      prompt: 'consent',
    })
    const old = await exchange(config, (await logIn(t, agent, before.url, { username: AN })).callback, before)
    const oldKid = decodeProtectedHeader(old.id_token ?? '').kid

    const { kid: newKid, retired } = await t.deps.keys.rotateKeys()
    expect(retired).toBe(oldKid)
    // Every instance re-reads the key store within a minute.
    t.clock.advance(61_000)

    const after = await authorizationRequest(config)
    const fresh = await exchange(config, (await agent.go(after.url.href)).callback, after)
    expect(decodeProtectedHeader(fresh.id_token ?? '').kid).toBe(newKid)

    const published = await jwks('/oidc/jwks')
    expect(published.keys.map((k) => k.kid)).toEqual([newKid, oldKid])
    const verify = createLocalJWKSet(published)
    for (const idToken of [old.id_token ?? '', fresh.id_token ?? ''])
      await expect(
        jwtVerify(idToken, verify, { issuer: t.issuer, algorithms: ['ES256'] }),
      ).resolves.toBeTruthy()

    const info = await client.fetchUserInfo(config, old.access_token, old.claims()?.sub ?? '')
    expect(info.name).toBe('Nguyễn Văn An')
    const refreshed = await client.refreshTokenGrant(config, old.refresh_token ?? '')
    expect(decodeProtectedHeader(refreshed.id_token ?? '').kid).toBe(newKid)
  })
})
