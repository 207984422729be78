import type { Updateable } from 'kysely'
import type { Db } from '../../database.js'
import type { DocumentKind } from './documents.kinds.js'
import type { IntegratedDocumentTable, IntegratedRow, NewIntegratedRow } from './documents.table.js'

export const integratedOf = (db: Db, subjectId: string): Promise<IntegratedRow[]> =>
  db
    .selectFrom('documents_integrated')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('kind')
    .orderBy('number')
    .execute()

// A second request for the same document loses on the unique key instead of reading first.
export const insertIntegrated = (db: Db, row: NewIntegratedRow) =>
  db
    .insertInto('documents_integrated')
    .values(row)
    .onConflict((oc) => oc.columns(['subject_id', 'kind', 'number']).doNothing())
    .returningAll()
    .executeTakeFirst()

/** One of the subject's integrated documents (another person's is not found). */
export const findIntegrated = (db: Db, subjectId: string, id: string) =>
  db
    .selectFrom('documents_integrated')
    .selectAll()
    .where('id', '=', id)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()

export const deleteIntegrated = (db: Db, subjectId: string, id: string) =>
  db
    .deleteFrom('documents_integrated')
    .where('id', '=', id)
    .where('subject_id', '=', subjectId)
    .returningAll()
    .executeTakeFirst()

/** Every integrated copy of one source record (the holder's; a vehicle sold keeps its number). */
export const copiesOf = (db: Db, kind: DocumentKind, numbers: readonly string[]) =>
  numbers.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('documents_integrated')
        .selectAll()
        .where('kind', '=', kind)
        .where('number', 'in', numbers)
        .forUpdate()
        .execute()

export const updateIntegrated = (db: Db, id: string, set: Updateable<IntegratedDocumentTable>) =>
  db.updateTable('documents_integrated').set(set).where('id', '=', id).execute()

/** Active copies whose validity ended before `today`. */
export const expireLapsed = (db: Db, today: string, now: Date) =>
  db
    .updateTable('documents_integrated')
    .set({ status: 'expired', synced_at: now })
    .where('status', '=', 'active')
    .where('valid_to', '<', today)
    .returning(['id', 'subject_id', 'kind', 'number'])
    .execute()

export const cursorOf = async (db: Db, kind: DocumentKind): Promise<string | null> =>
  (
    await db
      .selectFrom('documents_sync_cursor')
      .select('cursor')
      .where('kind', '=', kind)
      .forUpdate()
      .executeTakeFirst()
  )?.cursor ?? null

export const saveCursor = (db: Db, kind: DocumentKind, cursor: string, now: Date) =>
  db
    .insertInto('documents_sync_cursor')
    .values({ kind, cursor, updated_at: now })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ cursor, updated_at: now }))
    .execute()
