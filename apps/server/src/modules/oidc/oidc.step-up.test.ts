import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { grantLevel2 } from '../accounts/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { ACR } from './oidc.levels.js'
import {
  AN,
  authorizationRequest,
  BINH,
  exchange,
  givenRelyingParty,
  logIn,
  PASSWORD,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

const CUONG = '001088004321'
const DUNG = '036155000777'

const t = useOidcTest()
beforeAll(async () => {
  await givenAccount(t.db, { subjectId: CUONG, level: 1, password: PASSWORD, phone: '+84398004321', at: NOW })
  await givenAccount(t.db, { subjectId: DUNG, level: 1, password: PASSWORD, phone: '+84396000777', at: NOW })
}, 120_000)

/** The counter's approval raising a level-1 account to level 2 (the accounts module's own step). */
const raiseToLevel2 = (subjectId: string, phone: string) =>
  t.db.transaction().execute((trx) =>
    grantLevel2(trx, t.deps, {
      subjectId,
      subjectKind: 'citizen',
      phone,
      email: null,
      dossierId: randomUUID(),
      cardValidUntil: null,
      today: AS_OF,
      actor: { id: 'CB-001', kind: 'officer' },
    }),
  )

// oidc-provider dates a login by the process clock in whole seconds: wait for the next second to begin.
const nextSecond = () => sleep(1050 - (Date.now() % 1000))

describe('step-up: the session is below the level asked, the account is not', () => {
  test('a citizen raised to level 2 at a counter after logging in logs in again, and the new ID token says level 2', async () => {
    const agent = testAgent()
    const first = await givenRelyingParty(t)
    const req1 = await authorizationRequest(first.config)
    const tokens1 = await exchange(
      first.config,
      (await logIn(t, agent, req1.url, { username: BINH })).callback,
      req1,
    )
    expect(tokens1.claims()?.acr).toBe(ACR[1])
    await raiseToLevel2(BINH, '+84987654321')

    const second = await givenRelyingParty(t)
    const req2 = await authorizationRequest(second.config, { acr_values: ACR[2] })
    const page = await agent.go(req2.url.href)
    // A login page (not access_denied at the relying party), saying why it asks again.
    expect(page.callback).toBeUndefined()
    expect(page.body).toContain('/login"')
    expect(page.body).toContain('Dịch vụ này yêu cầu bạn đăng nhập lại')
    const end = await logIn(t, agent, req2.url, { username: BINH })
    const tokens2 = await exchange(second.config, end.callback, req2)
    expect(tokens2.claims()).toMatchObject({ acr: ACR[2], amr: ['pwd'] })

    // The new login serves the first relying party too: its session now says level 2.
    const again = await authorizationRequest(first.config, { acr_values: ACR[2] })
    const silent = await agent.go(again.url.href)
    expect(silent.callback, silent.body.slice(0, 200)).toBeDefined()
    expect((await exchange(first.config, silent.callback, again)).claims()?.acr).toBe(ACR[2])
  })

  test('with prompt=none the relying party gets login_required, not access_denied', async () => {
    const agent = testAgent()
    const rp = await givenRelyingParty(t)
    const req1 = await authorizationRequest(rp.config)
    await exchange(rp.config, (await logIn(t, agent, req1.url, { username: CUONG })).callback, req1)
    await raiseToLevel2(CUONG, '+84398004321')
    const req2 = await authorizationRequest(rp.config, { acr_values: ACR[2], prompt: 'none' })
    const end = await agent.go(req2.url.href)
    expect(end.callback?.searchParams.get('error')).toBe('login_required')
  })

  test('an account still at level 1 is refused with access_denied: logging in again would not help', async () => {
    const agent = testAgent()
    const rp = await givenRelyingParty(t)
    const req1 = await authorizationRequest(rp.config)
    await exchange(rp.config, (await logIn(t, agent, req1.url, { username: DUNG })).callback, req1)
    const req2 = await authorizationRequest(rp.config, { acr_values: ACR[2] })
    const end = await agent.go(req2.url.href)
    expect(end.callback?.searchParams.get('error')).toBe('access_denied')
    expect(end.callback?.searchParams.get('error_description')).toMatch(/level 2/)
  })
})

describe('max_age and prompt=login (OpenID Connect Core §3.1.2.1)', () => {
  test('max_age older than the login asks for the password again; a younger one does not', async () => {
    const agent = testAgent()
    const rp = await givenRelyingParty(t)
    const req1 = await authorizationRequest(rp.config)
    const first = await exchange(
      rp.config,
      (await logIn(t, agent, req1.url, { username: AN })).callback,
      req1,
    )
    const young = await authorizationRequest(rp.config, { max_age: '3600' })
    const silent = await agent.go(young.url.href)
    expect(silent.callback, silent.body.slice(0, 200)).toBeDefined()
    await exchange(rp.config, silent.callback, young)

    await nextSecond()
    const old = await authorizationRequest(rp.config, { max_age: '0' })
    const page = await agent.go(old.url.href)
    expect(page.callback).toBeUndefined()
    expect(page.body).toContain('/login"')
    const fresh = await exchange(rp.config, (await logIn(t, agent, old.url, { username: AN })).callback, old)
    expect(Number(fresh.claims()?.auth_time)).toBeGreaterThan(Number(first.claims()?.auth_time))
  })

  test('prompt=login asks for the password even with a live session, and the login goes on to the relying party', async () => {
    const agent = testAgent()
    const rp = await givenRelyingParty(t)
    const req1 = await authorizationRequest(rp.config)
    await exchange(rp.config, (await logIn(t, agent, req1.url, { username: AN })).callback, req1)
    const req2 = await authorizationRequest(rp.config, { prompt: 'login' })
    const page = await agent.go(req2.url.href)
    expect(page.body).toContain('/login"')
    const tokens = await exchange(
      rp.config,
      (await logIn(t, agent, req2.url, { username: AN })).callback,
      req2,
    )
    expect(tokens.claims()).toMatchObject({ acr: ACR[2], auth_time: expect.any(Number) })
  })
})
