import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { SoftAuthenticator } from '../accounts/passkey.test-support.js'
import { PASSKEY_SCRIPT_PATH } from './interaction.passkey-offer.js'
import { givenPasskey, startPasskeyOidcTest } from './oidc.passkey.test-support.js'
import {
  AN,
  authorizationRequest,
  BINH,
  exchange,
  givenRelyingParty,
  logIn,
  type OidcTest,
  type TestAgent,
  testAgent,
} from './oidc.test-support.js'

let t: OidcTest
const anPhone = new SoftAuthenticator()
const binhPhone = new SoftAuthenticator()

beforeAll(async () => {
  t = await startPasskeyOidcTest()
  await givenPasskey(t, AN, anPhone)
  await givenPasskey(t, BINH, binhPhone)
}, 120_000)
afterAll(() => t?.close())
// Each test in a fresh rate-limit window: the address's login budget is the password path's too.
beforeEach(() => {
  t.clock.advance(11 * 60_000)
})

// The login page's words for accounts.PASSKEY_CHALLENGE_INVALID (spent, expired or another interaction's).
const CHALLENGE_GONE = 'Yêu cầu dùng khóa truy cập đã hết hạn hoặc đã được dùng.'

type Page = Awaited<ReturnType<TestAgent['go']>>
type Signed = { challengeId: string; response: AuthenticationResponseJSON }

/** The login page of a new authorization request, in a new browser. */
const loginPageOf = async (params: Record<string, string> = {}, minLevel?: number) => {
  const { config } = await givenRelyingParty(t, minLevel ? { minLevel } : {})
  const req = await authorizationRequest(config, params)
  const agent = testAgent()
  const page = await agent.go(req.url.href)
  expect(page.body).toContain('/passkey/login"')
  return { config, req, agent, page }
}

/** What the page's script fetches first: a challenge for this interaction, and the options around it. */
const optionsOf = async (agent: TestAgent, page: Page) => {
  const res = await agent.request(new URL('passkey/options', `${page.url}/`).href, { method: 'POST' })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as { challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }
}

/** Then the authenticator's assertion over that challenge. */
const sign = async (agent: TestAgent, page: Page, device: SoftAuthenticator): Promise<Signed> => {
  const { challengeId, options } = await optionsOf(agent, page)
  return { challengeId, response: device.get(options, t.issuer) }
}

/** The page's form post of a signed assertion. */
const post = (agent: TestAgent, page: Page, signed: Signed) =>
  agent.submit(page, 'passkey/login', {
    challengeId: signed.challengeId,
    response: JSON.stringify(signed.response),
  })

/** After the passkey: consent, then back to the relying party (the same steps as after a password). */
const finish = async (agent: TestAgent, step: Page) =>
  step.callback ? step : agent.submit(step, 'confirm', {})

const otpCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('platform_outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('template', '=', 'otp.login_new_device')
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('passkey login on the provider’s login page', () => {
  test('the page offers it with one script of ours under its security policy, no inline script', async () => {
    const { agent, page } = await loginPageOf()
    expect(page.body).toContain('Đăng nhập bằng khóa truy cập')
    // Hidden until the script finds WebAuthn: without a script the password form is the way in.
    expect(page.body).toMatch(/<section id="passkey-login" hidden/)
    expect([...page.body.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([
      `<script src="${PASSKEY_SCRIPT_PATH}" defer>`,
    ])
    const res = await agent.request(page.url)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('unsafe')
    const script = await fetch(`${t.issuer}${PASSKEY_SCRIPT_PATH}`)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await script.text()).toContain('navigator.credentials.get')
  })

  test('a passkey logs in with no ID number, password or SMS code; the ID token says loa:2 and hwk+mfa', async () => {
    const { config, req, agent, page } = await loginPageOf()
    const codesBefore = await otpCount()
    const step = await finish(agent, await post(agent, page, await sign(agent, page, anPhone)))
    const tokens = await exchange(config, step.callback, req)
    expect(tokens.claims()).toMatchObject({ acr: 'urn:dinhdanh:loa:2', amr: ['hwk', 'mfa'] })
    // A new browser, yet no one-time code: the passkey is two factors (as in the citizen app).
    expect(await otpCount()).toBe(codesBefore)
    // The login is an accounts session of its own, as the password's is (the provider's logout ends it).
    const session = await t.db
      .selectFrom('accounts_session as s')
      .innerJoin('accounts_account as a', 'a.id', 's.account_id')
      .select(['s.methods', 's.user_agent'])
      .where('a.subject_id', '=', AN)
      .where('s.revoked_at', 'is', null)
      .executeTakeFirstOrThrow()
    expect(session.methods).toEqual(['hwk', 'mfa'])
  })

  test('a level-1 account’s passkey logs in at loa:1, and a level-2 service refuses it as it refuses its password', async () => {
    const low = await loginPageOf()
    const step = await finish(
      low.agent,
      await post(low.agent, low.page, await sign(low.agent, low.page, binhPhone)),
    )
    expect((await exchange(low.config, step.callback, low.req)).claims()?.acr).toBe('urn:dinhdanh:loa:1')

    const byPasskey = await loginPageOf({}, 2)
    const refused = await post(
      byPasskey.agent,
      byPasskey.page,
      await sign(byPasskey.agent, byPasskey.page, binhPhone),
    )
    const byPassword = await loginPageOf({}, 2)
    const alsoRefused = await logIn(t, byPassword.agent, byPassword.req.url, { username: BINH })
    const answer = (s: Page) => [
      s.callback?.searchParams.get('error'),
      s.callback?.searchParams.get('error_description'),
      s.callback?.searchParams.get('code'),
    ]
    expect(answer(refused)).toEqual(answer(alsoRefused))
    expect(answer(refused)[0]).toBe('access_denied')
    expect(answer(refused)[1]).toMatch(/level 2/)
  })

  test('a replayed assertion is refused, with its own challenge and with a fresh one', async () => {
    const first = await loginPageOf()
    const signed = await sign(first.agent, first.page, anPhone)
    const used = await finish(first.agent, await post(first.agent, first.page, signed))
    expect(used.callback?.searchParams.get('code')).toBeTruthy()

    // The same post again, from another browser's interaction: the challenge is spent (and not its own).
    const thief = await loginPageOf()
    const again = await post(thief.agent, thief.page, signed)
    expect([again.status, again.callback]).toEqual([400, undefined])
    expect(again.body).toContain(CHALLENGE_GONE)
    // The same assertion under a fresh challenge of this interaction: the signature covers the old one.
    const { challengeId } = await optionsOf(thief.agent, thief.page)
    const swapped = await post(thief.agent, thief.page, { challengeId, response: signed.response })
    expect([swapped.status, swapped.callback]).toEqual([401, undefined])
    expect(swapped.body).toContain('Không xác minh được khóa truy cập này.')
  })

  test('a challenge made for another interaction is refused there, and still serves its own', async () => {
    const mine = await loginPageOf()
    const other = await loginPageOf()
    const signed = await sign(mine.agent, mine.page, anPhone)
    const elsewhere = await post(other.agent, other.page, signed)
    expect([elsewhere.status, elsewhere.callback]).toEqual([400, undefined])
    expect(elsewhere.body).toContain(CHALLENGE_GONE)
    // Nor can the citizen app's passkey login spend a challenge of the provider's login page.
    const app = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/passkey/login',
      payload: signed,
    })
    expect([app.statusCode, app.json().code]).toEqual([400, 'accounts.PASSKEY_CHALLENGE_INVALID'])
    const step = await finish(mine.agent, await post(mine.agent, mine.page, signed))
    expect(step.callback?.searchParams.get('code')).toBeTruthy()
  })

  test('a challenge expires as the citizen app’s does, after five minutes', async () => {
    const { agent, page } = await loginPageOf()
    const signed = await sign(agent, page, anPhone)
    t.clock.advance(5 * 60_000 + 1000)
    const late = await post(agent, page, signed)
    expect([late.status, late.callback]).toEqual([400, undefined])
    expect(late.body).toContain(CHALLENGE_GONE)
  })

  test('a locked account’s passkey is refused as its password is, with no way back to the service', async () => {
    const { agent, page } = await loginPageOf()
    // Straight to the table: the lock's own procedures are the accounts module's tests.
    await t.db
      .updateTable('accounts_account')
      .set({ status: 'locked' })
      .where('subject_id', '=', AN)
      .execute()
    try {
      const step = await post(agent, page, await sign(agent, page, anPhone))
      expect([step.status, step.callback]).toEqual([423, undefined])
      expect(step.body).toContain('Tài khoản đang bị khóa.')
      // The page stays a login page: the password form and the passkey button, again.
      expect(step.body).toContain('/passkey/login"')
      expect(step.body).toContain('name="password"')
    } finally {
      await t.db
        .updateTable('accounts_account')
        .set({ status: 'active' })
        .where('subject_id', '=', AN)
        .execute()
    }
  })

  test('a malformed assertion, or options asked without the interaction’s cookie, are refused', async () => {
    const { agent, page } = await loginPageOf()
    const bad = await agent.submit(page, 'passkey/login', {
      challengeId: crypto.randomUUID(),
      response: '{"id":',
    })
    expect([bad.status, bad.callback]).toEqual([400, undefined])
    expect(bad.body).toContain('Hãy nhập đủ thông tin')
    // Another site (or a stale tab) asking for options: no cookie, no challenge.
    const forged = await fetch(new URL('passkey/options', `${page.url}/`), { method: 'POST' })
    expect(forged.status).toBe(400)
    expect(((await forged.json()) as { code: string }).code).toBe('oidc.INTERACTION_EXPIRED')
  })
})
