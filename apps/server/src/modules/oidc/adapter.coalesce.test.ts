import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../../database.js'
import { frozenClock } from '../../platform/clock.js'
import { openTestDb, type TestDb } from '../../test/harness.js'
import { findPayloadCoalesced } from './adapter.coalesce.js'
import { findPayload, upsertPayload } from './adapter.repository.js'
import { compiledOnce } from './adapter.statements.js'

let handle: TestDb
// A second Kysely over the same connections that counts the statements it sends (never destroyed: it
// would close the test database's pool).
let counted: Kysely<Database>
let statements = 0
const clock = frozenClock()

beforeAll(async () => {
  handle = await openTestDb()
  const dialect = handle.pool
    ? new PostgresDialect({ pool: handle.pool })
    : new PGliteDialect({ pglite: handle.pglite as NonNullable<TestDb['pglite']> })
  counted = new Kysely<Database>({
    dialect,
    log: (e) => {
      if (e.level === 'query') statements++
    },
  })
}, 120_000)
afterAll(() => handle.close())

let n = 0
const fresh = (prefix: string) => `${prefix}-${++n}`

const save = (model: string, id: string, payload: Record<string, unknown>, expiresInMs = 600_000) =>
  upsertPayload(handle.db, {
    model,
    id,
    payload: JSON.stringify(payload),
    grant_id: null,
    uid: null,
    user_code: null,
    expires_at: new Date(clock.now().getTime() + expiresInMs),
  })

describe('looking a token up as several kinds at once', () => {
  test('is one statement, and each kind gets only its own row', async () => {
    const id = fresh('token')
    await save('AccessToken', id, { kind: 'AccessToken' })
    await save('ClientCredentials', id, { kind: 'ClientCredentials' })
    statements = 0
    const [access, machine, refresh] = await Promise.all([
      findPayloadCoalesced(counted, 'AccessToken', id, clock.now()),
      findPayloadCoalesced(counted, 'ClientCredentials', id, clock.now()),
      findPayloadCoalesced(counted, 'RefreshToken', id, clock.now()),
    ])
    expect(statements).toBe(1)
    expect(access?.payload).toEqual({ kind: 'AccessToken' })
    expect(machine?.payload).toEqual({ kind: 'ClientCredentials' })
    expect(refresh).toBeUndefined()
  })

  test('an expired token is not found, shared lookup or not', async () => {
    const id = fresh('token')
    await save('AccessToken', id, { kind: 'AccessToken' }, 1_000)
    const later = new Date(clock.now().getTime() + 2_000)
    const [access, machine] = await Promise.all([
      findPayloadCoalesced(counted, 'AccessToken', id, later),
      findPayloadCoalesced(counted, 'ClientCredentials', id, later),
    ])
    expect(access).toBeUndefined()
    expect(machine).toBeUndefined()
    expect(await findPayloadCoalesced(counted, 'AccessToken', id, later)).toBeUndefined()
  })

  test('lookups of different ids, or one after another, are not merged', async () => {
    const [a, b] = [fresh('token'), fresh('token')]
    await save('AccessToken', a, { which: 'a' })
    await save('AccessToken', b, { which: 'b' })
    statements = 0
    const both = await Promise.all([
      findPayloadCoalesced(counted, 'AccessToken', a, clock.now()),
      findPayloadCoalesced(counted, 'AccessToken', b, clock.now()),
    ])
    expect(both.map((r) => r?.payload)).toEqual([{ which: 'a' }, { which: 'b' }])
    expect(statements).toBe(2)
    expect((await findPayloadCoalesced(counted, 'AccessToken', a, clock.now()))?.payload).toEqual({
      which: 'a',
    })
    expect(statements).toBe(3)
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
