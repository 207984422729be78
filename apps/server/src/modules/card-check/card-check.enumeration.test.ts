import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildApp } from '../../app.js'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { givenVerifier, qrOf } from './card-check.test-support.js'

// A verifier that may check card QRs could probe the registry number by number (does it exist, does this
// name match); a per-verifier limit a minute, kept in the database, slows that to a crawl.
const AN = '079095001234'
const LIMIT = 3

let t: TestContext
beforeAll(async () => {
  t = await startTestApp({ VERIFIER_CARD_CHECKS_PER_MINUTE: String(LIMIT) })
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
})
afterAll(() => t.close())

type Verifier = Awaited<ReturnType<typeof givenVerifier>>
const check = (v: Verifier, qr: string, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/v1/verifier/card-qr', headers: v.headers, payload: { qr } })
// Made-up numbers in An's district, as an enumeration would try them.
const probe = (n: number) =>
  `07909500${String(9000 + n).padStart(4, '0')}||Nguyễn Văn Nam|01011995|Nam|1 Lê Lợi, Quận 1|01062021`
const checksLogged = async () =>
  (await t.db.selectFrom('data_access_log').select('id').where('channel', '=', 'card_qr.check').execute())
    .length

describe('a verifier cannot enumerate the registry through printed-card QR checks', () => {
  test('past its limit a minute a check is 429 card_check.RATE_LIMITED with Retry-After, and nothing is read or logged', async () => {
    const v = await givenVerifier(t, { scope: 'share_redeem', name: 'Máy quét dò số' })
    for (let i = 0; i < LIMIT - 1; i++) expect((await check(v, probe(i))).statusCode).toBe(200)
    expect((await check(v, await qrOf(t, AN))).json()).toMatchObject({ verdict: 'valid' })
    const logged = await checksLogged()
    const res = await check(v, await qrOf(t, AN))
    expect(res.statusCode).toBe(429)
    const body = res.json()
    expect(body).toMatchObject({
      code: 'card_check.RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    })
    expect(res.headers['retry-after']).toBe(String(body.details.retryAfterSeconds))
    expect(res.body).not.toContain('verdict')
    expect(await checksLogged()).toBe(logged)
    // The limit comes before the QR is even read: a malformed one is refused the same way.
    expect((await check(v, 'not a card')).json()).toMatchObject({ code: 'card_check.RATE_LIMITED' })
  })

  test('the limit is per verifier: another verifier is not slowed down by the first one', async () => {
    const greedy = await givenVerifier(t, { scope: 'share_redeem', name: 'Máy quét nhiều' })
    for (let i = 0; i < LIMIT; i++) await check(greedy, probe(i))
    expect((await check(greedy, probe(9))).statusCode).toBe(429)
    const other = await givenVerifier(t, { scope: 'share_redeem', name: 'Khách sạn Thử nghiệm' })
    expect((await check(other, await qrOf(t, AN))).statusCode).toBe(200)
  })

  test('once Retry-After has passed on the clock, the verifier checks again', async () => {
    const v = await givenVerifier(t, { scope: 'share_redeem', name: 'Máy quét kiên nhẫn' })
    for (let i = 0; i < LIMIT; i++) await check(v, probe(i))
    const limited = await check(v, probe(LIMIT))
    expect(limited.statusCode).toBe(429)
    const wait = Number(limited.headers['retry-after'])
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(120)
    t.clock.advance(wait * 1000)
    const again = await check(v, await qrOf(t, AN))
    expect(again.statusCode, again.body).toBe(200)
    // Past both windows the verifier has its whole allowance back.
    t.clock.advance(120_000)
    const fresh = await givenVerifier(t, { scope: 'share_redeem', name: 'Máy quét kiên nhẫn 2' })
    for (let i = 0; i < LIMIT; i++) expect((await check(fresh, probe(i))).statusCode).toBe(200)
  })

  test('two server instances on one database count into the same window (WORKERS=N)', async () => {
    const second = await buildApp(t.deps)
    await second.ready()
    try {
      const v = await givenVerifier(t, { scope: 'share_redeem', name: 'Máy quét hai máy chủ' })
      const results = await Promise.all(
        Array.from({ length: 2 * LIMIT }, (_, i) => check(v, probe(i), i % 2 ? second : t.app)),
      )
      const codes = results.map((r) => r.statusCode).sort()
      expect(codes).toEqual([...Array(LIMIT).fill(200), ...Array(LIMIT).fill(429)])
    } finally {
      await second.close()
    }
  })
})
