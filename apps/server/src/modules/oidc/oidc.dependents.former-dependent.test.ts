import * as client from 'openid-client'
import { beforeAll, describe, expect, test } from 'vitest'
import { auditUnder, type Caller, loggedIn, takeOverBao } from '../accounts/dependents.test-support.js'
import { BAO, CUONG, givenRepresentative, signInAs } from './oidc.dependents.test-support.js'
import {
  AN,
  authorizationRequest,
  exchange,
  givenRelyingParty,
  logIn,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

// Cường signs in for his son Bảo at a school a week before Bảo turns 14 (9 April 2030); Bảo then takes his
// account over. The consent his father gave for him is his to see and to withdraw.
const t = useOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
const ACTING_BAO = `for:${BAO.personalId}:by:${CUONG}`
const CONSENTED_AT = '2030-04-02T03:00:00.000Z'
const onBehalf = (clientId: string) => `/api/v1/me/connections/${clientId}/on-behalf`

type Tokens = client.TokenEndpointResponse & client.TokenEndpointResponseHelpers
let rp: Awaited<ReturnType<typeof givenRelyingParty>>
let forBao: Tokens
let bao: Caller

const grantIdsOf = async (accountId: string) =>
  (
    await t.db
      .selectFrom('oidc_payload')
      .select('id')
      .where('model', '=', 'Grant')
      .where((eb) => eb.ref('payload', '->>').key('accountId'), '=', accountId)
      .execute()
  ).map((r) => r.id)

const issuedUnder = async (grantIds: string[]) =>
  grantIds.length
    ? (await t.db.selectFrom('oidc_payload').select('model').where('grant_id', 'in', grantIds).execute())
        .length
    : 0

const introspect = async (token: string) => (await client.tokenIntrospection(rp.config, token)).active

beforeAll(async () => {
  await givenRepresentative(t)
  rp = await givenRelyingParty(t, {
    name: 'Trường THCS Thử',
    purpose: 'Tuyển sinh lớp 9',
    allowDependents: true,
    scopes: ['openid', 'profile', 'offline_access'],
  })
  t.clock.set(CONSENTED_AT)
  const req = await authorizationRequest(rp.config, {
    scope: 'openid profile offline_access',
    prompt: 'consent',
  })
  const { step } = await signInAs(t, testAgent(), req.url, BAO.personalId)
  forBao = await exchange(rp.config, step.callback, req)
  await client.fetchUserInfo(rp.config, forBao.access_token, forBao.claims()?.sub ?? '')
  expect(await introspect(forBao.refresh_token ?? '')).toBe(true)
  // From his birthday he acts for himself; he takes the account over with his own phone the day after.
  t.clock.set('2030-04-10T03:00:00Z')
  expect((await takeOverBao(t)).json()).toMatchObject({ status: 'active' })
  bao = await loggedIn(t, BAO.personalId)
}, 180_000)

describe('a former dependent sees the consents given for them', () => {
  test('his own list holds the school, marked as given by his father on the day he agreed', async () => {
    const res = await bao('GET', '/api/v1/me/connections')
    expect(res.statusCode).toBe(200)
    const items = res.json().items
    expect(items).toEqual([
      {
        clientId: rp.creds.client_id,
        name: 'Trường THCS Thử',
        purpose: 'Tuyển sinh lớp 9',
        scopes: ['openid', 'profile', 'offline_access'],
        grantedAt: expect.any(String),
        expiresAt: expect.any(String),
        lastUsedAt: expect.any(String),
        givenBy: [{ name: 'Lê Minh Cường', grantedAt: expect.any(String) }],
      },
    ])
    // Given a few seconds into the sign-in on 2 April (the test clock moves a second per login step).
    expect(items[0].givenBy[0].grantedAt.slice(0, 10)).toBe('2030-04-02')
    expect(items[0].lastUsedAt.slice(0, 10)).toBe('2030-04-02')
  })

  test('his own consent to the same school is a separate entry; the father and a stranger see neither of his', async () => {
    const req = await authorizationRequest(rp.config)
    const step = await logIn(t, testAgent(), req.url, { username: BAO.personalId })
    const own = await exchange(rp.config, step.callback, req)
    // The same pairwise subject as when his father signed in for him: the school knows him.
    expect(own.claims()?.sub).toBe(forBao.claims()?.sub)
    const items = (await bao('GET', '/api/v1/me/connections')).json().items
    expect(items.map((c: { givenBy: unknown }) => c.givenBy === null).sort()).toEqual([false, true])
    for (const who of [CUONG, AN]) {
      const theirs = (await (await loggedIn(t, who))('GET', '/api/v1/me/connections')).json().items
      expect(theirs.filter((c: { givenBy: unknown }) => c.givenBy !== null)).toEqual([])
    }
  })
})

describe('what his father got for him stops when the representation ends', () => {
  test('introspection calls the refresh token inactive, before any revocation (oidc-provider checks only the grant)', async () => {
    expect(await grantIdsOf(ACTING_BAO)).toHaveLength(1)
    expect(await introspect(forBao.refresh_token ?? '')).toBe(false)
  })
})

describe('a former dependent revokes the consents given for them', () => {
  test('needs the CSRF token', async () => {
    const res = await bao('DELETE', onBehalf(rp.creds.client_id), undefined, { csrf: false })
    expect([res.statusCode, res.json().code]).toEqual([403, 'accounts.CSRF_INVALID'])
  })

  test('the grant and everything issued under it go at once; his own consent stays', async () => {
    const grants = await grantIdsOf(ACTING_BAO)
    expect(grants).toHaveLength(1)
    expect(await issuedUnder(grants)).toBeGreaterThanOrEqual(2)
    const ownGrants = await grantIdsOf(BAO.personalId)

    const res = await bao('DELETE', onBehalf(rp.creds.client_id))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ revoked: rp.creds.client_id, grants: 1 })
    expect(res.json().tokens).toBeGreaterThanOrEqual(2)

    expect(await grantIdsOf(ACTING_BAO)).toEqual([])
    expect(await issuedUnder(grants)).toBe(0)
    expect(await introspect(forBao.refresh_token ?? '')).toBe(false)
    expect(await introspect(forBao.access_token)).toBe(false)
    await expect(client.refreshTokenGrant(rp.config, forBao.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    expect(await grantIdsOf(BAO.personalId)).toEqual(ownGrants)
    const items = (await bao('GET', '/api/v1/me/connections')).json().items
    expect(items).toEqual([expect.objectContaining({ clientId: rp.creds.client_id, givenBy: null })])
  })

  test('is recorded under him alone, naming the representative; a second revocation finds nothing', async () => {
    expect(await auditUnder(t, BAO.personalId, 'oidc.consent.revoked')).toEqual([
      expect.objectContaining({
        actor: BAO.personalId,
        actor_kind: 'citizen',
        data: expect.objectContaining({
          clientId: rp.creds.client_id,
          onBehalf: true,
          givenBy: [CUONG],
          scopes: ['openid', 'profile', 'offline_access'],
        }),
      }),
    ])
    expect(await auditUnder(t, CUONG, 'oidc.consent.revoked')).toEqual([])
    const again = await bao('DELETE', onBehalf(rp.creds.client_id))
    expect([again.statusCode, again.json().code]).toEqual([404, 'oidc.CONNECTION_NOT_FOUND'])
  })
})
