import { addDays, vietnamDateOf } from '@dinhdanh/vn-id'
import { exportJWK, generateKeyPair } from 'jose'
import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadConfig } from '../../platform/config.js'
import type { Caller } from '../accounts/dependents.test-support.js'
import { loggedIn } from '../accounts/dependents.test-support.js'
import type { OfficerSession } from '../officers/officers.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import {
  AN,
  authorizationRequest,
  BINH,
  exchange,
  logIn,
  type OidcTest,
  startOidcTest,
  testAgent,
} from './oidc.test-support.js'
import { sandboxOn } from './onboarding.service.js'
import {
  anApplication,
  approved,
  asOfficer,
  DEV,
  givenOnboarding,
  ok,
  QUEUE,
  submitted,
} from './onboarding.test-support.js'

let t: OidcTest
let applicant: Caller
let first: OfficerSession
let second: OfficerSession
beforeAll(async () => {
  // The relying party's test login must not end the applicant's console session on another "device".
  t = await startOidcTest({ OIDC_SANDBOX: 'true', SINGLE_DEVICE_LOGIN: 'false' })
  ;({ applicant, first, second } = await givenOnboarding(t, AN))
}, 180_000)
afterAll(() => t.close())

const today = () => vietnamDateOf(t.clock.now())
const trail = async (id: string) =>
  (
    await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor'])
      .where('subject', '=', id)
      .orderBy('seq')
      .execute()
  ).map((e) => e.action)
const rowCount = async () => (await t.db.selectFrom('oidc_application').select('id').execute()).length

/** openid-client configured with the credentials the console showed. */
const relyingParty = (creds: { client_id: string; client_secret?: string }) =>
  client.discovery(
    new URL(t.issuer),
    creds.client_id,
    creds.client_secret,
    client.ClientSecretBasic(creds.client_secret ?? ''),
    { execute: [client.allowInsecureRequests] },
  )

/** A citizen (Bình) logs in at the relying party; returns its tokens. */
const citizenLogsIn = async (config: client.Configuration) => {
  const req = await authorizationRequest(config)
  const end = await logIn(t, testAgent(), req.url, { username: BINH })
  return exchange(config, end.callback, req)
}

describe('applying (D69 Art 18)', () => {
  test('a system below information-security level 3 is refused at submission, and nothing is stored', async () => {
    const before = await rowCount()
    const res = await applicant('POST', `${DEV}/applications`, anApplication({ securityLevel: 2 }))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'onboarding.SECURITY_LEVEL_TOO_LOW' })
    expect(await rowCount()).toBe(before)
  })

  test.each([
    ['a bad tax code', { organisation: { name: 'X', code: '12345' } }, 'onboarding.ORG_CODE_INVALID'],
    [
      'a plain-http redirect URI off localhost',
      { redirectUris: ['http://rp.example/cb'] },
      'oidc.REDIRECT_URI_INVALID',
    ],
    ['scopes without openid', { scopes: ['profile'] }, 'oidc.SCOPES_INVALID'],
    ['level 3', { minLevel: 3 }, 'oidc.MIN_LEVEL_INVALID'],
    ['fapi2 with a shared secret', { profile: 'fapi2' }, 'oidc.PROFILE_INVALID'],
    [
      'an agreement signed tomorrow',
      { agreement: { number: '1/HĐ', signedOn: '2099-01-01' } },
      'onboarding.AGREEMENT_DATE_INVALID',
    ],
  ])('%s is refused with a stable code at submission', async (_what, change, code) => {
    const res = await applicant('POST', `${DEV}/applications`, anApplication(change))
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json()).toMatchObject({ code })
  })

  test('a citizen with a level-1 account cannot apply for an organisation', async () => {
    const binh = await loggedIn(t, BINH)
    const res = await binh('POST', `${DEV}/applications`, anApplication())
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'onboarding.APPLICANT_LEVEL_2_REQUIRED' })
  })

  test('the application records who applied and is due 30 days after submission while no agreement is signed', async () => {
    const id = await submitted(applicant)
    const mine = ok(await applicant('GET', `${DEV}/applications/${id}`))
    expect(mine).toMatchObject({
      state: 'submitted',
      applicant: AN,
      submittedOn: today(),
      dueOn: t.deps.policy.relyingPartyAppraisalDueDate(today()),
      overdue: false,
      clientId: null,
    })
    expect(await trail(id)).toEqual(['oidc.application.submitted'])
  })
})

