import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { frozenClock } from '../../platform/clock.js'
import { countingDb, openTestDb, type TestDb } from '../../test/harness.js'
import { findPayloadCoalesced } from './adapter.coalesce.js'
import { findPayload, upsertPayload } from './adapter.repository.js'
import { compiledOnce } from './adapter.statements.js'
import { payloadAdapter } from './oidc.adapter.js'

let handle: TestDb
let counter: ReturnType<typeof countingDb>
const clock = frozenClock()

beforeAll(async () => {
  handle = await openTestDb()
  counter = countingDb(handle)
}, 120_000)
afterAll(() => handle.close())

let n = 0
const fresh = (prefix: string) => `${prefix}-${++n}`

const save = (
  model: string,
  id: string,
  payload: Record<string, unknown>,
  expiresInMs = 600_000,
  uid: string | null = null,
) =>
  upsertPayload(handle.db, {
    model,
    id,
    payload: JSON.stringify(payload),
    grant_id: typeof payload.grantId === 'string' ? payload.grantId : null,
    uid,
    user_code: null,
    expires_at: new Date(clock.now().getTime() + expiresInMs),
  })

describe('looking a token up as several kinds at once', () => {
  test('is one statement, and each kind gets only its own row', async () => {
    const id = fresh('token')
    await save('AccessToken', id, { kind: 'AccessToken' })
    await save('ClientCredentials', id, { kind: 'ClientCredentials' })
    counter.reset()
    const [access, machine, refresh] = await Promise.all([
      findPayloadCoalesced(counter.db, 'AccessToken', id, clock.now()),
      findPayloadCoalesced(counter.db, 'ClientCredentials', id, clock.now()),
      findPayloadCoalesced(counter.db, 'RefreshToken', id, clock.now()),
    ])
    expect(counter.statements).toBe(1)
    expect(access?.payload).toEqual({ kind: 'AccessToken' })
    expect(machine?.payload).toEqual({ kind: 'ClientCredentials' })
    expect(refresh).toBeUndefined()
  })

  test('an expired token is not found, shared lookup or not', async () => {
    const id = fresh('token')
    await save('AccessToken', id, { kind: 'AccessToken' }, 1_000)
    const later = new Date(clock.now().getTime() + 2_000)
    const [access, machine] = await Promise.all([
      findPayloadCoalesced(counter.db, 'AccessToken', id, later),
      findPayloadCoalesced(counter.db, 'ClientCredentials', id, later),
    ])
    expect(access).toBeUndefined()
    expect(machine).toBeUndefined()
    expect(await findPayloadCoalesced(counter.db, 'AccessToken', id, later)).toBeUndefined()
  })

  test('lookups of different ids, or one after another, are not merged', async () => {
    const [a, b] = [fresh('token'), fresh('token')]
    await save('AccessToken', a, { which: 'a' })
    await save('AccessToken', b, { which: 'b' })
    counter.reset()
    const both = await Promise.all([
      findPayloadCoalesced(counter.db, 'AccessToken', a, clock.now()),
      findPayloadCoalesced(counter.db, 'AccessToken', b, clock.now()),
    ])
    expect(both.map((r) => r?.payload)).toEqual([{ which: 'a' }, { which: 'b' }])
    expect(counter.statements).toBe(2)
    expect((await findPayloadCoalesced(counter.db, 'AccessToken', a, clock.now()))?.payload).toEqual({
      which: 'a',
    })
    expect(counter.statements).toBe(3)
  })
})

// oidc-provider's request context (what Provider.ctx reads); a deep import, the package has no exports map.
type RequestContext = { run<T>(ctx: object, fn: () => Promise<T>): Promise<T> }
const providerRequest = async <T>(fn: () => Promise<T>) => {
  const path = 'oidc-provider/lib/helpers/als.js'
  const als = ((await import(path)) as { default: RequestContext }).default
  return als.run({}, fn)
}

