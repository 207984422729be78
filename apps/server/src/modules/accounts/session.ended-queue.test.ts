import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from './accounts.test-support.js'
import { insertSession, revokeSessions, takeEndedSessions } from './session.repository.js'

// The OpenID provider ends the provider sessions an ended accounts session opened (docs/oidc.md): it
// learns of them only through this queue, so a session that ends and is not queued would stay logged in.
let t: TestContext
let accountId: string

const newSession = async () => {
  const id = randomUUID()
  const now = t.clock.now()
  await insertSession(t.db, {
    id,
    account_id: accountId,
    device_id: null,
    token_hash: randomUUID(),
    csrf_hash: randomUUID(),
    methods: ['pwd'],
    ip: null,
    user_agent: null,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + 3_600_000),
  })
  return id
}

beforeAll(async () => {
  t = await startTestApp()
  accountId = await givenAccount(t.db, { subjectId: '079095001234', at: t.clock.now() })
}, 60_000)
afterAll(() => t.close())

describe('ended accounts sessions are queued for the OpenID provider', () => {
  test('every session revokeSessions ends is queued once, and only those', async () => {
    const [a, b, c] = [await newSession(), await newSession(), await newSession()]
    const ended = await revokeSessions(t.db, accountId, 'logged_out', t.clock.now(), { except: c })
    expect(ended.map((r) => r.id).sort()).toEqual([a, b].sort())
    // Ending them again ends nothing and queues nothing.
    expect(await revokeSessions(t.db, accountId, 'logged_out', t.clock.now(), { only: a })).toEqual([])
    expect((await takeEndedSessions(t.db, 10)).sort()).toEqual([a, b].sort())
    expect(await takeEndedSessions(t.db, 10)).toEqual([])
    await revokeSessions(t.db, accountId, 'account_locked', t.clock.now())
    expect(await takeEndedSessions(t.db, 10)).toEqual([c])
  })

  test('a lock that rolls back queues nothing; a sweep that rolls back leaves the queue as it was', async () => {
    const d = await newSession()
    await expect(
      t.db.transaction().execute(async (trx) => {
        await revokeSessions(trx, accountId, 'account_locked', t.clock.now())
        throw new Error('the lock failed')
      }),
    ).rejects.toThrow('the lock failed')
    expect(await takeEndedSessions(t.db, 10)).toEqual([])
    await revokeSessions(t.db, accountId, 'account_locked', t.clock.now())
    await expect(
      t.db.transaction().execute(async (trx) => {
        expect(await takeEndedSessions(trx, 10)).toEqual([d])
        throw new Error('the sweep crashed')
      }),
    ).rejects.toThrow('the sweep crashed')
    expect(await takeEndedSessions(t.db, 10)).toEqual([d])
  })
})
