import type { Deps } from '../../deps.js'
import { AppError, fail } from '../../platform/errors.js'
import { hit, type RateRule } from '../authn/index.js'
import { SHARING } from './sharing.errors.js'

/** Where the route's reply takes the `retry-after` header (as authn's enforceRateLimit). */
export type RetryAfterSink = { header(name: string, value: string): unknown }

/** The refusals that say something about a token: what a verifier probing codes would collect. */
const PROBE_ANSWERS: ReadonlySet<string> = new Set(
  [
    SHARING.TOKEN_UNKNOWN,
    SHARING.TOKEN_USED,
    SHARING.TOKEN_EXPIRED,
    SHARING.SHARE_CANCELLED,
    SHARING.WRONG_CHANNEL,
  ].map((e) => e.code),
)

export const redeemFailureRule = (config: Deps['config']): RateRule => ({
  limit: config.VERIFIER_REDEEM_FAILURES_PER_MINUTE,
  windowSeconds: 60,
})

/**
 * A verifier's redemption failed: a refusal about the token counts in the verifier's per-minute window
 * (database-held, one atomic upsert, shared by every server process). Over the limit the answer becomes
 * sharing.RATE_LIMITED, so a verifier cannot learn the state of codes in bulk; other errors pass unchanged.
 */
export const countFailedRedemption = async (
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  clientId: string,
  error: unknown,
  reply?: RetryAfterSink,
): Promise<never> => {
  if (!(error instanceof AppError) || !PROBE_ANSWERS.has(error.code)) throw error
  const decision = await hit(deps, `share-redeem-failure:client:${clientId}`, redeemFailureRule(deps.config))
  if (decision.allowed) throw error
  reply?.header('retry-after', String(decision.retryAfterSeconds))
  return fail(SHARING.RATE_LIMITED, undefined, { retryAfterSeconds: decision.retryAfterSeconds })
}
