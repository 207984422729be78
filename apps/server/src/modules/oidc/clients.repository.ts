import type { Db } from '../../database.js'
import type { ClientStatus, NewClientRow } from './oidc.table.js'

export const insertClient = (db: Db, row: NewClientRow) => db.insertInto('oidc_client').values(row).execute()

export const findClient = (db: Db, clientId: string) =>
  db.selectFrom('oidc_client').selectAll().where('client_id', '=', clientId).executeTakeFirst()

export const listClientRows = (db: Db) =>
  db.selectFrom('oidc_client').selectAll().orderBy('created_at').orderBy('client_id').execute()

/** Moves a client from one status to the other, or returns nothing if it was not in `from`. */
export const setClientStatus = (db: Db, clientId: string, from: ClientStatus, to: ClientStatus, now: Date) =>
  db
    .updateTable('oidc_client')
    .set({ status: to, updated_at: now })
    .where('client_id', '=', clientId)
    .where('status', '=', from)
    .returning('client_id')
    .executeTakeFirst()