describe("a token's grant and session read with it, for the rest of one provider request", () => {
  const givenToken = async (grantExpiresInMs = 600_000) => {
    const [token, grantId, sessionId, sessionUid] = [fresh('at'), fresh('grant'), fresh('sess'), fresh('uid')]
    await save('Grant', grantId, { kind: 'Grant', accountId: 'a' }, grantExpiresInMs)
    await save('Session', sessionId, { kind: 'Session', uid: sessionUid }, 600_000, sessionUid)
    await save('AccessToken', token, { kind: 'AccessToken', grantId, sessionUid })
    return { token, grantId, sessionUid }
  }
  const adapters = () => ({
    grants: payloadAdapter({ db: counter.db, clock }, 'Grant'),
    sessions: payloadAdapter({ db: counter.db, clock }, 'Session'),
  })

  test('the token, its session and its grant are one statement', async () => {
    const { token, grantId, sessionUid } = await givenToken()
    const { grants, sessions } = adapters()
    await providerRequest(async () => {
      counter.reset()
      const found = await findPayloadCoalesced(counter.db, 'AccessToken', token, clock.now())
      expect(found?.payload).toMatchObject({ grantId, sessionUid })
      expect(await sessions.findByUid(sessionUid)).toMatchObject({ uid: sessionUid })
      expect(await grants.find(grantId)).toMatchObject({ kind: 'Grant' })
      expect(counter.statements).toBe(1)
      // Read ahead once only: a second find reads the table again.
      expect(await grants.find(grantId)).toMatchObject({ kind: 'Grant' })
      expect(counter.statements).toBe(2)
    })
  })

  test('an expired grant read ahead is not found, without another statement', async () => {
    const { token, grantId } = await givenToken(1_000)
    const later = new Date(clock.now().getTime() + 2_000)
    const laterAdapter = payloadAdapter({ db: counter.db, clock: { now: () => later } }, 'Grant')
    await providerRequest(async () => {
      counter.reset()
      expect(await findPayloadCoalesced(counter.db, 'AccessToken', token, later)).toBeDefined()
      expect(await laterAdapter.find(grantId)).toBeUndefined()
      expect(counter.statements).toBe(1)
    })
  })

  test('a grant written during the request is read again, never served from what was read before', async () => {
    const { token, grantId } = await givenToken()
    const { grants } = adapters()
    await providerRequest(async () => {
      await findPayloadCoalesced(counter.db, 'AccessToken', token, clock.now())
      await grants.upsert(grantId, { kind: 'Grant', accountId: 'changed' }, 600)
      expect(await grants.find(grantId)).toMatchObject({ accountId: 'changed' })
    })
  })

  test('nothing is kept outside a provider request, nor carried into the next one', async () => {
    const { token, grantId } = await givenToken()
    const { grants } = adapters()
    await findPayloadCoalesced(counter.db, 'AccessToken', token, clock.now())
    counter.reset()
    expect(await grants.find(grantId)).toMatchObject({ kind: 'Grant' })
    expect(counter.statements).toBe(1)
    await providerRequest(() => findPayloadCoalesced(counter.db, 'AccessToken', token, clock.now()))
    await providerRequest(async () => {
      counter.reset()
      expect(await grants.find(grantId)).toMatchObject({ kind: 'Grant' })
      expect(counter.statements).toBe(1)
    })
  })
})

describe('a statement compiled once', () => {
  test('binds each value to its own placeholder, whatever order the statement names them in', async () => {
    const id = fresh('session')
    await save('Session', id, { s: 1 })
    // The names in another order than the statement uses them.
    const find = compiledOnce(['key', 'model'] as const, (db, p) =>
      db.selectFrom('oidc_payload').select('payload').where('model', '=', p.model).where('id', '=', p.key),
    )
    expect((await find(handle.db, { key: id, model: 'Session' })).rows).toEqual([{ payload: { s: 1 } }])
    expect((await find(handle.db, { key: id, model: 'Grant' })).rows).toEqual([])
    expect(await findPayload(handle.db, 'Session', id, clock.now())).toMatchObject({ payload: { s: 1 } })
  })

  test('refuses a statement with a value fixed at compile time, which every run would reuse', async () => {
    const find = compiledOnce(['key'] as const, (db, p) =>
      db.selectFrom('oidc_payload').select('payload').where('model', '=', 'Session').where('id', '=', p.key),
    )
    await expect(find(handle.db, { key: 'x' })).rejects.toThrow(/fixed parameter/)
  })
})
