import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Caller } from '../accounts/dependents.test-support.js'
import type { OfficerSession } from '../officers/officers.test-support.js'
import { BAO, givenRepresentative, signInAs } from './oidc.dependents.test-support.js'
import {
  AN,
  authorizationRequest,
  exchange,
  type OidcTest,
  startOidcTest,
  type TestAgent,
  testAgent,
} from './oidc.test-support.js'
import { approved, asOfficer, givenOnboarding, ok, QUEUE, submitted } from './onboarding.test-support.js'

// A school approved to let parents sign in for their children; the management agency later turns that off
// (and on again) on the existing client, with a written reason. The provider reads the flag per request.
let t: OidcTest
let applicant: Caller
let first: OfficerSession
let second: OfficerSession
let id = ''
let clientId = ''
let config: client.Configuration
const REASON = 'Trường chưa bổ sung quy trình xác minh phụ huynh theo thỏa thuận'

beforeAll(async () => {
  t = await startOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
  ;({ applicant, first, second } = await givenOnboarding(t, AN))
  await givenRepresentative(t)
  id = await approved(t, applicant, first, second, {
    service: { name: 'Trường Tiểu học Thử', purpose: 'Tuyển sinh lớp 1' },
    scopes: ['openid', 'profile', 'offline_access'],
    allowDependents: true,
  })
  const creds = ok(await applicant('POST', `/api/v1/developers/applications/${id}/credentials`))
  clientId = creds.client_id
  config = await client.discovery(
    new URL(t.issuer),
    clientId,
    creds.client_secret,
    client.ClientSecretBasic(creds.client_secret),
    { execute: [client.allowInsecureRequests] },
  )
}, 180_000)
afterAll(() => t.close())

type Step = Awaited<ReturnType<TestAgent['go']>>
const change = (allowDependents: boolean, reason = REASON, officer = second) =>
  asOfficer(t, officer, 'POST', `${QUEUE}/${id}/allow-dependents`, { allowDependents, reason })
const flag = async () =>
  (
    await t.db
      .selectFrom('oidc_client')
      .select('allow_dependents')
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow()
  ).allow_dependents
const auditOf = (action: string) =>
  t.db
    .selectFrom('platform_audit_event')
    .select(['actor', 'actor_kind', 'data'])
    .where('subject', '=', clientId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute()
const userinfoStatus = (accessToken: string) =>
  fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } }).then(
    (r) => r.status,
  )
const withOfflineAccess = () =>
  authorizationRequest(config, { scope: 'openid profile offline_access', prompt: 'consent' })

describe('the management agency changes allow_dependents on an approved client', () => {
  test('only with a written reason, only on an approved application, and only a real change', async () => {
    for (const reason of ['', 'vì vậy'])
      expect((await change(false, reason)).json()).toMatchObject({ code: 'oidc.REASON_REQUIRED' })
    const open = await submitted(applicant)
    const notApproved = await asOfficer(t, second, 'POST', `${QUEUE}/${open}/allow-dependents`, {
      allowDependents: false,
      reason: REASON,
    })
    expect([notApproved.statusCode, notApproved.json().code]).toEqual([409, 'onboarding.NOT_APPROVED'])
    const same = await change(true)
    expect([same.statusCode, same.json().code]).toEqual([409, 'oidc.ALLOW_DEPENDENTS_UNCHANGED'])
    const bad = await change('off' as unknown as boolean)
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'platform.VALIDATION'])
    // The applicant is a citizen, not an appraiser.
    const citizen = await applicant('POST', `${QUEUE}/${id}/allow-dependents`, {
      allowDependents: false,
      reason: REASON,
    })
    expect([citizen.statusCode, citizen.json().code]).toEqual([401, 'officers.SESSION_REQUIRED'])
    expect(await flag()).toBe(true)
    expect(await auditOf('oidc.client.dependents_disallowed')).toEqual([])
  })
})

