import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../../database.js'
import type { Deps } from '../../deps.js'
import { takeEndedSessions } from '../accounts/index.js'
import { revokeWholeGrant } from './adapter.repository.js'
import { findClient } from './clients.repository.js'
import { LINK } from './oidc.logout.js'
import {
  deleteSessionAndLink,
  findSessionByUid,
  linksOfAccountsSessions,
  queueDelivery,
  takeLink,
} from './session-end.repository.js'

export type SweepDeps = Pick<Deps, 'db' | 'clock' | 'log'>

/** How long a relying party that does not answer is retried before it is given up on. */
export const DELIVERY_WINDOW_MS = 24 * 3_600_000
const PAGE = 200

// What the sweep reads of oidc-provider's stored Session (its own format, see models/session.js).
const StoredSession = z.object({
  accountId: z.string().optional(),
  authorizations: z
    .record(
      z.string(),
      z.object({
        sid: z.string().optional(),
        grantId: z.string().optional(),
        persistsLogout: z.boolean().optional(),
      }),
    )
    .optional(),
})

/**
 * Ends one provider session as the provider's own logout would (end_session.js): every grant it holds
 * is revoked with its tokens unless it persists logout, the session is destroyed, and a logout token
 * is queued for each relying party with a back-channel endpoint; in the sweep's transaction: all of it or none.
 */
const endProviderSession = async (trx: Db, deps: SweepDeps, uid: string) => {
  if (!(await takeLink(trx, LINK, uid))) return 0
  const stored = await findSessionByUid(trx, uid)
  const session = StoredSession.safeParse(stored?.payload ?? {})
  let queued = 0
  if (session.success && session.data.accountId) {
    const now = deps.clock.now()
    for (const [clientId, auth] of Object.entries(session.data.authorizations ?? {})) {
      if (auth.grantId && !auth.persistsLogout) await revokeWholeGrant(trx, auth.grantId)
      queued += await queueFor(trx, {
        uid,
        clientId,
        accountId: session.data.accountId,
        sid: auth.sid,
        now,
      })
    }
  }
  await deleteSessionAndLink(trx, LINK, uid)
  return queued
}

const queueFor = async (
  db: Db,
  a: { uid: string; clientId: string; accountId: string; sid: string | undefined; now: Date },
) => {
  const client = await findClient(db, a.clientId)
  if (!client?.backchannel_logout_uri || !a.sid) return 0
  return queueDelivery(db, {
    id: randomUUID(),
    session_uid: a.uid,
    client_id: a.clientId,
    account_id: a.accountId,
    sid: a.sid,
    next_attempt_at: a.now,
    give_up_at: new Date(a.now.getTime() + DELIVERY_WINDOW_MS),
    created_at: a.now,
  })
}

/**
 * Ends the provider sessions whose accounts session has ended (a lock, a logout or a revocation in the app:
 * every way ends it through accounts' revokeSessions, which queues it). Each batch taken off the queue is
 * handled in one transaction, so a crash leaves it queued; the work grows with the sessions that end, not
 * with the sessions alive.
 */
export const sweepEndedSessions = async (deps: SweepDeps) => {
  const total = { sessions: 0, queued: 0 }
  for (;;) {
    const taken = await deps.db.transaction().execute(async (trx) => {
      const ended = await takeEndedSessions(trx, PAGE)
      for (const uid of await linksOfAccountsSessions(trx, LINK, ended)) {
        total.sessions++
        total.queued += await endProviderSession(trx, deps, uid)
      }
      return ended.length
    })
    if (taken < PAGE) break
  }
  if (total.sessions) deps.log.info(total, 'oidc: provider sessions ended with their accounts sessions')
  return total
}
