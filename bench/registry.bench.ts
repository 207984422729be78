import { pathToFileURL } from 'node:url'
import { sql } from 'kysely'
import type { Database } from '../apps/server/src/database.js'
import { findPersonRecord, seedRegistry } from '../apps/server/src/modules/registry/index.js'
import type { DbHandle } from '../apps/server/src/platform/db.js'
import { withPglite, withPostgres } from './databases.js'
import type { BenchResult } from './types.js'

export type { BenchResult } from './types.js'

export type RegistryBenchOptions = {
  /** PostgreSQL to measure on; without it only PGlite is measured. */
  databaseUrl?: string
  pgliteSize?: number
  postgresSize?: number
  lookups?: number
  /** Concurrent lookups on PostgreSQL (PGlite is single-connection). */
  concurrency?: number
  asOf?: string
  log?: (line: string) => void
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
const round = (n: number, digits = 2) => Number(n.toFixed(digits))

// Peak resident memory, sampled: process.resourceUsage().maxRSS would include earlier phases.
const rssSampler = () => {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 50)
  return () => {
    clearInterval(timer)
    return round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, 0)
  }
}

const seed = async (
  handle: DbHandle<Database>,
  size: number,
  asOf: string,
  log: (s: string) => void,
): Promise<BenchResult> => {
  const stop = rssSampler()
  const t0 = performance.now()
  let lastLog = 0
  const report = await seedRegistry(handle, {
    count: size,
    seed: 'bench',
    asOf,
    onProgress: ({ done, total }) => {
      if (done - lastLog >= total / 10) {
        lastLog = done
        log(`  ${handle.engine} import ${done}/${total}`)
      }
    },
  })
  const seconds = (performance.now() - t0) / 1000
  // Rows in all five tables (people, cards, old numbers, family links, households): what COPY wrote.
  const { rows } = await sql<{
    n: number
  }>`SELECT (SELECT count(*) FROM registry_person) + (SELECT count(*) FROM registry_card)
    + (SELECT count(*) FROM registry_old_id) + (SELECT count(*) FROM registry_relative)
    + (SELECT count(*) FROM registry_household) AS n`.execute(handle.db)
  const tableRows = Number(rows[0]?.n ?? 0)
  return {
    extra: { tableRows, tableRowsPerSecond: round(tableRows / seconds, 0) },
    name: 'registry.import',
    engine: handle.engine,
    ops: round(report.inserted / seconds, 0),
    count: report.inserted,
    seconds: round(seconds),
    peakRssMb: stop(),
    ...(handle.engine === 'postgres' ? { target: 50_000 } : {}),
  }
}

// Lookups through the repository function the API uses: one round trip with cards, old numbers, relatives.
const lookups = async (handle: DbHandle<Database>, n: number, concurrency: number): Promise<BenchResult> => {
  const ids = (
    await sql<{
      id: string
    }>`select personal_id as id from registry_person order by random() limit 2000`.execute(handle.db)
  ).rows.map((r) => r.id)
  for (const id of ids.slice(0, 200)) await findPersonRecord(handle.db, id) // warm-up
  const latencies: number[] = []
  let next = 0
  const t0 = performance.now()
  const worker = async () => {
    while (next < n) {
      const id = ids[next++ % ids.length] as string
      const s = performance.now()
      const row = await findPersonRecord(handle.db, id)
      latencies.push(performance.now() - s)
      if (!row) throw new Error(`lookup lost ${id}`)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return {
    name: 'registry.lookup',
    engine: handle.engine,
    ops: round(n / seconds, 0),
    p50ms: round(percentile(latencies, 0.5), 3),
    p99ms: round(percentile(latencies, 0.99), 3),
    count: n,
    seconds: round(seconds),
    target: handle.engine === 'postgres' ? 5_000 : 1_000,
  }
}

/** Registry lookups by ID (PGlite and PostgreSQL) and bulk import of synthetic people (rows/s, peak RSS). */
export const runRegistryBench = async (opts: RegistryBenchOptions = {}): Promise<BenchResult[]> => {
  const log = opts.log ?? (() => {})
  const asOf = opts.asOf ?? '2026-11-23'
  const results: BenchResult[] = []
  results.push(
    ...(await withPglite(async (lite) => [
      await seed(lite, opts.pgliteSize ?? 100_000, asOf, log),
      await lookups(lite, opts.lookups ?? 20_000, 1),
    ])),
  )
  if (!opts.databaseUrl) return results
  const concurrency = opts.concurrency ?? 8
  results.push(
    ...(await withPostgres(opts.databaseUrl, 'dinhdanh_bench_registry', concurrency, async (pg) => {
      const load = await seed(pg, opts.postgresSize ?? 1_000_000, asOf, log)
      await sql`analyze`.execute(pg.db)
      return [load, await lookups(pg, opts.lookups ?? 50_000, concurrency)]
    })),
  )
  return results
}

// `npx tsx bench/registry.bench.ts [pgliteSize] [postgresSize]` runs it alone (DATABASE_URL for PostgreSQL).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [pgliteSize, postgresSize] = process.argv.slice(2).map(Number)
  const results = await runRegistryBench({
    databaseUrl: process.env.DATABASE_URL,
    ...(pgliteSize ? { pgliteSize } : {}),
    ...(postgresSize ? { postgresSize } : {}),
    log: (l) => console.error(l),
  })
  console.table(results)
}
