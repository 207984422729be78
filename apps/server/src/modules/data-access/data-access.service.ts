import type { Db } from '../../database.js'
import type { Deps } from '../../deps.js'
import type { Clock } from '../../platform/clock.js'
import { fail } from '../../platform/errors.js'
import { actingFor, auditBoth, type CurrentSession } from '../accounts/index.js'
import { DATA_ACCESS } from './data-access.errors.js'
import { type DataAccessCursor, insertDataAccess, listDataAccessBySubject } from './data-access.repository.js'
import type { DataAccessRow, RecipientKind } from './data-access.table.js'

/** One release of a person's data: who received which claims (names only), through what, and why. */
export type DataAccessEntry = {
  subjectId: string
  recipient: { kind: RecipientKind; id: string; name: string }
  channel: string
  claims: readonly string[]
  purpose: string | null
  requestId?: string | null | undefined
  /** A representative who signed in for the subject and chose to share their data (docs/oidc.md). */
  representativeId?: string | null | undefined
}

// The usage log of the e-ID is kept 5 years (D69 Art 28): older releases are not shown.
export const KEPT_YEARS = 5

const CLAIM_NAME = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/

/**
 * Writes the entry before the data leaves: a caller awaits it and releases nothing if it throws.
 * Pass the caller's transaction as `db` when the release is part of one.
 */
export const recordDataAccess = async (db: Db, clock: Clock, entry: DataAccessEntry) => {
  const claims = [...new Set(entry.claims)].sort()
  if (!claims.length || !claims.every((c) => CLAIM_NAME.test(c)) || !entry.subjectId || !entry.recipient.id)
    fail(DATA_ACCESS.ENTRY_INVALID)
  await insertDataAccess(db, {
    subject_id: entry.subjectId,
    recipient_kind: entry.recipient.kind,
    recipient_id: entry.recipient.id,
    recipient_name: entry.recipient.name,
    channel: entry.channel,
    claims,
    purpose: entry.purpose,
    at: clock.now(),
    request_id: entry.requestId ?? null,
    representative_id: entry.representativeId ?? null,
  })
}

export type DataAccessView = {
  id: string
  at: string
  recipient: { kind: RecipientKind; id: string; name: string }
  channel: string
  claims: string[]
  purpose: string | null
  /** The representative's personal ID number when they signed in for the subject, else null. */
  representative: string | null
}

const toView = (r: DataAccessRow): DataAccessView => ({
  id: String(r.id),
  at: new Date(r.at).toISOString(),
  recipient: { kind: r.recipient_kind, id: r.recipient_id, name: r.recipient_name },
  channel: r.channel,
  claims: r.claims,
  purpose: r.purpose,
  representative: r.representative_id,
})

// The cursor is the last row's instant and id: `<epoch ms>.<id>`, opaque to the client.
const CURSOR = /^(\d{1,15})\.(\d{1,19})$/
const cursorOf = (r: DataAccessRow) => `${new Date(r.at).getTime()}.${r.id}`
const parseCursor = (cursor: string): DataAccessCursor => {
  const m = CURSOR.exec(cursor) ?? fail(DATA_ACCESS.CURSOR_INVALID)
  return { at: new Date(Number(m[1])), id: m[2] ?? '' }
}

/** A page of the subject's releases, newest first, within the years they are kept. */
export const listDataAccess = async (
  db: Db,
  clock: Clock,
  subjectId: string,
  page: { limit: number; before?: string | undefined },
): Promise<{ items: DataAccessView[]; next: string | null }> => {
  const since = clock.now()
  since.setUTCFullYear(since.getUTCFullYear() - KEPT_YEARS)
  const rows = await listDataAccessBySubject(db, subjectId, {
    limit: page.limit,
    since,
    before: page.before === undefined ? undefined : parseCursor(page.before),
  })
  const last = rows.at(-1)
  return { items: rows.map(toView), next: last && rows.length === page.limit ? cursorOf(last) : null }
}

/**
 * A page of a dependent's releases, read by their representative while they act for them now (accounts'
 * actingFor: a live representation, the registry's relation, before the takeover age). Each page read is
 * an act for the dependent, recorded under both.
 */
export const listDependentDataAccess = async (
  deps: Pick<Deps, 'db' | 'clock' | 'policy'>,
  rep: CurrentSession['account'],
  dependentId: string,
  page: { limit: number; before?: string | undefined },
  requestId?: string,
) => {
  await actingFor(deps, rep, dependentId)
  const result = await listDataAccess(deps.db, deps.clock, dependentId, page)
  await deps.db
    .transaction()
    .execute((trx) =>
      auditBoth(trx, deps, rep, dependentId, 'data_access.read', { count: result.items.length }, requestId),
    )
  return result
}
