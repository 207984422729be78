import { createServer } from 'node:net'
import { exportJWK, generateKeyPair } from 'jose'
import * as client from 'openid-client'
import { afterAll, beforeAll, expect } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount, lastSmsCode } from '../accounts/accounts.test-support.js'
import { type TestBrowser, testBrowser } from '../accounts/session.test-support.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { addClient, type NewClient } from './clients.service.js'

export const PASSWORD = 'Hanoi@2026x'
/** Demo people (registry.demo.ts): An gets a level-2 account, Bình a level-1 account. */
export const AN = '079095001234'
export const BINH = '001190012345'
/** Redirect URIs on a host nobody listens on: the test reads the code from the Location header. */
export const CALLBACK = 'http://localhost:9/callback'

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => resolve(port))
    })
  })

export type OidcTest = TestContext & { issuer: string }

/**
 * The whole server on a real port (openid-client speaks HTTP), with the demo registry and two citizens:
 * An (level 2) and Bình (level 1), both with the password PASSWORD.
 */
export const startOidcTest = async (env: Record<string, string> = {}): Promise<OidcTest> => {
  const port = await freePort()
  const issuer = `http://127.0.0.1:${port}`
  const t = await startTestApp({ PUBLIC_URL: issuer, ...env })
  await t.app.listen({ host: '127.0.0.1', port })
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  await givenAccount(t.db, { subjectId: AN, level: 2, password: PASSWORD, phone: '+84912345678', at: NOW })
  await givenAccount(t.db, { subjectId: BINH, level: 1, password: PASSWORD, phone: '+84987654321', at: NOW })
  return { ...t, issuer }
}

/**
 * startOidcTest before the file's tests and its close after them. The object it returns is filled in
 * beforeAll, so the file's helpers and tests read `t.db`, `t.issuer` as ever; a file's own set-up follows
 * in a beforeAll of its own.
 */
export const useOidcTest = (env: Record<string, string> = {}): OidcTest => {
  const t = {} as OidcTest
  beforeAll(async () => {
    Object.assign(t, await startOidcTest(env))
  }, 120_000)
  // Nothing to close when the start itself failed (its error is the one to read).
  afterAll(() => t.close?.())
  return t
}

/** A relying party registered as the CLI does, and openid-client configured for it. */
export const givenRelyingParty = async (t: OidcTest, input: Partial<NewClient> = {}) => {
  const creds = await addClient(
    t.deps,
    { id: 'test', kind: 'system' },
    {
      name: 'Cổng Dịch vụ công thử nghiệm',
      redirectUris: [CALLBACK],
      purpose: 'Nộp hồ sơ trực tuyến',
      ...input,
    },
  )
  const secret = creds.client_secret ?? ''
  const config = await client.discovery(
    new URL(t.issuer),
    creds.client_id,
    secret,
    client.ClientSecretBasic(secret),
    {
      execute: [client.allowInsecureRequests],
    },
  )
  return { creds, config }
}

/**
 * A financial relying party (a bank) registered with the fapi2 profile and an ES256 key, and openid-client
 * configured to authenticate with private_key_jwt.
 */
export const givenFapiClient = async (t: OidcTest, input: Partial<NewClient> = {}) => {
  const { publicKey, privateKey } = await generateKeyPair('ES256')
  const creds = await addClient(
    t.deps,
    { id: 'test', kind: 'system' },
    {
      name: 'Ngân hàng Thử nghiệm',
      redirectUris: [CALLBACK],
      purpose: 'Mở tài khoản thanh toán trực tuyến (eKYC)',
      profile: 'fapi2',
      authMethod: 'private_key_jwt',
      jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'bank-1', use: 'sig', alg: 'ES256' }] },
      ...input,
    },
  )
  const config = await client.discovery(
    new URL(t.issuer),
    creds.client_id,
    undefined,
    client.PrivateKeyJwt({ key: privateKey, kid: 'bank-1' }),
    { execute: [client.allowInsecureRequests] },
  )
  return { creds, config }
}

/** The authorization request a relying party sends, with PKCE S256, state and nonce. */
export const authorizationRequest = async (
  config: client.Configuration,
  params: Record<string, string> = {},
) => {
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...params,
  })
  return { url, verifier, state, nonce }
}

type Step = { status: number; url: string; body: string; callback?: URL }

