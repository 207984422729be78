import type { Db } from '../../database.js'
import type { AccountStatus, LockInitiator } from './accounts.table.js'

export const openLocks = (db: Db, accountId: string) =>
  db
    .selectFrom('accounts_lock')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('unlocked_at', 'is', null)
    .execute()

export const addLock = (
  db: Db,
  row: {
    id: string
    accountId: string
    ground: string
    initiator: LockInitiator
    form: string | null
    by: string
    at: Date
    /** An authority's lock only: its last day. */
    until?: string | null
  },
) =>
  db
    .insertInto('accounts_lock')
    .values({
      id: row.id,
      account_id: row.accountId,
      ground: row.ground,
      initiator: row.initiator,
      form: row.form,
      locked_at: row.at,
      locked_by: row.by,
      unlocked_at: null,
      unlocked_by: null,
      lock_until: row.until ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute()

export const liftLocks = (db: Db, accountId: string, ids: string[], by: string, at: Date) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .updateTable('accounts_lock')
        .set({ unlocked_at: at, unlocked_by: by })
        .where('account_id', '=', accountId)
        .where('id', 'in', ids)
        .where('unlocked_at', 'is', null)
        .returning('id')
        .execute()

export const setStatus = (db: Db, accountId: string, status: AccountStatus, at: Date) =>
  db
    .updateTable('accounts_account')
    .set((eb) => ({ status, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', accountId)
    .execute()

/** The account row, held until the transaction ends: a lock, an unlock and the lock job take turns on it. */
export const lockAccountRow = (db: Db, accountId: string) =>
  db.selectFrom('accounts_account').selectAll().where('id', '=', accountId).forUpdate().executeTakeFirst()

/** Accounts the lock job looks at, one page after `after` (by id). */
export const lockableAccounts = (db: Db, after: string, limit: number) =>
  db
    .selectFrom('accounts_account')
    .select(['id', 'subject_id', 'subject_kind', 'status', 'phone', 'activated_at'])
    .where('status', 'in', ['active', 'locked'])
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute()
