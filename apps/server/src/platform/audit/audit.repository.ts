import { sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.js'
import type { AuditEventRow, NewAuditEventRow } from './audit.table.js'

// One constant advisory-lock key for the audit chain (keys: platform/keys uses its own).
export const AUDIT_CHAIN_LOCK = 0x61756469

/** Held until the transaction ends, so appends to the chain happen one at a time. */
export const lockAuditChain = async (trx: Transaction<Database>) => {
  await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK)})`.execute(trx)
}

export const lastAuditLink = (db: Db) =>
  db
    .selectFrom('platform_audit_event')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()

export const insertAuditEvent = (db: Db, row: NewAuditEventRow) =>
  db.insertInto('platform_audit_event').values(row).execute()

export const auditBatchAfter = (db: Db, afterSeq: number, limit: number): Promise<AuditEventRow[]> =>
  db
    .selectFrom('platform_audit_event')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute()

export const findAuditByHash = (db: Db, hash: string) =>
  db.selectFrom('platform_audit_event').select(['seq', 'id']).where('hash', '=', hash).executeTakeFirst()

/** Whether some event names this hash as its predecessor. */
export const isAuditHashReferenced = async (db: Db, hash: string) =>
  (await db
    .selectFrom('platform_audit_event')
    .select('seq')
    .where('prev_hash', '=', hash)
    .limit(1)
    .executeTakeFirst()) !== undefined

export type AuditPage = { limit?: number; before?: number; since?: Date }

export const listAuditBySubject = (
  db: Db,
  subject: string,
  page: AuditPage = {},
): Promise<AuditEventRow[]> => {
  let q = db.selectFrom('platform_audit_event').selectAll().where('subject', '=', subject)
  if (page.before !== undefined) q = q.where('seq', '<', page.before)
  if (page.since !== undefined) q = q.where('at', '>=', page.since)
  return q
    .orderBy('seq', 'desc')
    .limit(Math.min(Math.max(page.limit ?? 50, 1), 500))
    .execute()
}

export const auditHead = (db: Db) => lastAuditLink(db)
