import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cleanupRateLimits, hit, hitAll, slidingDecision } from './authn.rate-limit.js'
import { type AuthnTest, givenAuthn } from './authn.test-support.js'

let t: AuthnTest
beforeAll(async () => {
  t = await givenAuthn()
})
afterAll(() => t.close())

const rule = { limit: 3, windowSeconds: 60 }

describe('rate limiter', () => {
  test('allows `limit` hits in a window, then says when to come back', async () => {
    t.clock.set('2026-11-23T03:00:00Z')
    const key = 'login:ip:203.0.113.7'
    const decisions = []
    for (let i = 0; i < 4; i++) decisions.push(await hit(t.deps, key, rule))
    expect(decisions).toEqual([
      { allowed: true, remaining: 2, retryAfterSeconds: 0 },
      { allowed: true, remaining: 1, retryAfterSeconds: 0 },
      { allowed: true, remaining: 0, retryAfterSeconds: 0 },
      { allowed: false, remaining: 0, retryAfterSeconds: 90 },
    ])
  })

  test('the previous window still weighs: no burst of 2×limit around a window boundary', async () => {
    t.clock.set('2026-11-23T04:00:50Z')
    const key = 'login:account:079095001234'
    for (let i = 0; i < 3; i++) expect((await hit(t.deps, key, rule)).allowed).toBe(true)
    t.clock.set('2026-11-23T04:01:05Z') // a fixed window would allow 3 more now
    const denied = await hit(t.deps, key, rule)
    expect(denied.allowed).toBe(false)
    t.clock.advance(denied.retryAfterSeconds * 1000)
    expect((await hit(t.deps, key, rule)).allowed).toBe(true)
  })

  test('the retry-after it gives is when the next hit is allowed again', () => {
    for (const [current, previous, f] of [
      [4, 0, 0],
      [2, 3, 0.1],
      [3, 3, 0.5],
      [10, 7, 0.9],
    ] as const) {
      const d = slidingDecision(rule, { current, previous }, f)
      expect(d.allowed).toBe(false)
      // Simulate waiting retryAfter seconds and hitting once more.
      const later = f + d.retryAfterSeconds / 60
      const estimate = later < 1 ? previous * (1 - later) + current + 1 : current * (1 - (later - 1)) + 1
      expect(estimate).toBeLessThanOrEqual(rule.limit + 1e-9)
      const earlier = f + (d.retryAfterSeconds - 1) / 60
      const before = earlier < 1 ? previous * (1 - earlier) + current + 1 : current * (1 - (earlier - 1)) + 1
      if (d.retryAfterSeconds > 1) expect(before).toBeGreaterThan(rule.limit)
    }
  })

  test('keys and window sizes are counted apart', async () => {
    t.clock.set('2026-11-23T06:00:00Z')
    for (let i = 0; i < 3; i++) await hit(t.deps, 'otp:phone:a', rule)
    expect((await hit(t.deps, 'otp:phone:b', rule)).allowed).toBe(true)
    // Same key, an hourly rule: its window starts at the same instant but is a counter of its own.
    expect(await hit(t.deps, 'otp:phone:a', { limit: 10, windowSeconds: 3600 })).toMatchObject({
      allowed: true,
      remaining: 9,
    })
  })

  test('several keys in one statement, decisions in the order given', async () => {
    t.clock.set('2026-11-23T06:30:00Z')
    for (let i = 0; i < 3; i++) await hit(t.deps, 'login:ip:192.0.2.200', rule)
    expect(
      await hitAll(t.deps, [
        { key: 'login:account:079095000001', rule },
        { key: 'login:ip:192.0.2.200', rule },
      ]),
    ).toMatchObject([
      { allowed: true, remaining: 2 },
      { allowed: false, remaining: 0 },
    ])
  })

  test('concurrent hits each get their own count: exactly `limit` pass', async () => {
    t.clock.set('2026-11-23T07:00:00Z')
    const decisions = await Promise.all(
      Array.from({ length: 20 }, () =>
        hit(t.deps, 'login:ip:198.51.100.1', { limit: 10, windowSeconds: 60 }),
      ),
    )
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10)
  })

  test('cleanup deletes windows that no longer count', async () => {
    t.clock.set('2026-11-23T08:00:00Z')
    await hit(t.deps, 'cleanup:a', rule)
    t.clock.advance(60_000)
    await hit(t.deps, 'cleanup:b', rule)
    t.clock.advance(60_000) // cleanup:a's window no longer weighs; cleanup:b's is the previous one
    await cleanupRateLimits(t.deps)
    const keys = (await t.handle.db.selectFrom('authn_rate_limit').select('key').execute()).map((r) => r.key)
    expect(keys).toContain('cleanup:b')
    expect(keys).not.toContain('cleanup:a')
  })
})
