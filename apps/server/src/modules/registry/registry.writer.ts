import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import type { Database } from '../../database.js'
import type { DbHandle } from '../../platform/db.js'
import { type RegistryRecord, recordHash, toStageLine } from './registry.record.js'

export type Rejection = { line: number; code: string; message: string }
export type WriteCounts = { inserted: number; updated: number; unchanged: number; rejected: Rejection[] }
export type StagedRecord = { line: number; record: RegistryRecord; hash?: string }
export type WriteOptions = {
  /** Skip the "number already belongs to someone else" check: only for generated data known to be unique. */
  trusted?: boolean
}

// A connection inside one transaction: the staging table lives and dies with it.
export type Session = {
  query<R>(text: string, params?: unknown[]): Promise<R[]>
  /** COPY text-format lines into `target` (a table name with its column list). */
  load(copyText: string, target?: string): Promise<void>
}

const STAGE = `CREATE TEMP TABLE registry_stage (
  line int PRIMARY KEY, personal_id char(12) COLLATE "C" NOT NULL, full_name text, name_key text COLLATE "C", birth_year smallint,
  birth_month smallint, birth_day smallint, gender text, nationality char(2), ethnicity text, religion text,
  place_of_birth text, hometown text, permanent_address text, permanent_province char(3) COLLATE "C", temporary_address text,
  status text, died_on date, card_kind text, card_issued_on date, card_expires_on date, card_authority text,
  card_status text, old_cmnd text COLLATE "C", cancelled_ids text[] COLLATE "C", father_id char(12) COLLATE "C", mother_id char(12) COLLATE "C",
  spouse_id char(12) COLLATE "C", guardian_id char(12) COLLATE "C", household_id text COLLATE "C", household_relation text, row_hash text
) ON COMMIT DROP;
CREATE TEMP TABLE registry_changed (personal_id char(12) COLLATE "C" PRIMARY KEY, inserted boolean) ON COMMIT DROP;`

// Numbers a row claims that already belong to someone else: the whole row is refused, before any write.
const CONFLICTS = `WITH bad AS (
  SELECT s.line, 'registry.OLD_ID_TAKEN' AS code, o.number FROM registry_stage s
    JOIN registry_old_id o ON o.number = s.old_cmnd AND o.personal_id <> s.personal_id
  UNION ALL SELECT s.line, 'registry.OLD_ID_TAKEN', o.number FROM registry_stage s
    CROSS JOIN LATERAL unnest(s.cancelled_ids) c(n) JOIN registry_old_id o ON o.number = c.n AND o.personal_id <> s.personal_id
  UNION ALL SELECT s.line, 'registry.ID_CANCELLED', o.number FROM registry_stage s
    JOIN registry_old_id o ON o.number = s.personal_id
  UNION ALL SELECT s.line, 'registry.OLD_ID_TAKEN', p.personal_id FROM registry_stage s
    CROSS JOIN LATERAL unnest(s.cancelled_ids) c(n) JOIN registry_person p ON p.personal_id = c.n
), gone AS (DELETE FROM registry_stage s USING bad WHERE s.line = bad.line RETURNING s.line)
SELECT DISTINCT ON (line) line, code, number FROM bad ORDER BY line`

const PERSON_COLS = `personal_id, full_name, name_key, birth_year, birth_month, birth_day, gender, nationality,
  ethnicity, religion, place_of_birth, hometown, permanent_address, permanent_province, temporary_address,
  status, died_on, household_id, household_relation, row_hash`
const UPDATABLE = PERSON_COLS.split(',')
  .map((c) => c.trim())
  .filter((c) => c !== 'personal_id')

// The row hash decides: identical content is neither rewritten nor counted as updated.
const UPSERT_PERSONS = `WITH up AS (
  INSERT INTO registry_person (${PERSON_COLS}, created_at, updated_at)
  SELECT ${PERSON_COLS}, $1::timestamptz, $1::timestamptz FROM registry_stage
  ON CONFLICT (personal_id) DO UPDATE SET ${UPDATABLE.map((c) => `${c} = excluded.${c}`).join(', ')},
    updated_at = excluded.updated_at, version = registry_person.version + 1
  WHERE registry_person.row_hash <> excluded.row_hash
  RETURNING personal_id, (xmax = 0) AS inserted
) INSERT INTO registry_changed SELECT personal_id, inserted FROM up`

