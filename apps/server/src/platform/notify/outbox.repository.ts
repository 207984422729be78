import type { Db } from '../../database.js'
import type { Channel, NewOutboxRow, OutboxRow } from './outbox.table.js'

export const insertOutbox = (db: Db, row: NewOutboxRow) =>
  db.insertInto('platform_outbox').values(row).execute()

/**
 * Claims up to `limit` due rows in one statement. SKIP LOCKED lets many workers claim side by side
 * without waiting or taking the same row; the lease makes a crashed worker's rows due again later.
 */
export const claimDueOutbox = (db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> =>
  db
    .updateTable('platform_outbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('platform_outbox')
        .select('id')
        .where('status', 'in', ['queued', 'sending'])
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('seq')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute()

// Each outcome applies only while the row is still this worker's claim (status 'sending', same attempt).
const ownClaim = (db: Db, row: OutboxRow) =>
  db
    .updateTable('platform_outbox')
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', row.attempts)

export const markOutboxSent = (db: Db, row: OutboxRow, at: Date) =>
  ownClaim(db, row).set({ status: 'sent', sent_at: at, last_error: null }).execute()

export const markOutboxRetry = (db: Db, row: OutboxRow, nextAt: Date, error: string) =>
  ownClaim(db, row).set({ status: 'queued', next_attempt_at: nextAt, last_error: error }).execute()

export const markOutboxFailed = (db: Db, row: OutboxRow, error: string) =>
  ownClaim(db, row).set({ status: 'failed', last_error: error }).execute()

export type OutboxQuery = { recipient?: string | undefined; channel?: Channel | undefined; limit?: number }

export const listOutbox = (db: Db, q: OutboxQuery = {}): Promise<OutboxRow[]> => {
  let sel = db.selectFrom('platform_outbox').selectAll()
  if (q.recipient) sel = sel.where('recipient', '=', q.recipient)
  if (q.channel) sel = sel.where('channel', '=', q.channel)
  return sel
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(q.limit ?? 50)
    .execute()
}

export const findOutbox = (db: Db, id: string) =>
  db.selectFrom('platform_outbox').selectAll().where('id', '=', id).executeTakeFirst()
