import type { Db } from '../../database.js'
import { fail } from '../../platform/errors.js'
import { lockActiveAdministrators } from './directory.repository.js'
import { OFFICERS } from './officers.errors.js'

/**
 * Never the last active administrator: when a change takes `targetId` out of the active administrators
 * (suspension, the role removed), another must remain, or nobody could manage officers any more.
 * Call it inside the transaction that makes the change: the administrators' rows stay locked until it ends.
 */
export const assertAdministratorRemains = async (trx: Db, targetId: string, stillAdministrator: boolean) => {
  if (stillAdministrator) return
  const admins = await lockActiveAdministrators(trx)
  if (admins.includes(targetId) && !admins.some((id) => id !== targetId)) fail(OFFICERS.LAST_ADMINISTRATOR)
}
