import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Clock } from '../../platform/clock.js'
import { insertSession } from './officers.repository.js'
import type { OfficerRow, SessionStage } from './officers.table.js'
import { newToken, tokenHash } from './officers.tokens.js'

export const CHALLENGE_MS = 5 * 60_000
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60_000
export const SESSION_IDLE_MS = 15 * 60_000
/** A first-login session only sets credentials: it lives as long as one idle period, never more. */
export const SETUP_SESSION_MS = SESSION_IDLE_MS

export type Client = { ip: string; userAgent?: string | undefined; requestId?: string }
export type NewOfficerSession = {
  sessionId: string
  token: string
  csrf: string
  expiresAt: Date
  stage: SessionStage
}

/** An audit record of the officer's own login steps (actor and subject both the officer). */
export const auditOwn = (
  trx: Transaction<Database>,
  clock: Clock,
  officer: Pick<OfficerRow, 'officer_number'>,
  action: string,
  client: Client,
  data = {},
) =>
  recordAudit(trx, clock, {
    actor: officer.officer_number,
    actorKind: 'officer',
    action: `officers.${action}`,
    subject: officer.officer_number,
    subjectKind: 'officer',
    purpose: 'authentication',
    data: { ip: client.ip, ...data },
    requestId: client.requestId ?? null,
  })

/** Starts a session in `stage`: tokens stored hashed; only a `full` session reaches the portal. */
export const openSession = async (
  trx: Transaction<Database>,
  clock: Clock,
  officer: OfficerRow,
  stage: SessionStage,
  client: Client,
): Promise<NewOfficerSession> => {
  const now = clock.now()
  const token = newToken()
  const csrf = newToken()
  const sessionId = randomUUID()
  const absoluteUntil = new Date(now.getTime() + (stage === 'full' ? SESSION_ABSOLUTE_MS : SETUP_SESSION_MS))
  await insertSession(trx, {
    id: sessionId,
    officerId: officer.id,
    tokenHash: tokenHash(token),
    csrfHash: tokenHash(csrf),
    ip: client.ip,
    userAgent: client.userAgent ?? null,
    now,
    idleUntil: new Date(now.getTime() + Math.min(SESSION_IDLE_MS, absoluteUntil.getTime() - now.getTime())),
    absoluteUntil,
    stage,
  })
  await auditOwn(trx, clock, officer, 'session.started', client, { sessionId, stage })
  return { sessionId, token, csrf, expiresAt: absoluteUntil, stage }
}
