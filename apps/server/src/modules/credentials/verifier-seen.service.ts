import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { startPeriodic } from '../../platform/periodic.js'
import { CREDENTIALS } from './credentials.errors.js'
import { deleteExpiredSeen, recordFirstSeen } from './verifier-seen.repository.js'

/** How far `until` may lie from the server's clock: a QR lives 60 s (plus 30 s of holder clock skew). */
export const SEEN_WINDOW_MS = 5 * 60_000
/** Kept this long past `until`: the verifier's scanners and the server do not share one clock. */
export const SEEN_CLOCK_MARGIN_MS = 60_000

export type SeenAnswer = { status: 'first_seen' | 'replay'; expiresAt: Date }

/**
 * A registered verifier's shared replay store: records the presentation digest for this verifier (not for
 * others: docs/sharing.md says why) until the QR could no longer be accepted, and answers whether it was new.
 * No audit event: the digest names no one and decides nothing about a person; it is the verifier's own memory.
 */
export const markPresentationSeen = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  clientId: string,
  req: { presentation: string; until: Date },
): Promise<SeenAnswer> => {
  const now = deps.clock.now()
  if (Math.abs(req.until.getTime() - now.getTime()) > SEEN_WINDOW_MS) fail(CREDENTIALS.SEEN_WINDOW_INVALID)
  const expiresAt = new Date(Math.max(req.until.getTime(), now.getTime()) + SEEN_CLOCK_MARGIN_MS)
  const first = await recordFirstSeen(deps.db, {
    clientId,
    presentation: req.presentation,
    seenAt: now,
    expiresAt,
  })
  return { status: first ? 'first_seen' : 'replay', expiresAt }
}

/** Deletes the rows whose presentation can no longer be shown. */
export const cleanupVerifierSeen = async (deps: Pick<Deps, 'db' | 'clock'>) => ({
  seen: await deleteExpiredSeen(deps.db, deps.clock.now()),
})

/** Runs the cleanup every minute (rows live about two): `stop()` waits for the run in progress. */
export const startVerifierSeenCleanup = (
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  opts: { intervalMs?: number } = {},
) =>
  startPeriodic(() => cleanupVerifierSeen(deps), {
    intervalMs: opts.intervalMs ?? 60_000,
    firstDelayMs: 60_000,
    onError: (e) => deps.log.error({ err: e }, 'verifier seen-store cleanup failed'),
  })
