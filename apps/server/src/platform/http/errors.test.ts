import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { defineErrors, fail } from '../errors.js'

const DEMO = defineErrors('demo', { GONE: [410, 'It is gone'] })

let t: TestContext
beforeAll(async () => {
  t = await startTestApp({}, (app) => {
    app.post(
      '/api/v1/test/echo',
      { schema: { body: z.object({ n: z.number().int() }) } },
      async (req) => req.body,
    )
    app.get('/api/v1/test/gone', async () => fail(DEMO.GONE))
    app.get('/api/v1/test/crash', async () => {
      throw new Error('secret internals at /etc/passwd')
    })
  })
})
afterAll(() => t.close())

describe('errors always answer { code, message } and never leak internals', () => {
  test('a schema violation is a 400 with the platform validation code and the field path', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { n: 'x' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'platform.VALIDATION' })
    expect(res.json().message).toContain('body.n')
  })

  test('malformed JSON is a 400 with a stable code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"n":',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('platform.BAD_REQUEST')
  })

  test('a domain error keeps its own status and code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/test/gone' })
    expect(res.statusCode).toBe(410)
    expect(res.json()).toEqual({ code: 'demo.GONE', message: 'It is gone' })
  })

  test('an unexpected error is a plain 500 without the stack or message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/test/crash' })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: 'platform.INTERNAL', message: 'Internal error' })
    expect(res.body).not.toContain('passwd')
  })
})
