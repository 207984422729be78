import type { Db } from '../../database.js'
import type { NewAccountRow, SecurityQa } from './accounts.table.js'

export const insertAccount = (db: Db, row: NewAccountRow) =>
  db.insertInto('accounts_account').values(row).execute()

export const findAccountBySubject = (db: Db, subjectId: string) =>
  db.selectFrom('accounts_account').selectAll().where('subject_id', '=', subjectId).executeTakeFirst()

// Only an approved account is activated, once: a second activation with a fresh code changes nothing.
export const activateAccount = (
  db: Db,
  id: string,
  secrets: { passwordHash: string; passcodeHash: string; securityQa: SecurityQa[] },
  now: Date,
) =>
  db
    .updateTable('accounts_account')
    .set((eb) => ({
      status: 'active',
      password_hash: secrets.passwordHash,
      passcode_hash: secrets.passcodeHash,
      security_qa: JSON.stringify(secrets.securityQa),
      activated_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .returning(['id', 'subject_id', 'level', 'status'])
    .executeTakeFirst()
