import type { Logger } from 'pino'
import type { Db } from '../../database.js'
import type { Config } from '../../platform/config.js'
import type { OwnershipResult, PhoneOwnershipChecker } from './phone-ownership.port.js'
import { createSandboxPhoneOwnership } from './phone-ownership.sandbox.js'

/** No carrier is asked: every number passes (a deployment without a subscriber-information connection). */
export const phoneOwnershipOff: PhoneOwnershipChecker = {
  source: 'off',
  check: async () => ({ result: 'own_name' }),
}

/**
 * A carrier that fails or does not answer within `ms` is `unavailable`: the caller retries later instead of
 * deciding on no answer. The error is logged without the query (it holds a phone number).
 */
export const withDeadline = (
  inner: PhoneOwnershipChecker,
  ms: number,
  log: Logger,
): PhoneOwnershipChecker => ({
  source: inner.source,
  check: async (query) => {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<{ result: OwnershipResult }>((resolve) => {
      timer = setTimeout(() => resolve({ result: 'unavailable' }), ms)
    })
    const answer = inner.check(query).catch((err: unknown) => {
      log.warn({ err, source: inner.source }, 'phone ownership check failed')
      return { result: 'unavailable' as const }
    })
    try {
      return await Promise.race([answer, late])
    } finally {
      clearTimeout(timer)
    }
  },
})

/** The checker `PHONE_OWNERSHIP` names, behind the deadline `PHONE_OWNERSHIP_TIMEOUT_MS`. */
export const createPhoneOwnership = (
  config: Pick<
    Config,
    | 'PHONE_OWNERSHIP'
    | 'PHONE_OWNERSHIP_TIMEOUT_MS'
    | 'PHONE_OWNERSHIP_SANDBOX_LATENCY_MS'
    | 'PHONE_OWNERSHIP_SANDBOX_OUTAGE'
  >,
  deps: { db: Db; log: Logger },
): PhoneOwnershipChecker => {
  if (config.PHONE_OWNERSHIP === 'off') return phoneOwnershipOff
  const sandbox = createSandboxPhoneOwnership(deps.db, {
    latencyMs: config.PHONE_OWNERSHIP_SANDBOX_LATENCY_MS,
    outage: config.PHONE_OWNERSHIP_SANDBOX_OUTAGE,
  })
  return withDeadline(sandbox, config.PHONE_OWNERSHIP_TIMEOUT_MS, deps.log)
}
