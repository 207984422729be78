import { type LocalDate, nameKey } from '@dinhdanh/vn-id'
import type { Database } from '../../database.js'
import type { DbHandle } from '../../platform/db.js'
import { insertForeigners } from './foreigner.repository.js'
import { countPersons } from './person.repository.js'
import { demoForeigners, demoPeople } from './registry.demo.js'
import { loadInitialBatch } from './registry.initial-load.js'
import { generatePopulation } from './registry.synthetic.js'
import { type StagedRecord, type WriteCounts, writeRecords } from './registry.writer.js'

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
 * Writes a synthetic population through the import's fast path (COPY + upsert). The next batch is
 * generated while the database writes the previous one.
 */
export const seedRegistry = async (handle: DbHandle<Database>, opts: SeedOptions): Promise<SeedReport> => {
  const now = opts.now ?? new Date(`${opts.asOf}T00:00:00Z`)
  const report: SeedReport = { inserted: 0, updated: 0, unchanged: 0, rejected: [], foreigners: 0 }
  let done = 0
  let line = 0
  // PostgreSQL writes two batches at once (households never straddle batches, so they touch disjoint rows).
  const inFlight = handle.engine === 'postgres' ? 2 : 1
  const pending: Promise<void>[] = []
  const population = generatePopulation({
    count: opts.count,
    seed: opts.seed,
    asOf: opts.asOf,
    batchSize: opts.batchSize ?? 20_000,
    ...(opts.reserved ? { reserved: opts.reserved } : {}),
  })
  // An empty registry takes the initial-load path: COPY straight into the tables.
  const initial = (await countPersons(handle.db)) === 0
  for (const batch of population) {
    const staged: StagedRecord[] = batch.citizens.map((record) => ({ line: ++line, record }))
    if (pending.length >= inFlight) await pending.shift()
    const write = (async () => {
      const out = initial
        ? {
            inserted: await loadInitialBatch(handle, batch.citizens, now),
            updated: 0,
            unchanged: 0,
            rejected: [],
          }
        : await writeRecords(handle, staged, now, { trusted: true })
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