const CHILD_WRITES = [
  // A newer card replaces the older ones still on file.
  `UPDATE registry_card c SET status = 'replaced' FROM registry_stage s JOIN registry_changed ch USING (personal_id)
   WHERE c.personal_id = s.personal_id AND c.issued_on < s.card_issued_on AND c.status IN ('valid', 'expired')`,
  `INSERT INTO registry_card (personal_id, number, kind, issued_on, expires_on, authority, status)
   SELECT s.personal_id, s.personal_id, s.card_kind, s.card_issued_on, s.card_expires_on, s.card_authority, s.card_status
   FROM registry_stage s JOIN registry_changed USING (personal_id) WHERE s.card_issued_on IS NOT NULL
   ON CONFLICT (personal_id, issued_on) DO UPDATE SET kind = excluded.kind, expires_on = excluded.expires_on,
     authority = excluded.authority, status = excluded.status`,
  `INSERT INTO registry_old_id (number, personal_id, kind)
   SELECT s.old_cmnd, s.personal_id, 'cmnd' FROM registry_stage s JOIN registry_changed USING (personal_id)
   WHERE s.old_cmnd IS NOT NULL
   UNION ALL SELECT c.n, s.personal_id, 'cancelled' FROM registry_stage s JOIN registry_changed USING (personal_id)
   CROSS JOIN LATERAL unnest(s.cancelled_ids) c(n)
   ON CONFLICT (number) DO NOTHING`,
  // Family links are written both ways: the child names the parent, the parent lists the child.
  `INSERT INTO registry_relative (personal_id, relation, relative_id)
   SELECT s.personal_id, r.relation, r.relative_id FROM registry_stage s JOIN registry_changed USING (personal_id)
   CROSS JOIN LATERAL (VALUES ('father', s.father_id), ('mother', s.mother_id), ('spouse', s.spouse_id),
     ('guardian', s.guardian_id)) r(relation, relative_id) WHERE r.relative_id IS NOT NULL
   UNION ALL SELECT r.relative_id, r.relation, s.personal_id FROM registry_stage s JOIN registry_changed USING (personal_id)
   CROSS JOIN LATERAL (VALUES ('child', s.father_id), ('child', s.mother_id), ('spouse', s.spouse_id),
     ('ward', s.guardian_id)) r(relation, relative_id) WHERE r.relative_id IS NOT NULL
   ON CONFLICT DO NOTHING`,
  `INSERT INTO registry_household (household_id, head_personal_id, address, province_code)
   SELECT DISTINCT ON (household_id) household_id,
     CASE WHEN household_relation = 'head' THEN personal_id END, permanent_address, permanent_province
   FROM registry_stage JOIN registry_changed USING (personal_id) WHERE household_id IS NOT NULL
   ORDER BY household_id, (household_relation = 'head') DESC
   ON CONFLICT (household_id) DO UPDATE
     SET head_personal_id = COALESCE(excluded.head_personal_id, registry_household.head_personal_id)`,
]

export const withSession = async <T>(
  handle: DbHandle<Database>,
  work: (s: Session) => Promise<T>,
): Promise<T> => {
  if (handle.pool) {
    const client = await handle.pool.connect()
    const session: Session = {
      query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
      load: (text, target = 'registry_stage') =>
        pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${target} FROM STDIN`))),
    }
    try {
      await client.query('BEGIN')
      const out = await work(session)
      await client.query('COMMIT')
      return out
    } catch (e) {
      await client.query('ROLLBACK')
      throw e
    } finally {
      client.release()
    }
  }
  const pglite = handle.pglite
  if (!pglite) throw new Error('registry writer: neither a pg pool nor PGlite in the handle')
  // PGlite reads COPY input from a blob: one call instead of thousands of multi-row inserts.
  return pglite.transaction((tx) =>
    work({
      query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
      load: async (text, target = 'registry_stage') => {
        await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([text]) })
      },
    }),
  )
}

const runScript = async (s: Session, script: string) => {
  for (const statement of script.split(';').filter((x) => x.trim())) await s.query(statement)
}

/**
 * Writes one batch in one transaction: COPY into a staging table, refuse rows whose numbers belong to
 * someone else, upsert persons by content hash, then cards, old numbers, relatives and households of
 * the persons that changed. A person and their card are always written together, or not at all.
 */
export const writeRecords = async (
  handle: DbHandle<Database>,
  batch: StagedRecord[],
  now: Date,
  opts: WriteOptions = {},
): Promise<WriteCounts> => {
  if (batch.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected: [] }
  const text = batch.map((b) => toStageLine(b.line, b.record, b.hash ?? recordHash(b.record))).join('')
  return withSession(handle, async (s) => {
    // A lost last batch after a crash is re-imported unchanged: no need to wait for the WAL flush.
    await s.query('SET LOCAL synchronous_commit TO off')
    await runScript(s, STAGE)
    await s.load(text)
    // Statistics on the staging table let the planner pick index lookups over full scans.
    await s.query('ANALYZE registry_stage')
    const bad = opts.trusted ? [] : await s.query<{ line: number; code: string; number: string }>(CONFLICTS)
    await s.query(UPSERT_PERSONS, [now.toISOString()])
    for (const statement of CHILD_WRITES) {
      await s.query(statement)
    }
    const [counts] = await s.query<{ inserted: number; updated: number }>(
      'SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM registry_changed',
    )
    const inserted = counts?.inserted ?? 0
    const updated = counts?.updated ?? 0
    const rejected = bad.map((b) => ({
      line: b.line,
      code: b.code,
      message:
        b.code === 'registry.ID_CANCELLED'
          ? `The personal ID number ${b.number} was cancelled and cannot be reused`
          : `The number ${b.number} already belongs to another person`,
    }))
    return { inserted, updated, unchanged: batch.length - rejected.length - inserted - updated, rejected }
  })
}
