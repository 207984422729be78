import type { Session } from './registry.writer.js'

/** The tables the initial load fills; their keys, indexes and foreign keys are built once at the end. */
export const BULK_TABLES = [
  'registry_person',
  'registry_card',
  'registry_old_id',
  'registry_relative',
  'registry_household',
] as const

type Saved = { table: string; name: string; def: string }

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Runs `work` (COPY into the empty registry tables) with their indexes and constraints dropped, then
 * rebuilds them: one sort per index instead of a million index inserts and foreign-key probes, several
 * times faster. Everything happens in the caller's transaction, so a failure leaves the schema intact.
 * Returns null, without calling `work`, when the registry turns out not to be empty once locked.
 */
export const withDeferredIndexes = async <T>(s: Session, work: () => Promise<T>): Promise<T | null> => {
  // A second instance starting at the same time waits here, then finds the registry full.
  await s.query(`LOCK TABLE ${BULK_TABLES.join(', ')} IN ACCESS EXCLUSIVE MODE`)
  const [{ n } = { n: 1 }] = await s.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_person')
  if (n > 0) return null
  const tables = [...BULK_TABLES]
  // Foreign keys from or to these tables (another table may reference a person).
  const fks = await s.query<Saved>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
     FROM pg_constraint WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))`,
    [tables],
  )
  const keys = await s.query<Saved>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
     FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = ANY($1::regclass[])`,
    [tables],
  )
  const indexes = await s.query<Saved>(
    `SELECT indrelid::regclass::text AS table, indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
     FROM pg_index i WHERE indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
    [tables],
  )
  for (const c of [...fks, ...keys]) await s.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${quote(c.name)}`)
  for (const i of indexes) await s.query(`DROP INDEX ${i.name}`)
  const out = await work()
  // Index builds sort in memory when they can.
  await s.query(`SET LOCAL maintenance_work_mem = '256MB'`)
  for (const c of keys) await s.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${quote(c.name)} ${c.def}`)
  for (const i of indexes) await s.query(i.def)
  for (const c of fks) await s.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${quote(c.name)} ${c.def}`)
  for (const t of tables) await s.query(`ANALYZE ${t}`)
  return out
}
