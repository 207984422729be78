import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { hit, type RateRule } from '../authn/index.js'
import { CARD_CHECK } from './card-check.errors.js'

/** Where the route's reply takes the `retry-after` header (as authn's enforceRateLimit). */
export type RetryAfterSink = { header(name: string, value: string): unknown }

export const verifierCheckRule = (config: Deps['config']): RateRule => ({
  limit: config.VERIFIER_CARD_CHECKS_PER_MINUTE,
  windowSeconds: 60,
})

/**
 * Counts one card check by a verifier in the shared, database-held window (authn's sliding window: one
 * atomic upsert, so every server process counts into the same row). Over the limit it throws
 * card_check.RATE_LIMITED before the registry is read, so nothing is checked or logged.
 */
export const limitVerifierChecks = async (
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  clientId: string,
  reply?: RetryAfterSink,
): Promise<void> => {
  const decision = await hit(deps, `card-qr:client:${clientId}`, verifierCheckRule(deps.config))
  if (decision.allowed) return
  reply?.header('retry-after', String(decision.retryAfterSeconds))
  fail(CARD_CHECK.RATE_LIMITED, undefined, { retryAfterSeconds: decision.retryAfterSeconds })
}
