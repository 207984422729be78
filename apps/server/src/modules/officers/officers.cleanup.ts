import type { Deps } from '../../deps.js'
import { startPeriodic } from '../../platform/periodic.js'

const DAY_MS = 86_400_000
// Ended sessions stay a month for the officer's own session list; the audit log keeps the actions for years.
const SESSIONS_KEPT_MS = 30 * DAY_MS

/**
 * Deletes login challenges a day after they expired, sessions a month after they ended, and a first-login
 * session as soon as it is over: it holds a pending password hash and authenticator secret, kept no longer
 * than needed.
 */
export const cleanupOfficers = async (deps: Pick<Deps, 'db' | 'clock'>) => {
  const now = deps.clock.now()
  const dayAgo = new Date(now.getTime() - DAY_MS)
  const monthAgo = new Date(now.getTime() - SESSIONS_KEPT_MS)
  const challenges = await deps.db
    .deleteFrom('officers_login_challenge')
    .where('expires_at', '<', dayAgo)
    .executeTakeFirst()
  const setup = await deps.db
    .deleteFrom('officers_session')
    .where('stage', '<>', 'full')
    .where((eb) =>
      eb.or([
        eb('revoked_at', 'is not', null),
        eb('absolute_expires_at', '<', now),
        eb('idle_expires_at', '<', now),
      ]),
    )
    .executeTakeFirst()
  const sessions = await deps.db
    .deleteFrom('officers_session')
    .where((eb) =>
      eb.or([
        eb('revoked_at', '<', monthAgo),
        eb('absolute_expires_at', '<', monthAgo),
        eb('idle_expires_at', '<', monthAgo),
      ]),
    )
    .executeTakeFirst()
  return {
    loginChallenges: Number(challenges.numDeletedRows),
    setupSessions: Number(setup.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
  }
}

/** Runs the cleanup hourly; `stop()` waits for the run in progress. */
export const startOfficersCleanup = (
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  opts: { intervalMs?: number } = {},
) =>
  startPeriodic(() => cleanupOfficers(deps), {
    intervalMs: opts.intervalMs ?? 3_600_000,
    firstDelayMs: 60_000,
    onError: (e) => deps.log.error({ err: e }, 'officers cleanup failed'),
  })
