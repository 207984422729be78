import * as client from 'openid-client'
import { beforeAll, describe, expect, test } from 'vitest'
import { auditUnder } from '../accounts/dependents.test-support.js'
import { BAO, CUONG, givenRepresentative, signInAs } from './oidc.dependents.test-support.js'
import {
  authorizationRequest,
  exchange,
  givenRelyingParty,
  type TestAgent,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

// Cường (level 2) represents Bảo (his son) and Dung (his ward): oidc.dependents.test-support.ts.
const t = useOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
const ACTING_BAO = `for:${BAO.personalId}:by:${CUONG}`

beforeAll(() => givenRepresentative(t), 60_000)

type Step = Awaited<ReturnType<TestAgent['go']>>

/** Cường through the pages: the password (and SMS code), the chooser with `subject`, then consent. */
const signIn = (agent: TestAgent, url: URL, subject?: string) => signInAs(t, agent, url, subject)

const userinfoStatus = (accessToken: string) =>
  fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } }).then(
    (r) => r.status,
  )

describe('a relying party that does not allow acting for dependents', () => {
  test('never shows the chooser: the representative logs in as themself', async () => {
    const rp = await givenRelyingParty(t)
    expect(rp.creds.allow_dependents).toBe(false)
    const req = await authorizationRequest(rp.config)
    const { step, chooser } = await signIn(testAgent(), req.url)
    expect(chooser).toBeUndefined()
    const tokens = await exchange(rp.config, step.callback, req)
    expect(tokens.claims()).not.toHaveProperty('act')
    const info = await client.fetchUserInfo(rp.config, tokens.access_token, tokens.claims()?.sub ?? '')
    expect(info.name).toBe('Lê Minh Cường')
  })
})

