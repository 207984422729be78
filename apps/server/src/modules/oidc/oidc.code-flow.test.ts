import { exportJWK, generateKeyPair } from 'jose'
import * as client from 'openid-client'
import { describe, expect, test } from 'vitest'
import { lastSmsCode } from '../accounts/accounts.test-support.js'
import { addClient } from './clients.service.js'
import { ACR } from './oidc.levels.js'
import {
  AN,
  authorizationRequest,
  CALLBACK,
  exchange,
  givenRelyingParty,
  logIn,
  PASSWORD,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

const t = useOidcTest()

describe('authorization code with PKCE', () => {
  test('a citizen logs in on a new device with the SMS code, consents, and the relying party gets acr, amr and the profile', async () => {
    const { config } = await givenRelyingParty(t)
    const agent = testAgent()
    const req = await authorizationRequest(config)
    const end = await logIn(t, agent, req.url, { username: AN })
    const tokens = await exchange(config, end.callback, req)
    const idToken = tokens.claims()
    expect(idToken).toMatchObject({ iss: t.issuer, acr: ACR[2], amr: ['pwd', 'otp', 'mfa'] })
    expect(idToken?.sub).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(idToken?.sub).not.toBe(AN)
    const info = await client.fetchUserInfo(config, tokens.access_token, idToken?.sub ?? '')
    expect(info).toEqual({
      sub: idToken?.sub,
      name: 'Nguyễn Văn An',
      birthdate: '1995-03-15',
      gender: 'male',
    })
  })

  test('the same browser comes back without a password or a consent page: the session and the consent are remembered', async () => {
    const { config } = await givenRelyingParty(t)
    const agent = testAgent()
    const first = await authorizationRequest(config)
    await exchange(config, (await logIn(t, agent, first.url, { username: AN })).callback, first)
    const again = await authorizationRequest(config)
    const step = await agent.go(again.url.href)
    expect(step.callback, step.body.slice(0, 200)).toBeDefined()
    const tokens = await exchange(config, step.callback, again)
    expect(tokens.claims()).toMatchObject({ acr: ACR[2] })
  })

  test('the login and consent pages show the relying party, its purpose and each claim asked, in Vietnamese first', async () => {
    const { config } = await givenRelyingParty(t, {
      name: 'Ngân hàng Thử',
      purpose: 'Mở tài khoản thanh toán',
    })
    const agent = testAgent()
    const req = await authorizationRequest(config, { scope: 'openid profile' })
    const login = await agent.go(req.url.href)
    expect(login.body).toContain('Ngân hàng Thử đề nghị bạn đăng nhập')
    expect(login.body).toContain('autocomplete="username"')
    expect(login.body).toContain('autocomplete="current-password"')
    t.clock.advance(1000)
    let step = await agent.submit(login, 'login', { username: AN, password: PASSWORD })
    if (step.body.includes('/verify"')) {
      expect(step.body).toContain('autocomplete="one-time-code"')
      step = await agent.submit(step, 'verify', { code: await lastSmsCode(t.db, 'otp.login_new_device') })
    }
    expect(step.body).toContain('Ngân hàng Thử đề nghị truy cập thông tin của bạn')
    expect(step.body).toContain('Mở tài khoản thanh toán')
    for (const claim of ['Họ và tên', 'Ngày sinh', 'Giới tính']) expect(step.body).toContain(claim)
    expect(step.body).not.toContain('Số định danh cá nhân</li>')
    const english = await agent.go(`${step.url}?lang=en`)
    expect(english.body).toContain('Ngân hàng Thử asks to access your information')
    expect(english.body).toContain('<html lang="en">')
  })

  test('refusing consent sends access_denied back to the relying party', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config)
    const end = await logIn(t, testAgent(), req.url, { username: AN, consent: 'deny' })
    expect(end.callback?.searchParams.get('error')).toBe('access_denied')
    expect(end.callback?.searchParams.get('state')).toBe(req.state)
  })
})

