import * as client from 'openid-client'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Caller } from '../accounts/dependents.test-support.js'
import type { OfficerSession } from '../officers/officers.test-support.js'
import { givenRepresentative, signInAs } from './oidc.dependents.test-support.js'
import { AN, authorizationRequest, type OidcTest, startOidcTest, testAgent } from './oidc.test-support.js'
import {
  anApplication,
  approved,
  asOfficer,
  DEV,
  givenOnboarding,
  ok,
  QUEUE,
} from './onboarding.test-support.js'

// A school or a hospital asks, in its application, to let parents and guardians sign in for the children and
// wards they represent (docs/onboarding.md); the appraisers see it, and approval gives it to the client.
let t: OidcTest
let applicant: Caller
let first: OfficerSession
let second: OfficerSession
beforeAll(async () => {
  t = await startOidcTest({ OIDC_SANDBOX: 'true', SINGLE_DEVICE_LOGIN: 'false' })
  ;({ applicant, first, second } = await givenOnboarding(t, AN))
  await givenRepresentative(t)
}, 180_000)
afterAll(() => t.close())

const clientFlag = async (clientId: string) =>
  (
    await t.db
      .selectFrom('oidc_client')
      .select('allow_dependents')
      .where('client_id', '=', clientId)
      .executeTakeFirstOrThrow()
  ).allow_dependents

describe('an application that asks to let representatives sign in for dependents', () => {
  let id = ''
  let clientId = ''

  test('is stored with the flag, shown to the applicant and to the appraisers, and audited', async () => {
    const created = ok(
      await applicant(
        'POST',
        `${DEV}/applications`,
        anApplication({
          service: { name: 'Trường Tiểu học Thử', purpose: 'Tuyển sinh lớp 1' },
          allowDependents: true,
        }),
      ),
      201,
    )
    id = created.id
    expect(created.allowDependents).toBe(true)
    expect(ok(await applicant('GET', `${DEV}/applications/${id}`)).allowDependents).toBe(true)
    expect(ok(await asOfficer(t, first, 'GET', `${QUEUE}/${id}`)).allowDependents).toBe(true)
    const queue = ok(await asOfficer(t, first, 'GET', QUEUE))
    expect(queue.items.find((a: { id: string }) => a.id === id)).toMatchObject({ allowDependents: true })
    const submittedEvent = await t.db
      .selectFrom('platform_audit_event')
      .select('data')
      .where('subject', '=', id)
      .where('action', 'like', '%submitted')
      .executeTakeFirstOrThrow()
    expect(submittedEvent.data).toMatchObject({ allowDependents: true })
  })

  test('approval registers the client with the flag on', async () => {
    ok(
      await asOfficer(t, first, 'POST', `${QUEUE}/${id}/agreement`, {
        number: '16/2026/TT-C06',
        signedOn: '2026-11-20',
      }),
    )
    clientId = ok(await asOfficer(t, second, 'POST', `${QUEUE}/${id}/approve`)).clientId
    expect(await clientFlag(clientId)).toBe(true)
  })

  test('so a representative logging in there is asked whom they sign in for', async () => {
    const creds = ok(await applicant('POST', `${DEV}/applications/${id}/credentials`))
    const config = await client.discovery(
      new URL(t.issuer),
      creds.client_id,
      creds.client_secret,
      client.ClientSecretBasic(creds.client_secret),
      { execute: [client.allowInsecureRequests] },
    )
    const { chooser } = await signInAs(t, testAgent(), (await authorizationRequest(config)).url)
    expect(chooser?.body).toContain('Bạn đăng nhập cho ai?')
    expect(chooser?.body).toContain('Lê Gia Bảo (001••••••789), con của bạn')
  })
})

describe('an application that does not ask', () => {
  test('is off by default, and so is its client', async () => {
    const id = await approved(t, applicant, first, second)
    const view = ok(await asOfficer(t, first, 'GET', `${QUEUE}/${id}`))
    expect(view.allowDependents).toBe(false)
    expect(await clientFlag(view.clientId)).toBe(false)
  })

  test('a flag that is not a boolean is a validation error, and nothing is stored', async () => {
    const before = (await t.db.selectFrom('oidc_application').select('id').execute()).length
    const res = await applicant('POST', `${DEV}/applications`, anApplication({ allowDependents: 'yes' }))
    expect([res.statusCode, res.json().code]).toEqual([400, 'platform.VALIDATION'])
    expect((await t.db.selectFrom('oidc_application').select('id').execute()).length).toBe(before)
  })
})

describe('a sandbox test client', () => {
  test('may carry the flag, to try the chooser before applying', async () => {
    const res = ok(
      await applicant('POST', `${DEV}/sandbox-clients`, {
        name: 'Trường thử (sandbox)',
        scopes: ['openid', 'profile'],
        minLevel: 1,
        redirectUris: ['http://localhost:9/callback'],
        allowDependents: true,
      }),
      201,
    )
    expect(res.application.allowDependents).toBe(true)
    expect(await clientFlag(res.credentials.client_id)).toBe(true)
  })
})
