import { type LocalDate, nameKey } from '@dinhdanh/vn-id'
import type { Database } from '../../database.js'
import type { DbHandle } from '../../platform/db.js'
import { type ForeignerRecord, insertForeigners } from './foreigner.repository.js'
import { countPersons } from './person.repository.js'
import { withDeferredIndexes } from './registry.bulk-load.js'
import { COPY_ORDER, COPY_TARGETS } from './registry.copy-batch.js'
import { demoForeigners, demoPeople } from './registry.demo.js'
import { generatePopulation, type SyntheticOptions } from './registry.synthetic.js'
import { generateCopyBatches } from './registry.synthetic.parallel.js'
import { type StagedRecord, type WriteCounts, withSession, writeRecords } from './registry.writer.js'

export type SeedProgress = { done: number; total: number }
export type SeedOptions = {
  count: number
  seed: string
  asOf: LocalDate
  /** Stamped on created_at; defaults to midnight UTC of asOf (never the wall clock). */
  now?: Date
  batchSize?: number
  onProgress?: (p: SeedProgress) => void
  reserved?: Iterable<string>
}
export type SeedReport = WriteCounts & { foreigners: number }

/**
 * The first load of an empty registry: people generated in a worker thread, COPYed straight into the
 * tables in one transaction with their indexes built at the end. Null if the registry was not empty.
 */
const bulkLoad = async (
  handle: DbHandle<Database>,
  options: SyntheticOptions,
  now: Date,
  onProgress?: (p: SeedProgress) => void,
): Promise<SeedReport | null> => {
  const foreigners: ForeignerRecord[] = []
  const loaded = await withSession(handle, (s) =>
    withDeferredIndexes(s, async () => {
      // A crash mid-load rolls the whole load back; the WAL flush at commit adds nothing to that.
      await s.query('SET LOCAL synchronous_commit TO off')
      let done = 0
      for await (const batch of generateCopyBatches(options, now)) {
        for (const table of COPY_ORDER) {
          if (batch.copy[table]) await s.load(batch.copy[table], COPY_TARGETS[table])
        }
        foreigners.push(...batch.foreigners)
        done += batch.copy.count
        onProgress?.({ done, total: options.count })
      }
      return done
    }),
  )
  if (loaded === null) return null
  const inserted = await insertForeigners(handle.db, foreigners, nameKey, now)
  return { inserted: loaded, updated: 0, unchanged: 0, rejected: [], foreigners: inserted }
}

/**
 * Writes a synthetic population. An empty registry takes the bulk path; otherwise people are upserted
 * through the import's staging path (COPY + upsert), the next batch generated while the database
 * writes the previous one.
 */
export const seedRegistry = async (handle: DbHandle<Database>, opts: SeedOptions): Promise<SeedReport> => {
  const now = opts.now ?? new Date(`${opts.asOf}T00:00:00Z`)
  const options: SyntheticOptions = {
    count: opts.count,
    seed: opts.seed,
    asOf: opts.asOf,
    batchSize: opts.batchSize ?? 5_000,
    ...(opts.reserved ? { reserved: opts.reserved } : {}),
  }
  if ((await countPersons(handle.db)) === 0) {
    const bulk = await bulkLoad(handle, options, now, opts.onProgress)
    if (bulk) return bulk
  }
  const report: SeedReport = { inserted: 0, updated: 0, unchanged: 0, rejected: [], foreigners: 0 }
  let done = 0
  let line = 0
  // PostgreSQL writes two batches at once (households never straddle batches, so they touch disjoint rows).
  const inFlight = handle.engine === 'postgres' ? 2 : 1
  const pending: Promise<void>[] = []
  for (const batch of generatePopulation({ ...options, batchSize: opts.batchSize ?? 20_000 })) {
    const staged: StagedRecord[] = batch.citizens.map((record) => ({ line: ++line, record }))
    if (pending.length >= inFlight) await pending.shift()
    const write = (async () => {
      const out = await writeRecords(handle, staged, now, { trusted: true })
      report.inserted += out.inserted
      report.updated += out.updated
      report.unchanged += out.unchanged
      report.rejected.push(...out.rejected)
      report.foreigners += await insertForeigners(handle.db, batch.foreigners, nameKey, now)
      done += staged.length
      opts.onProgress?.({ done, total: opts.count })
    })()
    // Awaited in order below; the no-op handler only keeps a second failure from counting as unhandled.
    write.catch(() => {})
    pending.push(write)
  }
  await Promise.all(pending)
  return report
}

export type DemoSeedOptions = {
  asOf: LocalDate
  now?: Date
  population: number
  seed?: string
  onProgress?: (p: SeedProgress) => void
}

/**
 * First-start seeding: a synthetic population of `population` people if the registry is empty (the
 * initial-load path), then the named demo people (upserted: unchanged on later starts).
 */
export const seedDemoRegistry = async (handle: DbHandle<Database>, opts: DemoSeedOptions) => {
  const now = opts.now ?? new Date(`${opts.asOf}T00:00:00Z`)
  const empty = (await countPersons(handle.db)) === 0
  // The generator never hands out the demo people's numbers.
  const reserved = demoPeople.flatMap((p) => [
    p.record.personalId,
    ...(p.record.oldCmnd ? [p.record.oldCmnd] : []),
  ])
  const synthetic =
    empty && opts.population > 0
      ? await seedRegistry(handle, {
          count: opts.population,
          seed: opts.seed ?? 'dinhdanh-demo',
          asOf: opts.asOf,
          now,
          reserved: [...reserved, ...demoForeigners.map((f) => f.record.foreignerId)],
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        })
      : undefined
  const demo = await writeRecords(
    handle,
    demoPeople.map((p, i) => ({ line: i + 1, record: p.record })),
    now,
  )
  await insertForeigners(
    handle.db,
    demoForeigners.map((f) => f.record),
    nameKey,
    now,
  )
  return { demo, synthetic }
}