describe('appraisal by the management agency', () => {
  test('approval registers a working client; the applicant sees its secret once, and a citizen logs in with it', async () => {
    const id = await submitted(applicant)
    const recorded = ok(
      await asOfficer(t, first, 'POST', `${QUEUE}/${id}/agreement`, {
        number: '15/2026/TT-C06',
        signedOn: today(),
      }),
    )
    expect(recorded).toMatchObject({
      state: 'agreement_recorded',
      dueOn: t.deps.policy.relyingPartyAppraisalDueDate(today()),
    })
    const done = ok(await asOfficer(t, second, 'POST', `${QUEUE}/${id}/approve`))
    expect(done).toMatchObject({ state: 'approved', clientStatus: 'active', credentialsCollected: false })
    expect(done).not.toHaveProperty('client_secret')

    const creds = ok(await applicant('POST', `${DEV}/applications/${id}/credentials`))
    expect(creds).toMatchObject({ client_id: done.clientId, issuer: t.issuer })
    expect(creds.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const again = await applicant('POST', `${DEV}/applications/${id}/credentials`)
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'onboarding.CREDENTIALS_ALREADY_COLLECTED' })

    const config = await relyingParty(creds)
    const tokens = await citizenLogsIn(config)
    expect(tokens.claims()?.sub).toBeTruthy()
    expect(await client.tokenIntrospection(config, tokens.access_token)).toMatchObject({
      active: true,
      client_id: creds.client_id,
    })
    expect(await trail(id)).toEqual([
      'oidc.application.submitted',
      'oidc.application.agreement_recorded',
      'oidc.application.approved',
      'oidc.application.credentials_collected',
    ])
  })

  test('four eyes: the appraiser who recorded the agreement cannot approve it', async () => {
    const id = await submitted(applicant)
    ok(
      await asOfficer(t, first, 'POST', `${QUEUE}/${id}/agreement`, {
        number: '16/2026/TT-C06',
        signedOn: today(),
      }),
    )
    const res = await asOfficer(t, first, 'POST', `${QUEUE}/${id}/approve`)
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'officers.FOUR_EYES_REQUIRED' })
    expect(ok(await applicant('GET', `${DEV}/applications/${id}`)).state).toBe('agreement_recorded')
  })

  test('no approval before the agreement is recorded', async () => {
    const id = await submitted(applicant)
    const res = await asOfficer(t, second, 'POST', `${QUEUE}/${id}/approve`)
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'onboarding.WRONG_STATE' })
  })

  test('a refusal needs a written reason, and ends the application', async () => {
    const id = await submitted(applicant)
    const short = await asOfficer(t, first, 'POST', `${QUEUE}/${id}/refuse`, { reason: 'no' })
    expect(short.json()).toMatchObject({ code: 'onboarding.REASON_REQUIRED' })
    const refused = ok(
      await asOfficer(t, first, 'POST', `${QUEUE}/${id}/refuse`, {
        reason: 'Hệ thống chưa có hồ sơ đánh giá an toàn thông tin cấp độ 3',
      }),
    )
    expect(refused).toMatchObject({ state: 'refused', refusalReason: expect.stringContaining('cấp độ 3') })
    expect(ok(await applicant('GET', `${DEV}/applications/${id}`)).refusalReason).toContain('cấp độ 3')
    const withdraw = await applicant('POST', `${DEV}/applications/${id}/withdraw`)
    expect(withdraw.json()).toMatchObject({ code: 'onboarding.WRONG_STATE' })
    expect(await trail(id)).toContain('oidc.application.refused')
  })

  test('the queue lists open applications earliest due first, and flags one past its 30 days as overdue', async () => {
    const late = await submitted(applicant, {
      agreement: { number: '9/2026/TT-C06', signedOn: addDays(today(), -45) },
    })
    const queue = ok(await asOfficer(t, first, 'GET', QUEUE))
    const dueOn = t.deps.policy.relyingPartyAppraisalDueDate(addDays(today(), -45))
    expect(dueOn < today()).toBe(true)
    expect(queue.items[0]).toMatchObject({ id: late, dueOn, overdue: true })
    const dues = queue.items.map((i: { dueOn: string }) => i.dueOn)
    expect(dues).toEqual([...dues].sort())
    expect(
      queue.items.every((i: { state: string }) => ['submitted', 'agreement_recorded'].includes(i.state)),
    ).toBe(true)
  })

  test('only appraisers of the management agency (a central unit) appraise', async () => {
    const id = await submitted(applicant)
    const province = await officerSession(t, { roles: ['approver'], unitCode: 'PC06-001' })
    const res = await asOfficer(t, province, 'POST', `${QUEUE}/${id}/agreement`, {
      number: '1',
      signedOn: today(),
    })
    expect(res.json()).toMatchObject({ code: 'onboarding.CENTRAL_UNIT_REQUIRED' })
    const receiver = await officerSession(t, { roles: ['receiving_officer'], unitCode: 'C06' })
    const denied = await asOfficer(t, receiver, 'GET', QUEUE)
    expect(denied.json()).toMatchObject({ code: 'officers.PERMISSION_DENIED' })
  })

  test('an approved client is suspended and reinstated through its application', async () => {
    const id = await approved(t, applicant, first, second)
    const creds = ok(await applicant('POST', `${DEV}/applications/${id}/credentials`))
    const suspended = ok(
      await asOfficer(t, second, 'POST', `${QUEUE}/${id}/suspend`, { reason: 'Vi phạm thỏa thuận' }),
    )
    expect(suspended.clientStatus).toBe('suspended')
    const config = await relyingParty(creds)
    const req = await authorizationRequest(config)
    expect((await testAgent().go(req.url.href)).body).toContain('invalid_client')
    expect(ok(await asOfficer(t, second, 'POST', `${QUEUE}/${id}/reinstate`, {})).clientStatus).toBe('active')
    expect((await citizenLogsIn(config)).access_token).toBeTruthy()
  })
})

