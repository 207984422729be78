import { fail } from '../../platform/errors.js'
import { assertAdministratorRemains } from './administrators.js'
import { assertNotSelf, auditManaged, loadManaged, type Manager } from './manager.js'
import { type ManagedOfficer, toManagedOfficer } from './officer.view.js'
import type { OfficersDeps } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import { revokeSessions, setOfficerStatus } from './officers.repository.js'

/** Suspends an officer and ends their sessions at once; never oneself, never the last active administrator. */
export const suspendOfficer = async (
  deps: OfficersDeps,
  m: Manager,
  officerId: string,
): Promise<ManagedOfficer> => {
  assertNotSelf(m, officerId)
  const { row: target, unit } = await loadManaged(deps.db, m, officerId)
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now()
    await assertAdministratorRemains(trx, m, target.id, false)
    const row =
      (await setOfficerStatus(trx, target.id, 'active', 'suspended', now)) ?? fail(OFFICERS.ALREADY_SUSPENDED)
    const ended = await revokeSessions(trx, target.id, 'suspended', now)
    await auditManaged(trx, deps.clock, m, {
      action: 'officer.suspended',
      subject: row.officer_number,
      subjectKind: 'officer',
      data: { sessionsEnded: ended.length },
    })
    return toManagedOfficer(row, unit)
  })
}

/** Lets a suspended officer log in again, with the password and authenticator they had. */
export const reactivateOfficer = async (
  deps: OfficersDeps,
  m: Manager,
  officerId: string,
): Promise<ManagedOfficer> => {
  assertNotSelf(m, officerId)
  const { row: target, unit } = await loadManaged(deps.db, m, officerId)
  return deps.db.transaction().execute(async (trx) => {
    const row =
      (await setOfficerStatus(trx, target.id, 'suspended', 'active', deps.clock.now())) ??
      fail(OFFICERS.NOT_SUSPENDED)
    await auditManaged(trx, deps.clock, m, {
      action: 'officer.reactivated',
      subject: row.officer_number,
      subjectKind: 'officer',
    })
    return toManagedOfficer(row, unit)
  })
}
