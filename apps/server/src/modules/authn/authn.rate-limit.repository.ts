import { sql } from 'kysely'
import type { Db } from '../../database.js'

export type WindowRef = { key: string; windowSeconds: number; start: Date }
export type WindowCounts = { current: number; previous: number }

/**
 * Counts one hit in the current window of each key and reads each previous window, in one call (the
 * plan-cached `authn_rate_hit`), in the order given. Each hit is one atomic upsert, so concurrent hits on
 * any number of instances each get their own count.
 */
export const countHits = async (db: Db, windows: WindowRef[]): Promise<WindowCounts[]> => {
  const { rows } = await sql<WindowCounts>`SELECT current, previous FROM authn_rate_hit(
    ${windows.map((w) => w.key)}::text[],
    ${windows.map((w) => w.windowSeconds)}::int[],
    ${windows.map((w) => w.start.getTime() / 1000)}::float8[])`.execute(db)
  return rows
}

/** Forgets a key in every window (e.g. a counter of failures after a success). */
export const deleteKey = (db: Db, key: string) =>
  db.deleteFrom('authn_rate_limit').where('key', '=', key).execute()

export const deleteExpiredWindows = async (db: Db, now: Date): Promise<number> => {
  const r = await db.deleteFrom('authn_rate_limit').where('expires_at', '<=', now).executeTakeFirst()
  return Number(r.numDeletedRows)
}
