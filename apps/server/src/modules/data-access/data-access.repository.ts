import type { Db } from '../../database.js'
import type { NewDataAccessRow } from './data-access.table.js'

export const insertDataAccess = (db: Db, row: NewDataAccessRow) =>
  db.insertInto('data_access_log').values(row).execute()

/** Where a page ends: the last row seen, newest first. */
export type DataAccessCursor = { at: Date; id: string }

export const listDataAccessBySubject = (
  db: Db,
  subjectId: string,
  page: { limit: number; since: Date; before?: DataAccessCursor | undefined },
) => {
  let q = db
    .selectFrom('data_access_log')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('at', '>=', page.since)
  const before = page.before
  // Keyset paging on (at, id), the index's order: stable while new releases arrive.
  if (before)
    q = q.where((eb) =>
      eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
    )
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit).execute()
}

/**
 * When each recipient last received the subject's data since `since` (for the connections page): the
 * subject's own releases (`representativeId` null), or those a representative made for them.
 */
export const lastReleases = async (
  db: Db,
  subjectId: string,
  recipientIds: readonly string[],
  since: Date,
  representativeId: string | null = null,
): Promise<Map<string, Date>> => {
  if (!recipientIds.length) return new Map()
  const rows = await db
    .selectFrom('data_access_log')
    .select(['recipient_id', (eb) => eb.fn.max('at').as('last')])
    .where('subject_id', '=', subjectId)
    .where('recipient_kind', '=', 'relying_party')
    .where('recipient_id', 'in', recipientIds)
    .where('at', '>=', since)
    .where('representative_id', representativeId === null ? 'is' : '=', representativeId)
    .groupBy('recipient_id')
    .execute()
  return new Map(rows.map((r) => [r.recipient_id, new Date(r.last)]))
}