describe('turning it off stops acting for dependents at once', () => {
  let forBao: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers
  let openChooser: { agent: TestAgent; step: Step }
  let openConsent: { agent: TestAgent; step: Step }
  let chosen: { agent: TestAgent; location: string; url: string }

  beforeAll(async () => {
    // Cường signs in for Bảo; on other computers a chooser, a consent page and a choice are in flight.
    const req = await withOfflineAccess()
    forBao = await exchange(
      config,
      (await signInAs(t, testAgent(), req.url, BAO.personalId)).step.callback,
      req,
    )
    const a1 = testAgent()
    const chooser = (await signInAs(t, a1, (await authorizationRequest(config)).url)).chooser
    openChooser = { agent: a1, step: chooser as Step }
    const a2 = testAgent()
    const b = await signInAs(t, a2, (await withOfflineAccess()).url)
    const consent = await a2.submit(b.chooser as Step, 'act-for', { subject: BAO.personalId })
    expect(consent.body).toContain('/confirm"')
    openConsent = { agent: a2, step: consent }
    // The choice is posted but its redirect to the provider not yet followed.
    const a3 = testAgent()
    const c = (await signInAs(t, a3, (await authorizationRequest(config)).url)).chooser as Step
    const action = /action="([^"]*\/act-for)"/.exec(c.body)?.[1] ?? ''
    const posted = await a3.request(new URL(action, c.url).href, {
      method: 'POST',
      body: new URLSearchParams({ subject: BAO.personalId }),
    })
    expect(posted.status).toBe(303)
    chosen = { agent: a3, location: posted.headers.get('location') ?? '', url: c.url }
    expect(await userinfoStatus(forBao.access_token)).toBe(200)

    const res = await change(false)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ allowDependents: true, clientAllowDependents: false })
  }, 180_000)

  test('the change is audited under the client, with the officer and the reason, and told to the organisation', async () => {
    expect(await flag()).toBe(false)
    expect(await auditOf('oidc.client.dependents_disallowed')).toEqual([
      {
        actor: second.officer.officerNumber,
        actor_kind: 'officer',
        data: { allowDependents: false, reason: REASON },
      },
    ])
    const mail = await t.db
      .selectFrom('platform_outbox')
      .select(['recipient', 'body'])
      .where('template', '=', 'oidc.application.dependents_disallowed')
      .executeTakeFirstOrThrow()
    expect(mail.recipient).toBe('ky.tran@example.gov.vn')
    expect(mail.body).toContain(`Lý do: ${REASON}`)
    expect(mail.body).toContain(`Reason: ${REASON}`)
    const view = ok(await asOfficer(t, first, 'GET', `${QUEUE}/${id}`))
    expect(view).toMatchObject({ allowDependents: true, clientAllowDependents: false })
  })

  test('a new login asks no one whom they sign in for', async () => {
    const req = await authorizationRequest(config)
    const { step, chooser } = await signInAs(t, testAgent(), req.url)
    expect(chooser).toBeUndefined()
    const tokens = await exchange(config, step.callback, req)
    expect(tokens.claims()).not.toHaveProperty('act')
  })

  test('a chooser, a consent page or a choice already in flight is refused', async () => {
    const refused = await openChooser.agent.submit(openChooser.step, 'act-for', { subject: BAO.personalId })
    expect(refused.status).toBe(403)
    expect(refused.body).toContain('oidc.DEPENDENTS_NOT_ALLOWED')
    expect(refused.body).not.toContain('Lê Gia Bảo')
    const confirm = await openConsent.agent.submit(openConsent.step, 'confirm', {})
    expect([confirm.status, confirm.body.includes('oidc.DEPENDENTS_NOT_ALLOWED')]).toEqual([403, true])
    const resumed = await chosen.agent.go(new URL(chosen.location, chosen.url).href)
    expect(resumed.callback?.searchParams.get('error')).toBe('access_denied')
    expect(resumed.callback?.searchParams.get('error_description')).toBe(
      'this service no longer allows signing in for a dependent',
    )
  })

  test('the tokens issued for a dependent stop working: userinfo and refresh', async () => {
    expect(await userinfoStatus(forBao.access_token)).toBe(401)
    await expect(client.refreshTokenGrant(config, forBao.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    })
  })

  test('turned on again (audited), the chooser is back', async () => {
    ok(await change(true, 'Trường đã bổ sung quy trình xác minh phụ huynh'))
    expect(await auditOf('oidc.client.dependents_allowed')).toHaveLength(1)
    const { chooser } = await signInAs(t, testAgent(), (await authorizationRequest(config)).url)
    expect(chooser?.body).toContain('Lê Gia Bảo (001••••••789), con của bạn')
  })
})
