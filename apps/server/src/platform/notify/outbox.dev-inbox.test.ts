import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { enqueueNotification } from './index.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
  for (const [recipient, body] of [
    ['+84912345678', 'first'],
    ['+84987654321', 'other person'],
    ['+84912345678', 'second'],
  ] as const) {
    t.clock.advance(1000)
    await enqueueNotification(t.db, t.clock, { channel: 'sms', recipient, template: 'otp', body })
  }
})
afterAll(() => t.close())

describe('development inbox', () => {
  test('lists one recipient’s messages, newest first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/dev/outbox?recipient=%2B84912345678&channel=sms' })
    expect(res.statusCode).toBe(200)
    expect(res.json().messages.map((m: { body: string }) => m.body)).toEqual(['second', 'first'])
    expect(res.json().messages[0]).toMatchObject({
      channel: 'sms',
      status: 'queued',
      template: 'otp',
      sentAt: null,
    })
  })

  test('honours the limit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/dev/outbox?limit=1' })
    expect(res.json().messages).toHaveLength(1)
  })

  test('is not mounted in production', async () => {
    const prod = await startTestApp({ NODE_ENV: 'production', PHONE_OWNERSHIP: 'off' })
    try {
      const res = await prod.app.inject({ method: 'GET', url: '/dev/outbox' })
      expect(res.statusCode).toBe(404)
    } finally {
      await prod.close()
    }
  })
})
