import type { Db } from '../../database.js'
import { fail } from '../../platform/errors.js'
import type { AuthnDeps } from './authn.deps.js'
import { AUTHN } from './authn.errors.js'
import { countHits, deleteExpiredWindows, deleteKey } from './authn.rate-limit.repository.js'

/** At most `limit` hits in any `windowSeconds` (estimated from two fixed windows, see slidingDecision). */
export type RateRule = { limit: number; windowSeconds: number }
export type RateDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number }

/**
 * The sliding-window estimate (as Cloudflare's and nginx's limiters do): the previous window's count,
 * weighted by the share of it still inside the sliding window, plus the current count. Unlike a plain
 * fixed window it does not let 2×limit through around a window boundary. `current` includes this hit.
 */
export const slidingDecision = (
  rule: RateRule,
  counts: { current: number; previous: number },
  elapsedFraction: number,
): RateDecision => {
  const { limit, windowSeconds: w } = rule
  const { current, previous } = counts
  const estimate = previous * (1 - elapsedFraction) + current
  const allowed = estimate <= limit
  const remaining = Math.max(0, Math.floor(limit - estimate))
  if (remaining > 0) return { allowed, remaining, retryAfterSeconds: 0 }
  // When one more hit would fit: later in this window as the previous one fades, or else in the next.
  let wait: number
  const room = limit - current - 1
  if (room >= 0 && previous > 0) wait = (1 - room / previous - elapsedFraction) * w
  else wait = (1 - elapsedFraction) * w + Math.max(0, 1 - (limit - 1) / current) * w
  return { allowed, remaining, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(wait)) }
}

/**
 * Counts a hit on `key` (e.g. `login:ip:1.2.3.4`, `login:account:079095001234`) and says whether it is
 * within the rule. Denied hits count too: a client that keeps hammering stays limited. Pass a transaction
 * as `deps.db` to make the hit part of it (it is then undone if the transaction rolls back).
 */
export const hit = async (deps: AuthnDeps, key: string, rule: RateRule): Promise<RateDecision> => {
  const [decision] = await hitAll(deps, [{ key, rule }])
  return decision as RateDecision
}

/**
 * Several keys at once (e.g. per IP and per account), in one round trip; decisions in the order given.
 */
export const hitAll = async (
  deps: AuthnDeps,
  hits: readonly { key: string; rule: RateRule }[],
): Promise<RateDecision[]> => {
  if (hits.length === 0) return []
  const now = deps.clock.now().getTime()
  const windows = hits.map(({ key, rule }) => {
    const wMs = rule.windowSeconds * 1000
    return { key, windowSeconds: rule.windowSeconds, start: new Date(Math.floor(now / wMs) * wMs) }
  })
  const counts = await countHits(deps.db, windows)
  return hits.map(({ rule }, i) => {
    const c = counts[i]
    const w = windows[i]
    if (!c || !w) throw new Error('rate limiter: a count is missing')
    return slidingDecision(rule, c, (now - w.start.getTime()) / (rule.windowSeconds * 1000))
  })
}

/**
 * For routes: counts the hit and throws `authn.RATE_LIMITED` (429) when over the rule, with
 * `details.retryAfterSeconds`; pass the reply to also set the `retry-after` header.
 */
export const enforceRateLimit = async (
  deps: AuthnDeps,
  key: string,
  rule: RateRule,
  reply?: { header(name: string, value: string): unknown },
): Promise<RateDecision> => {
  const decision = await hit(deps, key, rule)
  if (!decision.allowed) {
    reply?.header('retry-after', String(decision.retryAfterSeconds))
    fail(AUTHN.RATE_LIMITED, undefined, { retryAfterSeconds: decision.retryAfterSeconds })
  }
  return decision
}

/** Forgets every window of a key. */
export const resetRateLimit = (db: Db, key: string) => deleteKey(db, key)

/** Deletes windows that no longer weigh in any estimate; run it on a schedule. */
export const cleanupRateLimits = (deps: AuthnDeps): Promise<number> =>
  deleteExpiredWindows(deps.db, deps.clock.now())
