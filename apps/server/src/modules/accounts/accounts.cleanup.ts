import type { Deps } from '../../deps.js'
import { startPeriodic } from '../../platform/periodic.js'

const DAY_MS = 86_400_000
// Ended sessions stay listed for a month (the audit log keeps the history for five years).
const SESSIONS_KEPT_MS = 30 * DAY_MS

/** Deletes login and passkey challenges a day after they expired, and sessions a month after they ended. */
export const cleanupAccounts = async (deps: Pick<Deps, 'db' | 'clock'>) => {
  const now = deps.clock.now().getTime()
  const dayAgo = new Date(now - DAY_MS)
  const monthAgo = new Date(now - SESSIONS_KEPT_MS)
  const challenges = await deps.db
    .deleteFrom('accounts_login_challenge')
    .where('expires_at', '<', dayAgo)
    .executeTakeFirst()
  const passkeyChallenges = await deps.db
    .deleteFrom('accounts_webauthn_challenge')
    .where('expires_at', '<', dayAgo)
    .executeTakeFirst()
  const sessions = await deps.db
    .deleteFrom('accounts_session')
    .where((eb) => eb.or([eb('revoked_at', '<', monthAgo), eb('expires_at', '<', monthAgo)]))
    .executeTakeFirst()
  return {
    loginChallenges: Number(challenges.numDeletedRows),
    passkeyChallenges: Number(passkeyChallenges.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
  }
}

/** Runs the cleanup hourly; `stop()` waits for the run in progress. */
export const startAccountsCleanup = (
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  opts: { intervalMs?: number } = {},
) =>
  startPeriodic(() => cleanupAccounts(deps), {
    intervalMs: opts.intervalMs ?? 3_600_000,
    firstDelayMs: 60_000,
    onError: (e) => deps.log.error({ err: e }, 'accounts cleanup failed'),
  })
