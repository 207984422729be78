import { type Kysely, sql } from 'kysely'
import type { Database, Db } from '../../database.js'
import type { DocumentKind } from './documents.kinds.js'
import type { SourceTable } from './documents.migrations.js'
import type { NewSourceRow, SourceRow } from './documents.table.js'

/** Each kind's sandbox table. */
export const SANDBOX_TABLE: Readonly<Record<DocumentKind, SourceTable>> = {
  driving_licence: 'src_driving_licences',
  vehicle_registration: 'src_vehicle_registrations',
  health_insurance: 'src_health_insurance_cards',
  social_insurance: 'src_social_insurance_numbers',
  tax_code: 'src_tax_codes',
}

// The five tables share one shape; Kysely knows it under the first name, so the real name is cast to it.
const records = (kind: DocumentKind) => SANDBOX_TABLE[kind] as 'src_driving_licences'
const feed = (kind: DocumentKind) => `${SANDBOX_TABLE[kind]}_feed` as 'src_driving_licences_feed'

export const sourceRecordsOf = (db: Db, kind: DocumentKind, personalId: string): Promise<SourceRow[]> =>
  db.selectFrom(records(kind)).selectAll().where('personal_id', '=', personalId).orderBy('number').execute()

export const sourceRecord = (db: Db, kind: DocumentKind, number: string) =>
  db.selectFrom(records(kind)).selectAll().where('number', '=', number).executeTakeFirst()

/**
 * Feed entries after `seq` (at most `limit`), each with the record's current state: a record changed twice
 * in the page comes once. `lastSeq` is the page's last entry, the cursor to ask from next.
 */
export const feedAfter = async (
  db: Db,
  kind: DocumentKind,
  seq: string,
  limit: number,
): Promise<{ rows: SourceRow[]; lastSeq: string | null }> => {
  const entries = await db
    .selectFrom(feed(kind))
    .select(['seq', 'number'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute()
  const last = entries.at(-1)
  if (!last) return { rows: [], lastSeq: null }
  const numbers = [...new Set(entries.map((e) => e.number))]
  const rows = await db.selectFrom(records(kind)).selectAll().where('number', 'in', numbers).execute()
  const byNumber = new Map(rows.map((r) => [r.number, r]))
  return { rows: numbers.flatMap((n) => byNumber.get(n) ?? []), lastSeq: String(last.seq) }
}

/** Seeds records in batches (no feed entries: they exist from the start); a number already taken is kept. */
export const insertSourceRecords = async (db: Db, kind: DocumentKind, rows: readonly NewSourceRow[]) => {
  let inserted = 0
  for (let i = 0; i < rows.length; i += 500) {
    const res = await db
      .insertInto(records(kind))
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('number').doNothing())
      .executeTakeFirst()
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0)
  }
  return inserted
}

export const countSourceRecords = async (db: Db, kind: DocumentKind): Promise<number> =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(SANDBOX_TABLE[kind])}`.execute(db))
      .rows[0]?.n ?? 0,
  )

export type SourceChange = Partial<Pick<NewSourceRow, 'status' | 'valid_from' | 'valid_to' | 'data'>>

/** A change at the source: the record's new state and version, and a feed entry, in one transaction. */
export const changeSourceRecord = (
  db: Kysely<Database>,
  kind: DocumentKind,
  number: string,
  change: SourceChange,
  now: Date,
) =>
  db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable(records(kind))
      .set({ ...change, version: sql`version + 1`, updated_at: now })
      .where('number', '=', number)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw new Error(`no ${kind} ${number} at the sandbox`)
    await trx.insertInto(feed(kind)).values({ number, at: now }).execute()
    return row
  })
