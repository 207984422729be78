import type { Deps } from '../../deps.js'
import { startPeriodic } from '../../platform/periodic.js'
import { type OidcRuntime, oidcRuntimeOf } from './oidc.provider.js'
import { type DeliveryOptions, deliverDueLogouts } from './session-end.delivery.js'
import { sweepEndedSessions } from './session-end.sweep.js'

/** One round: end the provider sessions of ended accounts sessions, then send the logout tokens due. */
export const runSessionEndLogout = async (deps: Deps, runtime: OidcRuntime, opts: DeliveryOptions = {}) => ({
  ...(await sweepEndedSessions(deps)),
  ...(await deliverDueLogouts(deps, runtime, opts)),
})

/**
 * Back-channel logout when the citizen's session ends outside the provider (docs/oidc.md): every few
 * seconds, on every instance side by side (rows are claimed, never shared); `stop()` waits for the round.
 */
export const startSessionEndLogout = (deps: Deps, opts: { intervalMs?: number } = {}) => {
  const runtime = oidcRuntimeOf(deps)
  return startPeriodic(() => runSessionEndLogout(deps, runtime), {
    intervalMs: opts.intervalMs ?? 5000,
    firstDelayMs: 5000,
    onError: (e) => deps.log.error({ err: e }, 'oidc session-end logout failed'),
  })
}
