import { sql } from 'kysely'
import type { Db } from '../../database.js'
import type { NewSubscriberRow } from './telecom.table.js'

export const findSubscription = (db: Db, phone: string) =>
  db.selectFrom('telecom_subscriber').selectAll().where('phone', '=', phone).executeTakeFirst()

/** Inserts subscriptions in multi-row batches; a number already taken keeps its holder. */
export const insertSubscriptions = async (db: Db, rows: readonly NewSubscriberRow[]): Promise<number> => {
  let inserted = 0
  for (let i = 0; i < rows.length; i += 1000) {
    const res = await db
      .insertInto('telecom_subscriber')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.column('phone').doNothing())
      .executeTakeFirst()
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0)
  }
  return inserted
}

export const countSubscriptions = async (db: Db): Promise<number> =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM telecom_subscriber`.execute(db)).rows[0]?.n ?? 0,
  )
