import type { Db } from '../../database.js'
import { fail } from '../../platform/errors.js'
import { lockActiveAdministrators } from './directory.repository.js'
import type { Manager } from './manager.js'
import { OFFICERS } from './officers.errors.js'

/**
 * Never the last active administrator: when a change takes `targetId` out of the active administrators
 * (suspension, the role removed), another must remain, or nobody could manage officers any more.
 * Call it inside the transaction that makes the change: the administrators' rows stay locked until it ends.
 * The acting administrator must still be one once the rows are locked: their permission was read before
 * another administrator's change (removing them) may have committed, so two removing each other at once
 * end with one of them, never none.
 */
export const assertAdministratorRemains = async (
  trx: Db,
  m: Manager,
  targetId: string,
  stillAdministrator: boolean,
) => {
  const admins = await lockActiveAdministrators(trx)
  if (m.kind === 'officer' && !admins.includes(m.officer.id)) fail(OFFICERS.PERMISSION_DENIED)
  if (stillAdministrator) return
  if (admins.includes(targetId) && !admins.some((id) => id !== targetId)) fail(OFFICERS.LAST_ADMINISTRATOR)
}
