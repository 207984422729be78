import type { Transaction } from 'kysely'
import type { Database, Db } from '../../database.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Clock } from '../../platform/clock.js'
import { fail } from '../../platform/errors.js'
import type { Actor } from './enrolment.service.js'
import { type Officer, scopeOf } from './officer.view.js'
import { OFFICERS } from './officers.errors.js'
import { assertWithinJurisdiction } from './officers.permissions.js'
import { findOfficer, findUnit } from './officers.repository.js'
import type { OfficerRow, UnitRow } from './officers.table.js'

/**
 * Who manages officer accounts: an administrator, within their unit's jurisdiction (D59 Art 20: central
 * everywhere, a province within it), or the command line run by the operator (everywhere).
 */
export type Manager =
  | { kind: 'officer'; officer: Officer; requestId?: string | undefined }
  | { kind: 'system'; id: string }

export const actorOf = (m: Manager): Actor =>
  m.kind === 'officer'
    ? {
        id: m.officer.officerNumber,
        kind: 'officer',
        unit: m.officer.unit.code,
        ...(m.requestId ? { requestId: m.requestId } : {}),
      }
    : { id: m.id, kind: 'system' }

/** A unit the manager may act in (or on officers of): an administrator's jurisdiction; the CLI's is everything. */
export const assertManages = (m: Manager, unit: UnitRow): void => {
  if (m.kind === 'officer') assertWithinJurisdiction(m.officer.unit, scopeOf(unit))
}

/** Administrators never change, suspend or reset their own account: another administrator must. */
export const assertNotSelf = (m: Manager, officerId: string): void => {
  if (m.kind === 'officer' && m.officer.id === officerId) fail(OFFICERS.SELF_CHANGE_FORBIDDEN)
}

/** The officer and their unit, if the manager's jurisdiction covers that unit. */
export const loadManaged = async (
  db: Db,
  m: Manager,
  officerId: string,
): Promise<{ row: OfficerRow; unit: UnitRow }> => {
  const row = (await findOfficer(db, officerId)) ?? fail(OFFICERS.OFFICER_NOT_FOUND)
  const unit = (await findUnit(db, row.unit_code)) ?? fail(OFFICERS.UNIT_NOT_FOUND)
  assertManages(m, unit)
  return { row, unit }
}

/** The audit record of a management action: the acting officer (and their unit), or `cli`. */
export const auditManaged = (
  trx: Transaction<Database>,
  clock: Clock,
  m: Manager,
  event: { action: string; subject: string | null; subjectKind: 'officer' | 'unit'; data?: object },
) => {
  const actor = actorOf(m)
  return recordAudit(trx, clock, {
    actor: actor.id,
    actorKind: actor.kind,
    action: `officers.${event.action}`,
    subject: event.subject,
    subjectKind: event.subjectKind,
    purpose: 'officer-management',
    data: { ...(m.kind === 'officer' ? { actorUnit: m.officer.unit.code } : {}), ...event.data },
    requestId: actor.requestId ?? null,
  })
}