describe('a relying party that allows it (clients add --allow-dependents)', () => {
  let rp: Awaited<ReturnType<typeof givenRelyingParty>>
  let agent: TestAgent
  let ownSub = ''
  beforeAll(async () => {
    rp = await givenRelyingParty(t, {
      allowDependents: true,
      scopes: ['openid', 'profile', 'phone', 'offline_access'],
    })
    agent = testAgent()
  })

  test('asks whom the citizen signs in for, offering each live dependent masked', async () => {
    const { chooser } = await signIn(agent, (await authorizationRequest(rp.config)).url)
    const body = chooser?.body ?? ''
    expect(body).toContain('Bạn đăng nhập cho ai?')
    expect(body).toContain('Lê Gia Bảo (001••••••789), con của bạn')
    expect(body).toContain('Phạm Thị Dung (036••••••777), người được bạn giám hộ')
    // The full number is only the form's value, never shown.
    expect(body.replace(/value="[^"]*"/g, '')).not.toContain(BAO.personalId)
  })

  test('choosing oneself gives one’s own subject and claims, with no act', async () => {
    const req = await authorizationRequest(rp.config)
    const { step, chooser } = await signIn(agent, req.url, 'self')
    expect(chooser, 'a remembered session asks again: the choice is per login').toBeDefined()
    const tokens = await exchange(rp.config, step.callback, req)
    ownSub = tokens.claims()?.sub ?? ''
    expect(tokens.claims()).not.toHaveProperty('act')
    const info = await client.fetchUserInfo(rp.config, tokens.access_token, ownSub)
    expect(info).toMatchObject({ name: 'Lê Minh Cường' })
  })

  test('choosing a dependent gives the dependent’s subject and claims, and act names the representative', async () => {
    const req = await authorizationRequest(rp.config, { scope: 'openid profile phone' })
    const { step, consent } = await signIn(agent, req.url, BAO.personalId)
    // Consent for the child is his own, apart from the father's: the page asks again and names both.
    expect(consent?.body).toContain('Bạn đăng nhập cho Lê Gia Bảo (001••••••789) với tư cách cha hoặc mẹ.')
    expect(consent?.body).toContain('Người đại diện: tài khoản 001••••••321 (mức độ 2)')
    expect(consent?.body).not.toContain('Số điện thoại')
    const tokens = await exchange(rp.config, step.callback, req)
    const id = tokens.claims()
    expect(id?.sub).not.toBe(ownSub)
    expect(id?.act).toEqual({ sub: ownSub, relationship: 'parent' })
    // The level is the representative's login: the child has no login of his own.
    expect(id?.acr).toBe('urn:dinhdanh:loa:2')
    const info = await client.fetchUserInfo(rp.config, tokens.access_token, id?.sub ?? '')
    expect(info).toEqual({
      sub: id?.sub,
      name: 'Lê Gia Bảo',
      birthdate: '2016-04-09',
      gender: 'male',
      act: { sub: ownSub, relationship: 'parent' },
    })
    const grants = await t.db
      .selectFrom('oidc_payload')
      .select('id')
      .where('model', '=', 'Grant')
      .where((eb) => eb.ref('payload', '->>').key('accountId'), '=', ACTING_BAO)
      .execute()
    expect(grants).toHaveLength(1)
  })

  test('the release is logged under the dependent, naming the representative, and audited under both', async () => {
    const rows = await t.db
      .selectFrom('data_access_log')
      .select(['subject_id', 'representative_id', 'channel', 'claims'])
      .where('recipient_id', '=', rp.creds.client_id)
      .where('subject_id', '=', BAO.personalId)
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      { subject_id: BAO.personalId, representative_id: CUONG, channel: 'oidc.id_token', claims: ['act'] },
      {
        subject_id: BAO.personalId,
        representative_id: CUONG,
        channel: 'oidc.userinfo',
        claims: ['act', 'birthdate', 'gender', 'name'],
      },
    ])
    for (const subject of [CUONG, BAO.personalId]) {
      expect(await auditUnder(t, subject, 'accounts.dependent.oidc.login')).toEqual([
        expect.objectContaining({ actor: CUONG, actor_kind: 'representative' }),
      ])
      expect(await auditUnder(t, subject, 'accounts.dependent.oidc.consent.granted')).toHaveLength(1)
    }
  })

  test('a dependent the account does not represent, forged into the form, is refused', async () => {
    const req = await authorizationRequest(rp.config)
    const { chooser } = await signIn(agent, req.url)
    expect(chooser).toBeDefined()
    const forged = await agent.submit(chooser as Step, 'act-for', { subject: '079095001234' })
    expect(forged.status).toBe(403)
    expect(forged.body).toContain('accounts.NOT_REPRESENTATIVE')
    const garbage = await agent.submit(chooser as Step, 'act-for', { subject: 'x' })
    expect([garbage.status, garbage.body.includes('oidc.FORM_INVALID')]).toEqual([400, true])
    // The page is still there: the citizen goes on for themself.
    const self = await agent.submit(chooser as Step, 'act-for', { subject: 'self' })
    expect(self.callback?.searchParams.get('code')).toBeTruthy()
  })

  test('a silent request cannot ask: interaction_required', async () => {
    const req = await authorizationRequest(rp.config, { prompt: 'none' })
    const step = await agent.go(req.url.href)
    expect(step.callback?.searchParams.get('error')).toBe('interaction_required')
  })

  test('once the representation ends, the dependent’s refresh token and access token stop working', async () => {
    const req = await authorizationRequest(rp.config, {
      scope: 'openid profile offline_access',
      prompt: 'consent',
    })
    const { step } = await signIn(agent, req.url, BAO.personalId)
    const tokens = await exchange(rp.config, step.callback, req)
    const next = await client.refreshTokenGrant(rp.config, tokens.refresh_token ?? '')
    expect(next.claims()?.act).toEqual({ sub: ownSub, relationship: 'parent' })
    // Bảo takes his account over (accounts' endRepresentation does exactly this).
    await t.db
      .updateTable('accounts_representation')
      .set({ ended_at: t.clock.now(), ended_reason: 'takeover' })
      .where('dependent_subject_id', '=', BAO.personalId)
      .execute()
    await expect(client.refreshTokenGrant(rp.config, next.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    expect(await userinfoStatus(next.access_token)).toBe(401)
    // And the chooser offers him no more.
    const { chooser } = await signIn(agent, (await authorizationRequest(rp.config)).url)
    expect(chooser?.body).not.toContain('Lê Gia Bảo')
    expect(chooser?.body).toContain('Phạm Thị Dung')
  })
})

describe('discovery', () => {
  test('announces the act claim', async () => {
    const res = await fetch(`${t.issuer}/.well-known/openid-configuration`)
    const discovery = (await res.json()) as { claims_supported: string[] }
    expect(discovery.claims_supported).toContain('act')
  })
})
