import { recordAudit } from '../../platform/audit/index.js'
import { type Officer, toOfficer } from './officer.view.js'
import type { OfficersDeps } from './officers.deps.js'
import { findOfficer, findUnit, revokeSessions, touchSession } from './officers.repository.js'
import type { SessionStage } from './officers.table.js'
import { tokenHash } from './officers.tokens.js'
import { SESSION_IDLE_MS } from './session-open.js'

export type CurrentOfficer = {
  sessionId: string
  csrfHash: string
  expiresAt: Date
  /** Anything but `full` is a first-login session: it reaches the first-login steps and logout only. */
  stage: SessionStage
  officer: Officer
}

/** The officer a session token opens, or null: an ended, idle, expired session or a suspended officer opens none. */
export const officerSessionOf = async (deps: OfficersDeps, token: string): Promise<CurrentOfficer | null> => {
  const now = deps.clock.now()
  const session = await touchSession(
    deps.db,
    tokenHash(token),
    now,
    new Date(now.getTime() + SESSION_IDLE_MS),
  )
  if (!session) return null
  const officer = await findOfficer(deps.db, session.officer_id)
  if (officer?.status !== 'active') return null
  const unit = await findUnit(deps.db, officer.unit_code)
  if (!unit) return null
  return {
    sessionId: session.id,
    csrfHash: session.csrf_hash,
    expiresAt: session.absolute_expires_at,
    stage: session.stage,
    officer: toOfficer(officer, unit),
  }
}

export const endOfficerSession = (deps: OfficersDeps, current: CurrentOfficer, requestId?: string) =>
  deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    const ended = await revokeSessions(trx, current.officer.id, 'logout', now, current.sessionId)
    await recordAudit(trx, deps.clock, {
      actor: current.officer.officerNumber,
      actorKind: 'officer',
      action: 'officers.session.ended',
      subject: current.officer.officerNumber,
      subjectKind: 'officer',
      purpose: 'authentication',
      data: { sessionId: current.sessionId },
      requestId: requestId ?? null,
    })
    return { ended: ended.length }
  })
