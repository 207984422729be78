import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadConfig } from '../../platform/config.js'
import type { Caller } from '../accounts/dependents.test-support.js'
import type { OfficerSession } from '../officers/officers.test-support.js'
import { clientAdapter } from './clients.adapter.js'
import {
  AN,
  authorizationRequest,
  BINH,
  CALLBACK,
  givenRelyingParty,
  logIn,
  type OidcTest,
  startOidcTest,
  testAgent,
} from './oidc.test-support.js'
import { anApplication, approved, DEV, givenOnboarding, ok } from './onboarding.test-support.js'
import { TRY_LOGIN_PATH } from './try-login.js'

let t: OidcTest
let applicant: Caller
let first: OfficerSession
let second: OfficerSession
let tryUri: string
beforeAll(async () => {
  t = await startOidcTest({ OIDC_SANDBOX: 'true' })
  ;({ applicant, first, second } = await givenOnboarding(t, AN))
  tryUri = `${t.issuer}${TRY_LOGIN_PATH}`
}, 120_000)
afterAll(async () => {
  await t?.close()
})

const sandboxClient = async (redirectUris = [CALLBACK]) =>
  applicant('POST', `${DEV}/sandbox-clients`, {
    name: 'Ứng dụng thử của tôi',
    scopes: ['openid', 'profile'],
    minLevel: 1,
    redirectUris,
  })

/** openid-client configured with a client's id and secret. */
const configFor = (clientId: string, secret: string) =>
  client.discovery(new URL(t.issuer), clientId, secret, client.ClientSecretBasic(secret), {
    execute: [client.allowInsecureRequests],
  })

/** The provider's answer to an authorization request sending the citizen to the try-a-login page. */
const authorizeToTryPage = async (config: client.Configuration) => {
  const req = await authorizationRequest(config, { redirect_uri: tryUri })
  return fetch(req.url, { redirect: 'manual' })
}

/** The token request the console's page sends from the browser (its Origin), with HTTP Basic. */
const tokenRequest = (origin: string, clientId: string, secret: string, body: Record<string, string>) =>
  fetch(`${t.issuer}/oidc/token`, {
    method: 'POST',
    headers: {
      origin,
      authorization: `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`)}`,
    },
    body: new URLSearchParams(body),
  })

describe('the try-a-login redirect URI', () => {
  test('the console is told the URI in a sandbox', async () => {
    expect(ok(await applicant('GET', `${DEV}/config`, undefined, { csrf: false }))).toMatchObject({
      sandbox: true,
      tryLoginRedirectUri: tryUri,
    })
  })

  test('a sandbox client sends a citizen back to it, and the page exchanges the code from the platform origin', async () => {
    const { credentials } = ok(await sandboxClient(), 201)
    const config = await configFor(credentials.client_id, credentials.client_secret)
    const req = await authorizationRequest(config, { redirect_uri: tryUri })
    const agent = testAgent()
    // The agent follows the redirect to the web app's page: its URL carries the code.
    const step = await logIn(t, agent, req.url, { username: BINH })
    const back = new URL(step.url)
    expect(`${back.origin}${back.pathname}`).toBe(tryUri)
    expect(back.searchParams.get('state')).toBe(req.state)
    const code = back.searchParams.get('code') ?? ''
    expect(code).not.toBe('')

    // Another origin is refused before the code is looked at (oidc-provider's default CORS rule, kept).
    const foreign = await tokenRequest(
      'https://attacker.example',
      credentials.client_id,
      credentials.client_secret,
      {
        grant_type: 'authorization_code',
        code: 'not-a-code',
        redirect_uri: tryUri,
        code_verifier: req.verifier,
      },
    )
    expect(foreign.status).toBe(400)
    expect(await foreign.json()).toMatchObject({ error: 'invalid_request' })

    const res = await tokenRequest(t.issuer, credentials.client_id, credentials.client_secret, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: tryUri,
      code_verifier: req.verifier,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(t.issuer)
    const tokens = (await res.json()) as { id_token: string; access_token: string }
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 600 })
    const claims = JSON.parse(Buffer.from(tokens.id_token.split('.')[1] ?? '', 'base64url').toString())
    expect(claims).toMatchObject({ aud: credentials.client_id, nonce: req.nonce, acr: 'urn:dinhdanh:loa:1' })

    const userinfo = await fetch(`${t.issuer}/oidc/userinfo`, {
      headers: { origin: t.issuer, authorization: `Bearer ${tokens.access_token}` },
    })
    expect(userinfo.status).toBe(200)
    expect(await userinfo.json()).toMatchObject({ name: 'Trần Thị Bình', sub: claims.sub })
  })

  test('a production client never gets it: the provider refuses it with an error page, not a redirect', async () => {
    const id = await approved(t, applicant, first, second)
    const { clientId } = ok(await applicant('GET', `${DEV}/applications/${id}`, undefined, { csrf: false }))
    const config = await configFor(clientId, 'the secret is not needed to be refused')
    const res = await authorizeToTryPage(config)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('invalid_redirect_uri')
  })

  test('an applicant cannot list it, for a production client or a sandbox one: nothing is stored', async () => {
    const before = ok(await applicant('GET', `${DEV}/applications`, undefined, { csrf: false })).items.length
    const production = await applicant(
      'POST',
      `${DEV}/applications`,
      anApplication({ redirectUris: [tryUri] }),
    )
    expect(production.statusCode).toBe(400)
    expect(production.json()).toMatchObject({ code: 'oidc.REDIRECT_URI_INVALID' })
    const sandbox = await sandboxClient([CALLBACK, tryUri])
    expect(sandbox.statusCode).toBe(400)
    expect(sandbox.json()).toMatchObject({ code: 'oidc.REDIRECT_URI_INVALID' })
    expect(ok(await applicant('GET', `${DEV}/applications`, undefined, { csrf: false })).items).toHaveLength(
      before,
    )
  })

  test('a client stored with it by the command line does not get it either', async () => {
    const { config } = await givenRelyingParty(t, { redirectUris: [CALLBACK, tryUri] })
    const res = await authorizeToTryPage(config)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('invalid_redirect_uri')
  })

  test('a client with redirect URIs on two hosts gets to the login page (its subjects come from its sector)', async () => {
    const { config } = await givenRelyingParty(t, { redirectUris: [CALLBACK, 'https://portal.example/cb'] })
    const res = await fetch((await authorizationRequest(config)).url, { redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/^\/oidc\/interaction\//)
  })

  test('once the deployment is no sandbox, its sandbox clients lose it', async () => {
    const { credentials } = ok(await sandboxClient(), 201)
    const redirectUris = async (OIDC_SANDBOX: string) => {
      const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: t.issuer, OIDC_SANDBOX })
      return (await clientAdapter({ ...t.deps, config }).find(credentials.client_id))?.redirect_uris
    }
    expect(await redirectUris('true')).toEqual([CALLBACK, tryUri])
    expect(await redirectUris('false')).toEqual([CALLBACK])
  })
})
