import { fail } from '../../platform/errors.js'
import { assertAdministratorRemains } from './administrators.js'
import { updateAssignment } from './credentials.repository.js'
import { assertManages, assertNotSelf, auditManaged, loadManaged, type Manager } from './manager.js'
import { type ManagedOfficer, toManagedOfficer } from './officer.view.js'
import type { OfficersDeps } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import type { Role } from './officers.permissions.js'
import { findUnit } from './officers.repository.js'

export type Assignment = { roles?: Role[] | undefined; unitCode?: string | undefined }

/**
 * New roles or a new unit for an officer: both the unit they are in and the one they move to must be
 * within the administrator's jurisdiction; an administrator never changes their own; the last active
 * administrator keeps the role. Live sessions pick the change up at their next request.
 */
export const changeAssignment = async (
  deps: OfficersDeps,
  m: Manager,
  officerId: string,
  change: Assignment,
): Promise<ManagedOfficer> => {
  assertNotSelf(m, officerId)
  const { row: target } = await loadManaged(deps.db, m, officerId)
  const unit = change.unitCode
    ? ((await findUnit(deps.db, change.unitCode)) ?? fail(OFFICERS.UNIT_NOT_FOUND))
    : ((await findUnit(deps.db, target.unit_code)) ?? fail(OFFICERS.UNIT_NOT_FOUND))
  assertManages(m, unit)
  const roles: Role[] = change.roles ? [...new Set(change.roles)] : target.roles
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    await assertAdministratorRemains(trx, m, target.id, roles.includes('administrator'))
    const row =
      (await updateAssignment(trx, target.id, { roles, unitCode: unit.code, now })) ??
      fail(OFFICERS.OFFICER_NOT_FOUND)
    await auditManaged(trx, deps.clock, m, {
      action: 'officer.assignment_changed',
      subject: row.officer_number,
      subjectKind: 'officer',
      data: {
        roles: { from: target.roles, to: row.roles },
        unit: { from: target.unit_code, to: row.unit_code },
      },
    })
    return toManagedOfficer(row, unit)
  })
}
