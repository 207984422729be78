import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { enforceRateLimit } from './authn.rate-limit.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp({}, (app) => {
    app.post('/test/login', async (req, reply) => {
      await enforceRateLimit(t.deps, `login:ip:${req.ip}`, { limit: 2, windowSeconds: 60 }, reply)
      return { ok: true }
    })
  })
})
afterAll(() => t.close())

test('a route over its limit answers 429 authn.RATE_LIMITED with retry-after', async () => {
  const call = () => t.app.inject({ method: 'POST', url: '/test/login' })
  expect((await call()).statusCode).toBe(200)
  expect((await call()).statusCode).toBe(200)
  const res = await call()
  expect(res.statusCode).toBe(429)
  expect(res.json()).toMatchObject({ code: 'authn.RATE_LIMITED', details: { retryAfterSeconds: 100 } })
  expect(res.headers['retry-after']).toBe('100')
})