describe('the applicant', () => {
  test('withdraws an application not decided yet; another citizen can neither see nor withdraw it', async () => {
    const id = await submitted(applicant)
    const binh = await loggedIn(t, BINH)
    expect((await binh('GET', `${DEV}/applications/${id}`)).statusCode).toBe(404)
    expect((await binh('POST', `${DEV}/applications/${id}/withdraw`)).statusCode).toBe(404)
    expect(ok(await applicant('POST', `${DEV}/applications/${id}/withdraw`)).state).toBe('withdrawn')
    const res = await asOfficer(t, first, 'POST', `${QUEUE}/${id}/agreement`, {
      number: '2',
      signedOn: today(),
    })
    expect(res.json()).toMatchObject({ code: 'onboarding.WRONG_STATE' })
    expect(await trail(id)).toEqual(['oidc.application.submitted', 'oidc.application.withdrawn'])
  })

  test('rotates the secret of an approved client: the old secret stops working at once', async () => {
    const id = await approved(t, applicant, first, second)
    const old = ok(await applicant('POST', `${DEV}/applications/${id}/credentials`))
    const fresh = ok(await applicant('POST', `${DEV}/applications/${id}/secret`))
    expect(fresh.client_secret).not.toBe(old.client_secret)
    const tokens = await citizenLogsIn(await relyingParty(fresh))
    await expect(
      client.tokenIntrospection(await relyingParty(old), tokens.access_token),
    ).rejects.toMatchObject({
      status: 401,
    })
  })

  test('replaces the public keys of an approved private_key_jwt client: the old key stops working at once', async () => {
    const publicJwk = async (kid: string) => {
      const pair = await generateKeyPair('ES256')
      return { pair, jwk: { ...(await exportJWK(pair.publicKey)), kid, use: 'sig', alg: 'ES256' } }
    }
    const a = await publicJwk('bank-1')
    const b = await publicJwk('bank-2')
    const id = await approved(t, applicant, first, second, {
      authMethod: 'private_key_jwt',
      jwks: { keys: [a.jwk] },
    })
    const creds = ok(await applicant('POST', `${DEV}/applications/${id}/credentials`))
    expect(creds).not.toHaveProperty('client_secret')
    const noSecret = await applicant('POST', `${DEV}/applications/${id}/secret`)
    expect(noSecret.json()).toMatchObject({ code: 'onboarding.NO_SECRET' })
    ok(await applicant('POST', `${DEV}/applications/${id}/jwks`, { jwks: { keys: [b.jwk] } }))
    const signedWith = (key: typeof a.pair.privateKey, kid: string) =>
      client.discovery(new URL(t.issuer), creds.client_id, undefined, client.PrivateKeyJwt({ key, kid }), {
        execute: [client.allowInsecureRequests],
      })
    const tokens = await citizenLogsIn(await signedWith(b.pair.privateKey, 'bank-2'))
    await expect(
      client.tokenIntrospection(await signedWith(a.pair.privateKey, 'bank-1'), tokens.access_token),
    ).rejects.toMatchObject({ error: 'invalid_client' })
    expect(await trail(id)).toContain('oidc.application.keys_replaced')
  })

  test('lists their applications newest first, without the applications of others', async () => {
    const { items } = ok(await applicant('GET', `${DEV}/applications`))
    expect(items.length).toBeGreaterThan(3)
    expect(items.every((i: { applicant: string }) => i.applicant === AN)).toBe(true)
  })
})

