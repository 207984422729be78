import { describe, expect, test } from 'vitest'
import {
  AN,
  authorizationRequest,
  exchange,
  givenRelyingParty,
  logIn,
  PASSWORD,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

const t = useOidcTest()

describe('the login page', () => {
  test('a wrong password and an unknown number get the same page, and no step forward', async () => {
    const { config } = await givenRelyingParty(t)
    const agent = testAgent()
    const page = await agent.go((await authorizationRequest(config)).url.href)
    const wrong = await agent.submit(page, 'login', { username: AN, password: 'Wrong@2026x' })
    const unknown = await agent.submit(page, 'login', { username: '001190099999', password: PASSWORD })
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401)
      expect(answer.body).toContain('role="alert"')
      expect(answer.body).toContain('Số định danh cá nhân hoặc mật khẩu không đúng.')
      expect(answer.callback).toBeUndefined()
    }
    expect(wrong.body.replace(AN, '')).toBe(unknown.body.replace('001190099999', ''))
  })

  test('a form posted without the interaction cookie (another site, a stale tab) is refused', async () => {
    const { config } = await givenRelyingParty(t)
    const page = await testAgent().go((await authorizationRequest(config)).url.href)
    const forged = await testAgent().submit(page, 'login', { username: AN, password: PASSWORD })
    expect(forged.status).toBe(400)
    expect(forged.body).toContain('oidc.INTERACTION_EXPIRED')
    expect(forged.callback).toBeUndefined()
  })

  test('the pages run no script and may post only to us and the relying party', async () => {
    const { config } = await givenRelyingParty(t)
    const agent = testAgent()
    const res = await agent.request((await authorizationRequest(config)).url.href)
    const page = await agent.request(new URL(res.headers.get('location') ?? '', t.issuer).href)
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("form-action 'self' http://localhost:9")
    expect(csp).not.toContain('script-src')
    expect(page.headers.get('cache-control')).toBe('no-store')
  })

  test('on a device already trusted the password alone logs in: amr pwd, no SMS code', async () => {
    const { config } = await givenRelyingParty(t)
    const agent = testAgent()
    const first = await authorizationRequest(config)
    await exchange(config, (await logIn(t, agent, first.url, { username: AN })).callback, first)
    const again = await authorizationRequest(config, { prompt: 'login' })
    const page = await agent.go(again.url.href)
    const step = await agent.submit(page, 'login', { username: AN, password: PASSWORD })
    expect(step.body).not.toContain('/verify"')
    const tokens = await exchange(config, step.callback, again)
    expect(tokens.claims()?.amr).toEqual(['pwd'])
  })

  test('an account locked after logging in gets no more tokens through the remembered session', async () => {
    const { config } = await givenRelyingParty(t)
    const agent = testAgent()
    const first = await authorizationRequest(config)
    await exchange(config, (await logIn(t, agent, first.url, { username: AN })).callback, first)
    // Straight to the table: the lock's own procedures are the accounts module's tests.
    await t.db
      .updateTable('accounts_account')
      .set({ status: 'locked' })
      .where('subject_id', '=', AN)
      .execute()
    try {
      const again = await authorizationRequest(config)
      const step = await agent.go(again.url.href)
      expect(step.callback?.searchParams.get('error')).toBe('access_denied')
      expect(step.callback?.searchParams.get('error_description')).toMatch(/locked or closed/)
    } finally {
      await t.db
        .updateTable('accounts_account')
        .set({ status: 'active' })
        .where('subject_id', '=', AN)
        .execute()
    }
  })

  test('an unknown or expired login page says so in both languages', async () => {
    const res = await fetch(`${t.issuer}/oidc/interaction/no-such-interaction`)
    expect(res.status).toBe(400)
    const body = await res.text()
    expect(body).toContain('Trang đăng nhập này đã hết hạn')
    expect(body).toContain('This login page has expired')
  })
})
