import type { Logger } from 'pino'
import { startPeriodic } from '../../platform/periodic.js'
import type { AuthnDeps } from './authn.deps.js'
import { cleanupLoginFailures } from './authn.lockout.js'
import { cleanupOtps } from './authn.otp.js'
import { cleanupRateLimits } from './authn.rate-limit.js'

/** Deletes expired codes, rate windows and login failures once. */
export const cleanupAuthn = async (deps: AuthnDeps) => ({
  otps: await cleanupOtps(deps),
  rateWindows: await cleanupRateLimits(deps),
  loginFailures: Number(await cleanupLoginFailures(deps)),
})

/** Runs the cleanup on a schedule (every 10 minutes by default); `stop()` waits for the run in progress. */
export const startAuthnCleanup = (deps: AuthnDeps & { log: Logger }, opts: { intervalMs?: number } = {}) =>
  startPeriodic(() => cleanupAuthn(deps), {
    intervalMs: opts.intervalMs ?? 600_000,
    firstDelayMs: 30_000,
    onError: (e) => deps.log.error({ err: e }, 'authn cleanup failed'),
  })