/** A browser: keeps cookies, follows redirects by hand and stops at the relying party's callback. */
export const testAgent = () => {
  const jar = new Map<string, string>()
  const request = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    const res = await fetch(url, { ...init, headers, redirect: 'manual' })
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1).trim()
      const expired = attrs.some((a) => {
        const [k = '', v = ''] = a.trim().split('=')
        return (
          (k.toLowerCase() === 'max-age' && Number(v) <= 0) ||
          (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
        )
      })
      if (!value || expired) jar.delete(name)
      else jar.set(name, value)
    }
    return res
  }
  const go = async (url: string, init?: RequestInit): Promise<Step> => {
    let at = url
    let res = await request(at, init)
    while (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location') ?? '', at)
      if (next.href.startsWith(CALLBACK)) return { status: res.status, url: at, body: '', callback: next }
      at = next.href
      res = await request(at)
    }
    return { status: res.status, url: at, body: await res.text() }
  }
  const submit = (page: Step, step: string, fields: Record<string, string>) => {
    const action = new RegExp(`action="([^"]*/${step})"`).exec(page.body)?.[1]
    expect(action, `no ${step} form on ${page.url}: ${page.body.slice(0, 300)}`).toBeTruthy()
    const hidden = Object.fromEntries(
      [...page.body.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
    )
    return go(new URL(action ?? '', page.url).href, {
      method: 'POST',
      body: new URLSearchParams({ ...hidden, ...fields }),
    })
  }
  return { jar, request, go, submit }
}
export type TestAgent = ReturnType<typeof testAgent>

/**
 * A citizen's way through the login pages: the password, the SMS code on a new device, then consent
 * (or refusal); returns the last step (the callback, or the page where it stopped).
 */
export const logIn = async (
  t: OidcTest,
  agent: TestAgent,
  url: URL,
  who: { username: string; password?: string; consent?: 'allow' | 'deny' },
): Promise<Step> => {
  let step = await agent.go(url.href)
  for (let i = 0; i < 5 && !step.callback; i++) {
    if (step.body.includes('/login"')) {
      // The clock is frozen: a second of its own makes the SMS code sent now the newest one.
      t.clock.advance(1000)
      step = await agent.submit(step, 'login', { username: who.username, password: who.password ?? PASSWORD })
    } else if (step.body.includes('/verify"'))
      step = await agent.submit(step, 'verify', { code: await lastSmsCode(t.db, 'otp.login_new_device') })
    else if (step.body.includes('/confirm"'))
      step = await agent.submit(step, who.consent === 'deny' ? 'abort' : 'confirm', {})
    else break
  }
  return step
}

/** The callback's code exchanged by openid-client, checking state, nonce and PKCE. */
export const exchange = (
  config: client.Configuration,
  callback: URL | undefined,
  req: { verifier: string; state: string; nonce: string },
) => {
  expect(callback, 'the flow did not come back to the relying party').toBeDefined()
  return client.authorizationCodeGrant(config, callback ?? new URL(CALLBACK), {
    pkceCodeVerifier: req.verifier,
    expectedState: req.state,
    expectedNonce: req.nonce,
  })
}

type Caller = Pick<TestBrowser, 'call'>
type AppLoginTest = Pick<OidcTest, 'app' | 'clock' | 'db'>

/**
 * The citizen app logged in through the API as the holder does: the password, then the SMS code when the
 * device is new (`phone` picks the code when several citizens log in at once); in a new test browser or
 * the one given.
 */
export async function citizenAppLogin(
  t: AppLoginTest,
  username: string,
  opts?: { phone?: string },
): Promise<TestBrowser>
export async function citizenAppLogin<B extends Caller>(
  t: AppLoginTest,
  username: string,
  opts: { phone?: string; browser: B },
): Promise<B>
export async function citizenAppLogin(
  t: AppLoginTest,
  username: string,
  opts: { phone?: string; browser?: Caller } = {},
): Promise<Caller> {
  const b = opts.browser ?? testBrowser(t.app)
  t.clock.advance(1000)
  const first = await b.call('POST', '/api/v1/auth/login', { username, password: PASSWORD })
  if (first.statusCode === 202) {
    const done = await b.call('POST', '/api/v1/auth/login/verify', {
      challengeId: first.json().challengeId,
      code: await lastSmsCode(t.db, 'otp.login_new_device', opts.phone),
    })
    expect(done.statusCode, done.body).toBe(200)
  }
  const me = await b.call('GET', '/api/v1/me')
  expect(me.statusCode, `${first.statusCode} ${first.body}`).toBe(200)
  return b
}
