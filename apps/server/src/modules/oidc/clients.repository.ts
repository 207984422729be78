import type { Db } from '../../database.js'
import { clientChanged } from './clients.changes.js'
import type { ClientStatus, NewClientRow } from './oidc.table.js'

export const insertClient = async (db: Db, row: NewClientRow) => {
  await db.insertInto('oidc_client').values(row).execute()
  clientChanged(row.client_id)
}

export const findClient = (db: Db, clientId: string) =>
  db.selectFrom('oidc_client').selectAll().where('client_id', '=', clientId).executeTakeFirst()

export const listClientRows = (db: Db) =>
  db.selectFrom('oidc_client').selectAll().orderBy('created_at').orderBy('client_id').execute()

/** Turns acting for dependents on or off, or returns nothing if the client is not found or already so. */
export const setClientAllowDependents = async (db: Db, clientId: string, allow: boolean, now: Date) => {
  const set = await db
    .updateTable('oidc_client')
    .set({ allow_dependents: allow, updated_at: now })
    .where('client_id', '=', clientId)
    .where('allow_dependents', '=', !allow)
    .returning('client_id')
    .executeTakeFirst()
  clientChanged(clientId)
  return set
}

/** Moves a client from one status to the other, or returns nothing if it was not in `from`. */
export const setClientStatus = async (
  db: Db,
  clientId: string,
  from: ClientStatus,
  to: ClientStatus,
  now: Date,
) => {
  const moved = await db
    .updateTable('oidc_client')
    .set({ status: to, updated_at: now })
    .where('client_id', '=', clientId)
    .where('status', '=', from)
    .returning('client_id')
    .executeTakeFirst()
  clientChanged(clientId)
  return moved
}
