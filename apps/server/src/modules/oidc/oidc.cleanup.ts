import type { Deps } from '../../deps.js'
import { startPeriodic } from '../../platform/periodic.js'
import { deleteExpiredPayloads } from './adapter.repository.js'
import { deleteOldQrLogins } from './qr-login.repository.js'
import { deleteFinishedDeliveries } from './session-end.repository.js'

// Finished back-channel logout deliveries are kept for a month (support questions), then deleted.
const DELIVERIES_KEPT_MS = 30 * 86_400_000

/** Deletes expired sessions, interactions, codes, tokens and grants once (they are already invisible). */
export const cleanupOidc = async (deps: Pick<Deps, 'db' | 'clock'>) => ({
  payloads: await deleteExpiredPayloads(deps.db, deps.clock.now()),
  qrLogins: await deleteOldQrLogins(deps.db, deps.clock.now()),
  logoutDeliveries: await deleteFinishedDeliveries(
    deps.db,
    new Date(deps.clock.now().getTime() - DELIVERIES_KEPT_MS),
  ),
})

/** Runs the cleanup every 10 minutes; `stop()` waits for the run in progress. */
export const startOidcCleanup = (
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  opts: { intervalMs?: number } = {},
) =>
  startPeriodic(() => cleanupOidc(deps), {
    intervalMs: opts.intervalMs ?? 600_000,
    firstDelayMs: 45_000,
    onError: (e) => deps.log.error({ err: e }, 'oidc cleanup failed'),
  })
