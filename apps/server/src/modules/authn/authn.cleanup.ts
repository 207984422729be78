import type { Logger } from 'pino'
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
export const startAuthnCleanup = (deps: AuthnDeps & { log: Logger }, opts: { intervalMs?: number } = {}) => {
  let stopped = false
  let run: Promise<unknown> = Promise.resolve()
  const tick = () => {
    if (stopped) return
    run = cleanupAuthn(deps)
      .catch((e: unknown) => deps.log.error({ err: e }, 'authn cleanup failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 600_000)
      })
  }
  let timer = setTimeout(tick, 30_000)
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await run
    },
  }
}
