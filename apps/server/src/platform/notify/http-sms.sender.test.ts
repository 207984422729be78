import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { httpSmsSender } from './index.js'

// A sandbox SMS gateway on a local port: answers with the status the test asks for.
type Received = { auth: string | undefined; body: unknown }
let server: Server
let url: string
let nextStatus = 200
const received: Received[] = []

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    received.push({ auth: req.headers.authorization, body: await readBody(req) })
    res
      .writeHead(nextStatus, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: nextStatus }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const msg = {
  id: 'm1',
  channel: 'sms' as const,
  recipient: '+84912345678',
  subject: null,
  body: 'Ma OTP: 123456',
  template: 'otp',
}

describe('HTTP SMS gateway sender', () => {
  test('a 2xx answer is a delivery, sent as JSON {to, text} with the bearer token', async () => {
    nextStatus = 202
    expect(await httpSmsSender(url, 'sandbox-token').send(msg)).toEqual({ ok: true })
    expect(received.at(-1)).toEqual({
      auth: 'Bearer sandbox-token',
      body: { to: '+84912345678', text: 'Ma OTP: 123456' },
    })
  })

  test('a 4xx answer is a permanent failure', async () => {
    nextStatus = 400
    expect(await httpSmsSender(url, 't').send(msg)).toMatchObject({
      ok: false,
      permanent: true,
      error: /400/,
    })
  })

  test('429 (rate limited) is retried, not given up', async () => {
    nextStatus = 429
    expect(await httpSmsSender(url, 't').send(msg)).toMatchObject({ ok: false, permanent: false })
  })

  test('a 5xx answer is retried', async () => {
    nextStatus = 503
    expect(await httpSmsSender(url, 't').send(msg)).toMatchObject({
      ok: false,
      permanent: false,
      error: /503/,
    })
  })

  test('an unreachable gateway is retried', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((r) => closed.close(() => r()))
    expect(await httpSmsSender(`http://127.0.0.1:${port}/sms`, 't').send(msg)).toMatchObject({
      ok: false,
      permanent: false,
      error: /unreachable/,
    })
  })
})
