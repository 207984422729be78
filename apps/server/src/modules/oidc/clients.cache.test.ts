import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import type { Database } from '../../database.js'
import type { ChannelHandlers, Notifications } from '../../platform/db.notifications.js'
import { countingDb, openTestDb, type TestDb } from '../../test/harness.js'
import { cachedClient } from './clients.cache.js'
import { insertClient, setClientStatus } from './clients.repository.js'
import { hashClientSecret } from './clients.secret.js'

let handle: TestDb
let counter: ReturnType<typeof countingDb>
const now = new Date('2026-12-02T08:00:00Z')

beforeAll(async () => {
  handle = await openTestDb()
  counter = countingDb(handle)
}, 120_000)
afterAll(() => handle.close())

let n = 0
const givenClient = async () => {
  const clientId = `cache-client-${++n}-x`
  await insertClient(handle.db, {
    client_id: clientId,
    name: 'Cổng dịch vụ công',
    purpose: null,
    auth_method: 'client_secret_basic',
    secret_hash: hashClientSecret('s'),
    jwks: null,
    redirect_uris: ['https://rp.example/cb'],
    post_logout_redirect_uris: [],
    scopes: ['openid'],
    min_level: 1,
    sector: clientId,
    status: 'active',
    created_at: now,
    updated_at: now,
  })
  return clientId
}

/** Another process's write: straight to the table, so only the database's announcement tells this one. */
const suspendElsewhere = (clientId: string) =>
  handle.db
    .updateTable('oidc_client')
    .set({ status: 'suspended' })
    .where('client_id', '=', clientId)
    .execute()

/** The real notifications, with a switch that stops delivery as a lost connection would. */
const switchable = (real: Notifications) => {
  const heard: ChannelHandlers[] = []
  let down = false
  const notifications: Notifications = {
    listen: (channel, h) => {
      heard.push(h)
      return real.listen(channel, {
        message: (p) => down || h.message(p),
        state: (on) => h.state(on && !down),
      })
    },
    close: async () => {},
  }
  const setDown = (d: boolean) => {
    down = d
    for (const h of heard) h.state(!d)
  }
  return { notifications, setDown }
}

const listening = async (deps: { db: Kysely<Database>; notifications: Notifications }, clientId: string) => {
  // The first lookup starts listening; lookups are cached once the database confirms it.
  await cachedClient(deps, clientId)
  await vi.waitFor(async () => {
    counter.reset()
    await cachedClient(deps, clientId)
    await cachedClient(deps, clientId)
    expect(counter.statements).toBeLessThanOrEqual(1)
  })
}

describe('the client cache', () => {
  test('a client is read once, then served from memory', async () => {
    const clientId = await givenClient()
    const deps = { db: counter.db, notifications: switchable(handle.notifications).notifications }
    await listening(deps, clientId)
    counter.reset()
    const rows = await Promise.all([cachedClient(deps, clientId), cachedClient(deps, clientId)])
    expect(rows.map((r) => r?.client_id)).toEqual([clientId, clientId])
    expect(counter.statements).toBe(0)
  })

  test('a suspension written by another process reaches this one through the database', async () => {
    const clientId = await givenClient()
    const deps = { db: counter.db, notifications: switchable(handle.notifications).notifications }
    await listening(deps, clientId)
    await suspendElsewhere(clientId)
    await vi.waitFor(async () => expect((await cachedClient(deps, clientId))?.status).toBe('suspended'), {
      timeout: 2_000,
    })
  })

  test('a suspension written in this process is seen by the very next lookup', async () => {
    const clientId = await givenClient()
    const deps = { db: counter.db, notifications: switchable(handle.notifications).notifications }
    await listening(deps, clientId)
    await setClientStatus(handle.db, clientId, 'active', 'suspended', now)
    expect((await cachedClient(deps, clientId))?.status).toBe('suspended')
  })

  test('while announcements cannot be heard, every lookup reads the table', async () => {
    const clientId = await givenClient()
    const { notifications, setDown } = switchable(handle.notifications)
    const deps = { db: counter.db, notifications }
    await listening(deps, clientId)
    setDown(true)
    await suspendElsewhere(clientId)
    counter.reset()
    expect((await cachedClient(deps, clientId))?.status).toBe('suspended')
    expect((await cachedClient(deps, clientId))?.status).toBe('suspended')
    expect(counter.statements).toBe(2)
  })

  test('nothing cached before a lost connection is trusted after it comes back', async () => {
    const clientId = await givenClient()
    const { notifications, setDown } = switchable(handle.notifications)
    const deps = { db: counter.db, notifications }
    await listening(deps, clientId)
    setDown(true)
    await suspendElsewhere(clientId)
    setDown(false)
    expect((await cachedClient(deps, clientId))?.status).toBe('suspended')
  })

  test('a row whose change is announced while it is being read is not kept', async () => {
    const clientId = await givenClient()
    const { notifications } = switchable(handle.notifications)
    let announce: ((id: string) => void) | undefined
    const deps = {
      db: counter.db,
      notifications: {
        ...notifications,
        listen: (channel: string, h: ChannelHandlers) => {
          announce = h.message
          return notifications.listen(channel, h)
        },
      },
    }
    await listening(deps, clientId)
    // Forget the row listening() cached, so that the next lookup reads it.
    announce?.(clientId)
    counter.reset()
    const read = cachedClient(deps, clientId)
    announce?.(clientId)
    await read
    await cachedClient(deps, clientId)
    expect(counter.statements).toBe(2)
  })
})
