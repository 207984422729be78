import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import {
  drainOutboxOnce,
  enqueueNotification,
  type Notification,
  type Sender,
  type Senders,
  type SendResult,
  startOutboxWorker,
} from './index.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())
beforeEach(async () => {
  await t.db.deleteFrom('platform_outbox').execute()
})

const otp = (recipient = '+84912345678'): Notification => ({
  channel: 'sms',
  recipient,
  template: 'otp',
  body: 'Ma xac thuc cua ban la 123456',
  data: { purpose: 'login' },
})
const enqueue = (msg: Notification = otp()) =>
  t.db.transaction().execute((trx) => enqueueNotification(trx, t.clock, msg))
const row = (id: string) =>
  t.db.selectFrom('platform_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

type Recording = Sender & { sent: string[] }
const recording = (answer: () => SendResult | Promise<SendResult> = () => ({ ok: true })): Recording => {
  const sent: string[] = []
  return {
    sent,
    send: async (m) => {
      sent.push(m.id)
      return answer()
    },
  }
}
const both = (s: Sender): Senders => ({ sms: s, email: s })
const deps = () => ({ db: t.db, clock: t.clock, log: t.deps.log })
const midJitter = { random: () => 0.5, backoffBaseMs: 60_000 }

describe('notification outbox: delivery', () => {
  test('a queued message is delivered and marked sent', async () => {
    const { id } = await enqueue()
    const sender = recording()
    expect(await drainOutboxOnce(deps(), both(sender))).toEqual({ sent: 1, retried: 0, failed: 0 })
    expect(sender.sent).toEqual([id])
    expect(await row(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sent_at: t.clock.now(),
      recipient: '+84912345678',
    })
  })

  test('a failing sender is retried with exponential backoff, then the message fails', async () => {
    const { id } = await enqueue()
    const sender = recording(() => ({ ok: false, permanent: false, error: 'gateway busy' }))
    const opts = { ...midJitter, maxAttempts: 3 }
    const start = t.clock.now().getTime()

    await drainOutboxOnce(deps(), both(sender), opts)
    // Equal jitter at 0.5: 3/4 of base · 2^(n-1).
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'gateway busy' })
    expect((await row(id)).next_attempt_at.getTime() - start).toBe(45_000)
    expect(await drainOutboxOnce(deps(), both(sender), opts)).toEqual({ sent: 0, retried: 0, failed: 0 })

    t.clock.advance(45_000)
    await drainOutboxOnce(deps(), both(sender), opts)
    expect((await row(id)).next_attempt_at.getTime() - t.clock.now().getTime()).toBe(90_000)

    t.clock.advance(90_000)
    expect(await drainOutboxOnce(deps(), both(sender), opts)).toEqual({ sent: 0, retried: 0, failed: 1 })
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'gateway busy' })
    expect(sender.sent).toHaveLength(3)
  })

  test('a permanent failure is not retried', async () => {
    const { id } = await enqueue()
    const sender = recording(() => ({ ok: false, permanent: true, error: 'number not in service' }))
    expect(await drainOutboxOnce(deps(), both(sender))).toEqual({ sent: 0, retried: 0, failed: 1 })
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 })
  })

  test('a sender that throws counts as a temporary failure', async () => {
    const { id } = await enqueue()
    const sender: Sender = {
      send: async () => {
        throw new Error('socket hang up')
      },
    }
    expect(await drainOutboxOnce(deps(), both(sender), midJitter)).toEqual({ sent: 0, retried: 1, failed: 0 })
    expect(await row(id)).toMatchObject({ status: 'queued', last_error: 'socket hang up' })
  })

  test('a rolled-back transaction leaves no outbox row', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueNotification(trx, t.clock, otp())
        throw new Error('registration failed')
      }),
    ).rejects.toThrow('registration failed')
    expect(await t.db.selectFrom('platform_outbox').selectAll().execute()).toEqual([])
  })

  test('two workers side by side never send the same message twice', async () => {
    const ids = new Set<string>()
    for (let i = 0; i < 40; i++) ids.add((await enqueue(otp(`+849${String(10000000 + i)}`))).id)
    const sender = recording(() => new Promise((r) => setTimeout(() => r({ ok: true }), 2)))
    const results = await Promise.all([
      drainOutboxOnce(deps(), both(sender), { batchSize: 5 }),
      drainOutboxOnce(deps(), both(sender), { batchSize: 5 }),
    ])
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(40)
    expect(sender.sent).toHaveLength(40)
    expect(new Set(sender.sent)).toEqual(ids)
  })

  test('a message claimed by a worker that died is sent again once its lease lapses', async () => {
    const { id } = await enqueue()
    const now = t.clock.now()
    // What a crash mid-send leaves behind: a claim nobody will finish.
    await t.db
      .updateTable('platform_outbox')
      .set({ status: 'sending', attempts: 1, next_attempt_at: new Date(now.getTime() + 300_000) })
      .where('id', '=', id)
      .execute()
    const sender = recording()
    expect((await drainOutboxOnce(deps(), both(sender))).sent).toBe(0)
    t.clock.advance(300_000)
    expect((await drainOutboxOnce(deps(), both(sender))).sent).toBe(1)
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 })
  })

  test('stopping the worker waits for the batch in flight', async () => {
    const { id } = await enqueue()
    let release: () => void = () => {}
    let started: () => void = () => {}
    const sending = new Promise<void>((r) => {
      started = r
    })
    const sender: Sender = {
      send: () =>
        new Promise((resolve) => {
          started()
          release = () => resolve({ ok: true })
        }),
    }
    const worker = startOutboxWorker(deps(), both(sender), { pollMs: 50 })
    await sending
    let stopped = false
    const stopping = worker.stop().then(() => {
      stopped = true
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(stopped).toBe(false)
    release()
    await stopping
    expect((await row(id)).status).toBe('sent')
  })

  test('phone recipients must be E.164 and email addresses well formed', async () => {
    await expect(enqueue(otp('0912345678'))).rejects.toMatchObject({ code: 'notify.INVALID_RECIPIENT' })
    await expect(enqueue({ ...otp(), channel: 'email', recipient: 'not-an-address' })).rejects.toMatchObject({
      code: 'notify.INVALID_RECIPIENT',
    })
    const { id } = await enqueue({ ...otp(), channel: 'email', recipient: ' An@Example.VN ', subject: 'OTP' })
    expect((await row(id)).recipient).toBe('an@example.vn')
  })
})