describe('the sandbox', () => {
  test('a developer registers a test client at once, without appraisal, and a synthetic citizen logs in with it', async () => {
    const res = await applicant('POST', `${DEV}/sandbox-clients`, {
      name: 'Ứng dụng thử của tôi',
      scopes: ['openid', 'profile'],
      minLevel: 1,
      redirectUris: [anApplication().redirectUris[0]],
    })
    const { application, credentials } = ok(res, 201)
    expect(application).toMatchObject({ kind: 'sandbox', state: 'approved', credentialsCollected: true })
    const tokens = await citizenLogsIn(await relyingParty(credentials))
    expect(tokens.access_token).toBeTruthy()
    const queue = ok(await asOfficer(t, first, 'GET', `${QUEUE}?state=decided`))
    expect(queue.items.map((i: { id: string }) => i.id)).not.toContain(application.id)
  })

  test('limits the test clients per developer', async () => {
    const binh = await loggedIn(t, BINH)
    const one = { name: 'Thử', scopes: ['openid'], minLevel: 1, redirectUris: ['http://localhost:8080/cb'] }
    for (let i = 0; i < 5; i++) ok(await binh('POST', `${DEV}/sandbox-clients`, one), 201)
    const sixth = await binh('POST', `${DEV}/sandbox-clients`, one)
    expect(sixth.statusCode).toBe(409)
    expect(sixth.json()).toMatchObject({ code: 'onboarding.SANDBOX_LIMIT' })
  })

  test('is on only where configured: OIDC_SANDBOX, or a demo deployment outside production', () => {
    expect(sandboxOn(loadConfig({ OIDC_SANDBOX: 'false' }))).toBe(false)
    expect(sandboxOn(loadConfig({ OIDC_SANDBOX: 'true' }))).toBe(true)
    expect(sandboxOn(loadConfig({ DEMO_SEED: 'true' }))).toBe(true)
    expect(sandboxOn(loadConfig({ DEMO_SEED: 'false' }))).toBe(false)
    expect(
      sandboxOn(loadConfig({ NODE_ENV: 'production', KEK: 'a'.repeat(43), PHONE_OWNERSHIP: 'off' })),
    ).toBe(false)
  })
})