describe('pairwise subjects', () => {
  test('two relying parties get different subjects for one citizen; one relying party always gets the same', async () => {
    const a = await givenRelyingParty(t)
    const b = await givenRelyingParty(t)
    const agent = testAgent()
    const subOf = async (rp: typeof a) => {
      const req = await authorizationRequest(rp.config)
      return (
        await exchange(rp.config, (await logIn(t, agent, req.url, { username: AN })).callback, req)
      ).claims()?.sub
    }
    const [a1, b1, a2] = [await subOf(a), await subOf(b), await subOf(a)]
    expect(a1).toBeTruthy()
    expect(b1).not.toBe(a1)
    expect(a2).toBe(a1)
  })

  test('relying parties registered in one sector share the subject', async () => {
    const a = await givenRelyingParty(t, { sector: 'bo-tai-chinh' })
    const b = await givenRelyingParty(t, { sector: 'bo-tai-chinh' })
    const agent = testAgent()
    const subs = []
    for (const rp of [a, b]) {
      const req = await authorizationRequest(rp.config)
      subs.push(
        (await exchange(rp.config, (await logIn(t, agent, req.url, { username: AN })).callback, req)).claims()
          ?.sub,
      )
    }
    expect(subs[0]).toBeTruthy()
    expect(subs[1]).toBe(subs[0])
  })
})

describe('the personal ID number (vn_id)', () => {
  test('is released to a relying party whose agreement allows it', async () => {
    const { config } = await givenRelyingParty(t, { scopes: ['openid', 'profile', 'vn_id'] })
    const req = await authorizationRequest(config, { scope: 'openid vn_id' })
    const tokens = await exchange(
      config,
      (await logIn(t, testAgent(), req.url, { username: AN })).callback,
      req,
    )
    const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims()?.sub ?? '')
    expect(info.vn_id).toBe(AN)
  })

  test('is refused with invalid_scope to a relying party whose agreement does not allow it', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config, { scope: 'openid vn_id' })
    const step = await testAgent().go(req.url.href)
    expect(step.callback?.searchParams.get('error')).toBe('invalid_scope')
  })
})

describe('client authentication', () => {
  test('a private_key_jwt relying party authenticates with an assertion signed by its registered key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256')
    const creds = await addClient(
      t.deps,
      { id: 'test', kind: 'system' },
      {
        name: 'Ngân hàng khóa riêng',
        redirectUris: [CALLBACK],
        authMethod: 'private_key_jwt',
        jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'bank-1', use: 'sig', alg: 'ES256' }] },
      },
    )
    const config = await client.discovery(
      new URL(t.issuer),
      creds.client_id,
      undefined,
      client.PrivateKeyJwt({ key: privateKey, kid: 'bank-1' }),
      { execute: [client.allowInsecureRequests] },
    )
    const req = await authorizationRequest(config)
    const tokens = await exchange(
      config,
      (await logIn(t, testAgent(), req.url, { username: AN })).callback,
      req,
    )
    expect(tokens.claims()?.acr).toBe(ACR[2])

    const stranger = await generateKeyPair('ES256')
    const forged = await client.discovery(
      new URL(t.issuer),
      creds.client_id,
      undefined,
      client.PrivateKeyJwt({ key: stranger.privateKey, kid: 'bank-1' }),
      { execute: [client.allowInsecureRequests] },
    )
    const again = await authorizationRequest(forged)
    const step = await testAgent().go(again.url.href)
    const end = step.callback ? step : await logIn(t, testAgent(), again.url, { username: AN })
    await expect(exchange(forged, end.callback, again)).rejects.toMatchObject({ error: 'invalid_client' })
  })

  test('a wrong client secret is refused at the token endpoint', async () => {
    const { creds } = await givenRelyingParty(t)
    const wrong = await client.discovery(
      new URL(t.issuer),
      creds.client_id,
      undefined,
      client.ClientSecretBasic('not-the-secret'),
      { execute: [client.allowInsecureRequests] },
    )
    const req = await authorizationRequest(wrong)
    const end = await logIn(t, testAgent(), req.url, { username: AN })
    // Basic authentication failures answer 401 with a WWW-Authenticate challenge naming the error.
    await expect(exchange(wrong, end.callback, req)).rejects.toMatchObject({
      status: 401,
      cause: [expect.objectContaining({ parameters: expect.objectContaining({ error: 'invalid_client' }) })],
    })
  })
})
