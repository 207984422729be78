import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { SECTIONS } from './sections.js'
import type { BenchResult } from './types.js'

// `npm run bench [-- --quick] [-- --only registry,face] [-- --render]`: runs the benchmarks, keeps every section's latest
// figures in docs/benchmarks.json and writes docs/benchmarks.md from them.
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice(7) ?? args[args.indexOf('--only') + 1]
const only = args.includes('--only') || onlyArg ? (onlyArg ?? '').split(',') : undefined
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const JSON_PATH = 'docs/benchmarks.json'

type Stored = { at: string; quick: boolean; machine: string; node: string; results: BenchResult[] }

const machine = () =>
  `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`

const metOf = (r: BenchResult) => {
  const checks: boolean[] = []
  if (r.target !== undefined) checks.push(r.ops >= r.target)
  if (r.targetP50ms !== undefined && r.p50ms !== undefined) checks.push(r.p50ms <= r.targetP50ms)
  if (r.targetP99ms !== undefined && r.p99ms !== undefined) checks.push(r.p99ms <= r.targetP99ms)
  return checks.length === 0 ? '—' : checks.every(Boolean) ? 'met' : '**missed**'
}

const targetOf = (r: BenchResult) =>
  [
    r.target !== undefined ? `≥ ${r.target.toLocaleString('en')}/s` : '',
    r.targetP50ms !== undefined ? `p50 ≤ ${r.targetP50ms} ms` : '',
    r.targetP99ms !== undefined ? `p99 ≤ ${r.targetP99ms} ms` : '',
  ]
    .filter(Boolean)
    .join(', ') || '—'

const render = (stored: Record<string, Stored>) => {
  const parts = SECTIONS.filter((s) => stored[s.id]).map((s) => {
    const st = stored[s.id] as Stored
    const rows = st.results.map((r) => {
      const lat = r.p50ms === undefined ? '—' : `${r.p50ms} / ${r.p99ms}`
      const size = r.extra?.gallerySize
      const workers = r.extra?.workers
      const what = `${s.describe[r.name] ?? r.name}${typeof size === 'number' ? `, ${size.toLocaleString('en')} faces` : ''}${typeof workers === 'number' ? `, ${workers} server process${workers === 1 ? '' : 'es'}` : ''}`
      return `| ${what} | ${r.engine} | ${r.count.toLocaleString('en')} | ${r.ops.toLocaleString('en')} | ${lat} | ${r.peakRssMb ?? '—'} | ${targetOf(r)} | ${metOf(r)} |`
    })
    return `## ${s.title}

Measured ${st.at.slice(0, 10)}${st.quick ? ' (quick mode: smaller sizes)' : ''} on ${st.machine}, Node ${st.node}.

| what | engine | count | ops/s | p50 / p99 ms | peak RSS MB | target | |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

${s.notes(st.results, st.quick)}
`
  })
  return `# Benchmarks

Written by \`npm run bench\` (\`-- --only registry,fingerprint,face\` runs some sections; \`-- --quick\` smaller
sizes). PostgreSQL is the local server; PGlite is the embedded engine in the same process. Raw figures:
\`docs/benchmarks.json\`. The machine has 2 cores: other load on it lowers every figure.

${parts.join('\n')}`
}

const run = async () => {
  const stored: Record<string, Stored> = existsSync(JSON_PATH)
    ? JSON.parse(readFileSync(JSON_PATH, 'utf8'))
    : {}
  // `--render`: rewrite docs/benchmarks.md from the stored figures (after a change of the notes).
  if (args.includes('--render')) {
    writeFileSync('docs/benchmarks.md', render(stored))
    return
  }
  for (const section of SECTIONS) {
    if (only && !only.includes(section.id)) continue
    console.error(`== ${section.title}`)
    const at = new Date().toISOString()
    const results = await section.run({ quick, databaseUrl, log: (l) => console.error(l) })
    console.table(results.map(({ extra, ...r }) => r))
    // Read again: another run (another section) may have written the file while this one measured.
    const latest: Record<string, Stored> = existsSync(JSON_PATH)
      ? JSON.parse(readFileSync(JSON_PATH, 'utf8'))
      : stored
    latest[section.id] = { at, quick, machine: machine(), node: process.version, results }
    // Written after every section: a later failure keeps what was measured.
    writeFileSync(JSON_PATH, `${JSON.stringify(latest, null, 2)}\n`)
    writeFileSync('docs/benchmarks.md', render(latest))
  }
  console.log('wrote docs/benchmarks.md and docs/benchmarks.json')
}

run().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
