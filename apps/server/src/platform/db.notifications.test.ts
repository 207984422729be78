import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { openTestDb, type TestDb } from '../test/harness.js'
import { postgresNotifications } from './db.notifications.js'

let handle: TestDb
beforeAll(async () => {
  handle = await openTestDb()
}, 120_000)
afterAll(() => handle.close())

const channel = () => `test_${randomBytes(4).toString('hex')}`
const notify = (ch: string, payload: string) => sql`SELECT pg_notify(${ch}, ${payload})`.execute(handle.db)

describe('notifications from the database', () => {
  test('what a committed transaction announces is heard, what a rolled-back one announced is not', async () => {
    const ch = channel()
    const heard: string[] = []
    const stop = await handle.notifications.listen(ch, { message: (p) => heard.push(p), state: () => {} })
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await sql`SELECT pg_notify(${ch}, 'lost')`.execute(trx)
        throw new Error('roll back')
      })
      .catch(() => {})
    await notify(ch, 'kept')
    await vi.waitFor(() => expect(heard).toEqual(['kept']))
    await stop()
  })

  test('a listener is told when it starts hearing', async () => {
    const states: boolean[] = []
    const stop = await handle.notifications.listen(channel(), {
      message: () => {},
      state: (on) => states.push(on),
    })
    expect(states.at(-1)).toBe(true)
    await stop()
    expect(states.at(-1)).toBe(false)
  })

  test('a channel name that is not an identifier is refused, never put in a statement', async () => {
    await expect(
      handle.notifications.listen('x; DROP TABLE oidc_client', { message: () => {}, state: () => {} }),
    ).rejects.toThrow(/not a channel name/)
  })

  test.runIf(process.env.DATABASE_URL)(
    'PostgreSQL: a lost listening connection is reported, replaced, and listens again',
    async () => {
      const url = process.env.DATABASE_URL as string
      const name = `dd-notify-test-${randomBytes(4).toString('hex')}`
      const warnings: string[] = []
      const own = postgresNotifications(url, { warn: (_o, m) => warnings.push(m) }, name)
      const ch = channel()
      const states: boolean[] = []
      const heard: string[] = []
      await own.listen(ch, { message: (p) => heard.push(p), state: (on) => states.push(on) })
      try {
        await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${name}`.execute(
          handle.db,
        )
        await vi.waitFor(() => expect(states).toEqual([true, false, true]), { timeout: 5_000 })
        await notify(ch, 'after')
        await vi.waitFor(() => expect(heard).toEqual(['after']))
      } finally {
        await own.close()
      }
    },
  )
})
