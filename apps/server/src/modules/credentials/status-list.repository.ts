import { sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.js'

// The advisory-lock key for opening a new status list when the current one is full.
const STATUS_LIST_LOCK = 0x76637374

/**
 * The next free index of the newest list, in one UPDATE: the row lock makes concurrent issuers take
 * turns, and each re-reads next_index after the other commits, so two never get the same index.
 */
const takeIndex = (db: Db) =>
  db
    .updateTable('credentials_status_list')
    .set((eb) => ({ next_index: eb('next_index', '+', 1) }))
    .where('id', '=', (eb) => eb.selectFrom('credentials_status_list').select(eb.fn.max('id').as('id')))
    .whereRef('next_index', '<', 'size')
    .returning(['id', sql<number>`next_index - 1`.as('index')])
    .executeTakeFirst()

/** Allocates a status index; when the newest list is full (or none exists) opens a new one. */
export const allocateStatusIndex = async (
  trx: Transaction<Database>,
  now: Date,
  listSize: number,
): Promise<{ listId: number; index: number }> => {
  const taken = await takeIndex(trx)
  if (taken) return { listId: taken.id, index: taken.index }
  // Only one issuer opens the next list; the others wait here and then take from it.
  await sql`select pg_advisory_xact_lock(${sql.lit(STATUS_LIST_LOCK)})`.execute(trx)
  const retry = await takeIndex(trx)
  if (retry) return { listId: retry.id, index: retry.index }
  const list = await trx
    .insertInto('credentials_status_list')
    .values({ size: listSize, next_index: 1, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { listId: list.id, index: 0 }
}

export const findStatusList = (db: Db, id: number) =>
  db.selectFrom('credentials_status_list').selectAll().where('id', '=', id).executeTakeFirst()

export const revokedIndexes = async (db: Db, listId: number) =>
  (
    await db
      .selectFrom('credentials_issued')
      .select('status_index')
      .where('status_list_id', '=', listId)
      .where('revoked_at', 'is not', null)
      .execute()
  ).map((r) => r.status_index)
