import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ConfigError, loadConfig } from '../../platform/config.js'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { issuerOf } from './oidc.provider.js'

describe('the issuer', () => {
  test('is the public URL’s origin unless OIDC_ISSUER names another origin', () => {
    expect(issuerOf(loadConfig({ PUBLIC_URL: 'https://dinhdanh.example.vn/' }))).toBe(
      'https://dinhdanh.example.vn',
    )
    expect(issuerOf(loadConfig({ PORT: '8080' }))).toBe('http://localhost:8080')
    const override = loadConfig({
      PUBLIC_URL: 'https://dinhdanh.example.vn',
      OIDC_ISSUER: 'https://id.example.vn/',
    })
    expect(issuerOf(override)).toBe('https://id.example.vn')
  })

  test.each(['https://id.example.vn/oidc', 'https://id.example.vn/?x=1', 'not a url'])(
    'OIDC_ISSUER %s is refused at startup: discovery lives at the root of the issuer',
    (value) => {
      expect(() => loadConfig({ OIDC_ISSUER: value })).toThrow(ConfigError)
    },
  )
})

describe('an issuer behind another host name', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await startTestApp({ OIDC_ISSUER: 'https://id.example.vn' })
  }, 120_000)
  afterAll(() => t.close())

  test('discovery names the configured issuer and endpoints on the host the request came to', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/.well-known/openid-configuration',
      headers: { host: 'id.example.vn', 'x-forwarded-proto': 'https' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      issuer: 'https://id.example.vn',
      authorization_endpoint: 'https://id.example.vn/oidc/auth',
    })
  })
})
