import * as client from 'openid-client'
import { beforeAll, describe, expect, test } from 'vitest'
import { auditUnder, type Caller, loggedIn } from '../accounts/dependents.test-support.js'
import { BAO, CUONG, givenRepresentative, signInAs } from './oidc.dependents.test-support.js'
import {
  AN,
  authorizationRequest,
  BINH,
  exchange,
  givenRelyingParty,
  testAgent,
  useOidcTest,
} from './oidc.test-support.js'

// Cường represents Bảo (his son) and Dung (his ward). Bình is Bảo's mother in the registry but filed no
// representation; An is no relative. The consents Cường gives for Bảo are the acting account's grants.
const t = useOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
const ACTING_BAO = `for:${BAO.personalId}:by:${CUONG}`
const connectionsOf = (dependent: string) => `/api/v1/me/dependents/${dependent}/connections`
const logOf = (dependent: string) => `/api/v1/me/dependents/${dependent}/data-access`

let rp: Awaited<ReturnType<typeof givenRelyingParty>>
let cuong: Caller
let forBao: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers
let forSelf: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers

const userinfoStatus = (accessToken: string) =>
  fetch(`${t.issuer}/oidc/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } }).then(
    (r) => r.status,
  )

beforeAll(async () => {
  await givenRepresentative(t)
  rp = await givenRelyingParty(t, {
    name: 'Trường Tiểu học Thử',
    purpose: 'Tuyển sinh lớp 1',
    allowDependents: true,
    scopes: ['openid', 'profile', 'offline_access'],
  })
  const agent = testAgent()
  // Cường signs in for Bảo (with a refresh token) and, separately, for himself.
  const req = await authorizationRequest(rp.config, {
    scope: 'openid profile offline_access',
    prompt: 'consent',
  })
  forBao = await exchange(rp.config, (await signInAs(t, agent, req.url, BAO.personalId)).step.callback, req)
  await client.fetchUserInfo(rp.config, forBao.access_token, forBao.claims()?.sub ?? '')
  const own = await authorizationRequest(rp.config)
  forSelf = await exchange(rp.config, (await signInAs(t, agent, own.url, 'self')).step.callback, own)
  cuong = await loggedIn(t, CUONG)
}, 120_000)

describe('a representative sees the consents given for a dependent, apart from their own', () => {
  test('the dependent’s list holds the consent given for him, with its scopes and last use', async () => {
    const res = await cuong('GET', connectionsOf(BAO.personalId))
    expect(res.statusCode).toBe(200)
    const items = res.json().items
    expect(items).toEqual([
      expect.objectContaining({
        clientId: rp.creds.client_id,
        name: 'Trường Tiểu học Thử',
        purpose: 'Tuyển sinh lớp 1',
        scopes: ['openid', 'profile', 'offline_access'],
      }),
    ])
    expect(items[0].lastUsedAt).not.toBeNull()
    const grants = await t.db
      .selectFrom('oidc_payload')
      .select('id')
      .where('model', '=', 'Grant')
      .where((eb) => eb.ref('payload', '->>').key('accountId'), '=', ACTING_BAO)
      .execute()
    expect(grants).toHaveLength(1)
  })

  test('the own list shows only the representative’s own consent; a ward with none has an empty list', async () => {
    const own = (await cuong('GET', '/api/v1/me/connections')).json().items
    expect(own).toEqual([
      expect.objectContaining({ clientId: rp.creds.client_id, scopes: ['openid', 'profile'] }),
    ])
    const ward = await cuong('GET', connectionsOf('036155000777'))
    expect([ward.statusCode, ward.json().items]).toEqual([200, []])
  })

  test('the read is recorded under both', async () => {
    for (const subject of [CUONG, BAO.personalId])
      expect(await auditUnder(t, subject, 'accounts.dependent.connections.read')).not.toHaveLength(0)
  })

  test('a parent who filed no representation, or a stranger, can neither list nor revoke', async () => {
    for (const who of [BINH, AN]) {
      const other = await loggedIn(t, who)
      const list = await other('GET', connectionsOf(BAO.personalId))
      expect([list.statusCode, list.json().code]).toEqual([403, 'accounts.NOT_REPRESENTATIVE'])
      const del = await other('DELETE', `${connectionsOf(BAO.personalId)}/${rp.creds.client_id}`)
      expect([del.statusCode, del.json().code]).toEqual([403, 'accounts.NOT_REPRESENTATIVE'])
      const log = await other('GET', logOf(BAO.personalId))
      expect([log.statusCode, log.json().code]).toEqual([403, 'accounts.NOT_REPRESENTATIVE'])
    }
    expect(await userinfoStatus(forBao.access_token)).toBe(200)
  })

  test('a malformed ID number is a validation error', async () => {
    const res = await cuong('GET', connectionsOf('abc'))
    expect([res.statusCode, res.json().code]).toEqual([400, 'platform.VALIDATION'])
  })
})

describe("a representative reads the dependent's data-access log", () => {
  const releasesOfBao = () =>
    t.db
      .selectFrom('data_access_log')
      .select(['id', 'channel', 'representative_id'])
      .where('subject_id', '=', BAO.personalId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute()

  test('it holds the releases made for him, naming the representative, and the read is recorded under both', async () => {
    const res = await cuong('GET', `${logOf(BAO.personalId)}?limit=50`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const items = res.json().items as {
      id: string
      channel: string
      claims: string[]
      representative: string | null
    }[]
    const rows = await releasesOfBao()
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(items.map((i) => i.id)).toEqual(rows.map((r) => String(r.id)))
    expect(new Set(items.map((i) => i.representative))).toEqual(new Set([CUONG]))
    expect(items).toContainEqual(
      expect.objectContaining({ channel: 'oidc.userinfo', claims: ['act', 'birthdate', 'gender', 'name'] }),
    )
    expect(items.at(-1)).toMatchObject({ channel: 'oidc.id_token', claims: ['act'] })
    for (const subject of [CUONG, BAO.personalId])
      expect(await auditUnder(t, subject, 'accounts.dependent.data_access.read')).toEqual([
        expect.objectContaining({ actor: CUONG, actor_kind: 'representative', purpose: 'representation' }),
      ])
  })

  test('pages like the own log, without skips or repeats; a cursor the server did not give is refused', async () => {
    const seen: string[] = []
    let before: string | null = null
    for (let i = 0; i < 10; i++) {
      const page = await cuong('GET', `${logOf(BAO.personalId)}?limit=1${before ? `&before=${before}` : ''}`)
      seen.push(...(page.json().items as { id: string }[]).map((r) => r.id))
      before = page.json().next
      if (!before) break
    }
    expect(seen).toEqual((await releasesOfBao()).map((r) => String(r.id)))
    const bad = await cuong('GET', `${logOf(BAO.personalId)}?before=x`)
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'data_access.CURSOR_INVALID'])
  })
})

describe("revoking a dependent's consent", () => {
  test('needs the CSRF token', async () => {
    const res = await cuong('DELETE', `${connectionsOf(BAO.personalId)}/${rp.creds.client_id}`, undefined, {
      csrf: false,
    })
    expect([res.statusCode, res.json().code]).toEqual([403, 'accounts.CSRF_INVALID'])
  })

  test('revoking one’s own consent leaves the dependent’s', async () => {
    const res = await cuong('DELETE', `/api/v1/me/connections/${rp.creds.client_id}`)
    expect(res.statusCode).toBe(200)
    expect(await userinfoStatus(forSelf.access_token)).toBe(401)
    expect(await userinfoStatus(forBao.access_token)).toBe(200)
  })

  test('cuts the relying party off at once, recorded under both; a second revocation finds nothing', async () => {
    const res = await cuong('DELETE', `${connectionsOf(BAO.personalId)}/${rp.creds.client_id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ revoked: rp.creds.client_id, grants: 1 })
    expect(res.json().tokens).toBeGreaterThanOrEqual(2)
    expect(await userinfoStatus(forBao.access_token)).toBe(401)
    await expect(client.refreshTokenGrant(rp.config, forBao.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    })
    for (const subject of [CUONG, BAO.personalId])
      expect(await auditUnder(t, subject, 'accounts.dependent.oidc.consent.revoked')).toEqual([
        expect.objectContaining({
          actor: CUONG,
          data: expect.objectContaining({
            clientId: rp.creds.client_id,
            scopes: ['openid', 'profile', 'offline_access'],
          }),
        }),
      ])
    expect((await cuong('GET', connectionsOf(BAO.personalId))).json().items).toEqual([])
    const again = await cuong('DELETE', `${connectionsOf(BAO.personalId)}/${rp.creds.client_id}`)
    expect([again.statusCode, again.json().code]).toEqual([404, 'oidc.CONNECTION_NOT_FOUND'])
  })

  test('once the representation has ended, the representative can read nothing more', async () => {
    await t.db
      .updateTable('accounts_representation')
      .set({ ended_at: t.clock.now(), ended_reason: 'takeover' })
      .where('dependent_subject_id', '=', BAO.personalId)
      .execute()
    for (const url of [connectionsOf(BAO.personalId), logOf(BAO.personalId)]) {
      const res = await cuong('GET', url)
      expect([res.statusCode, res.json().code]).toEqual([403, 'accounts.REPRESENTATION_ENDED'])
    }
  })
})
