import type { Insertable } from 'kysely'
import type { Db } from '../../database.js'
import type { IssuedCredentialTable } from './credentials.table.js'

export const insertIssuedCredential = (db: Db, row: Insertable<IssuedCredentialTable>) =>
  db.insertInto('credentials_issued').values(row).execute()

/** Flips the credential's status bit to invalid: one UPDATE, so two revocations cannot both succeed. */
export const markRevoked = (db: Db, id: string, at: Date, reason: string) =>
  db
    .updateTable('credentials_issued')
    .set({ revoked_at: at, revocation_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst()

export const findIssuedCredential = (db: Db, id: string) =>
  db.selectFrom('credentials_issued').selectAll().where('id', '=', id).executeTakeFirst()
