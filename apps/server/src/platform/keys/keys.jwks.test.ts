import { createLocalJWKSet, type JSONWebKeySet, jwtVerify, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

const sign = async (sub: string) => {
  const { key, kid, alg } = await t.deps.keys.getSigner()
  return new SignJWT({ sub })
    .setProtectedHeader({ alg, kid })
    .setIssuer(t.deps.config.publicUrl)
    .setIssuedAt(Math.floor(t.clock.now().getTime() / 1000))
    .sign(key)
}
const publishedJwks = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
  expect(res.statusCode).toBe(200)
  return res.json() as JSONWebKeySet
}
const verifies = async (jwt: string) => {
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(await publishedJwks()), {
    issuer: t.deps.config.publicUrl,
  })
  return payload.sub
}

describe('signing keys and the published JWKS', () => {
  test('a token signed with the active key verifies against the published JWKS', async () => {
    expect(await verifies(await sign('001090000001'))).toBe('001090000001')
  })

  test('the JWKS holds only public ES256 keys and is cached briefly', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
    expect(res.headers['cache-control']).toBe('public, max-age=60')
    for (const jwk of res.json().keys) {
      expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' })
      expect(jwk).not.toHaveProperty('d')
    }
  })

  test('after rotation, tokens signed before and after both verify', async () => {
    const before = await sign('old')
    const { kid, retired } = await t.deps.keys.rotateKeys()
    expect(retired).not.toBe(kid)
    const after = await sign('new')
    expect((await t.deps.keys.getSigner()).kid).toBe(kid)
    expect(await verifies(before)).toBe('old')
    expect(await verifies(after)).toBe('new')
    expect((await publishedJwks()).keys.map((k) => k.kid)).toEqual([kid, retired])
  })

  test('a retired key leaves the JWKS once its retention period is over', async () => {
    const old = await sign('old')
    await t.deps.keys.rotateKeys()
    t.clock.advance(91 * 86_400_000)
    await expect(verifies(old)).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' })
    expect((await publishedJwks()).keys).toHaveLength(1)
  })
})
