import { type Kysely, Transaction } from 'kysely'
import type { Database, Db } from '../../database.js'
import type { Clock } from '../../platform/clock.js'

/** What the primitives need: a database or the caller's transaction, and the clock. */
export type AuthnDeps = { db: Db; clock: Clock }

/** Runs `fn` in the caller's transaction if there is one, else in a new one. */
export const inTransaction = <T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
  db instanceof Transaction ? fn(db) : (db as Kysely<Database>).transaction().execute(fn)
