import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { type BenchResult, runRegistryBench } from './registry.bench.js'

// `npm run bench [-- --quick]`: runs every benchmark, prints a table, writes docs/benchmarks.md and bench/results/.
const quick = process.argv.includes('--quick')
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const describe: Record<string, string> = {
  'registry.import': 'bulk load of synthetic people (rows/s)',
  'registry.lookup': 'lookup by personal ID through the data layer (ops/s)',
}

const run = async () => {
  const started = new Date()
  const results: BenchResult[] = await runRegistryBench({
    databaseUrl,
    pgliteSize: quick ? 10_000 : 100_000,
    postgresSize: quick ? 50_000 : 1_000_000,
    log: (l) => console.error(l),
  })
  console.table(results)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/latest.json', `${JSON.stringify({ at: started, quick, results }, null, 2)}\n`)

  const row = (r: BenchResult) => {
    const met = r.target === undefined ? '—' : r.ops >= r.target ? 'met' : '**missed**'
    const lat = r.p50ms === undefined ? '—' : `${r.p50ms} / ${r.p99ms}`
    const rss = r.peakRssMb === undefined ? '—' : `${r.peakRssMb}`
    const what = describe[r.name] ?? r.name
    return `| ${what} | ${r.engine} | ${r.count.toLocaleString('en')} | ${r.ops.toLocaleString('en')} | ${lat} | ${rss} | ${r.target?.toLocaleString('en') ?? '—'} | ${met} |`
  }
  const md = `# Benchmarks

Measured by \`npm run bench\`${quick ? ' (quick mode: smaller registries)' : ''} on ${started.toISOString().slice(0, 10)},
on this machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB,
Node ${process.version}. PostgreSQL is the local server; PGlite is the embedded engine in the same process.
Raw figures: \`bench/results/latest.json\`.

| what | engine | count | ops/s | p50 / p99 ms | peak RSS MB | target ops/s | target |
|---|---|---|---|---|---|---|---|
${results.map(row).join('\n')}

Notes:
- Lookups on PostgreSQL run 8 at a time over a pool of 8 connections against a registry of
  ${quick ? '50,000' : '1,000,000'} people; PGlite is single-connection, so its lookups run one at a time.
- A lookup reads the person with cards, old numbers and relatives through the plpgsql function
  \`registry_person_record\` (migration \`registry_0002\`), whose plan PostgreSQL caches per connection:
  planning the four-table query had cost more than running it.
- The import figure is the synthetic seed path (generate, COPY into the five registry tables, on
  PostgreSQL with two batches in flight). The 50,000 rows/s target is **not met** yet: about 22 µs a
  person goes to generating and hashing rows in Node and about 50 µs to PostgreSQL writing five tables
  and their indexes. Next steps: generate in a worker thread, build secondary indexes after a first bulk
  load, and a cheaper change-detection hash.
`
  writeFileSync('docs/benchmarks.md', md)
  console.log('wrote docs/benchmarks.md')
}

run().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
