import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { givenAccount } from '../apps/server/src/modules/accounts/accounts.test-support.js'
import type { TestBrowser } from '../apps/server/src/modules/accounts/session.test-support.js'
import { citizen, PASSWORD } from '../apps/server/src/modules/documents/documents.test-support.js'
import { AN, BINH, type OidcTest } from '../apps/server/src/modules/oidc/oidc.test-support.js'
import { personIdsAfter, seedRegistry } from '../apps/server/src/modules/registry/index.js'
import { AS_OF } from '../apps/server/src/modules/registry/registry.test-support.js'
import { createShare, MAX_PENDING } from '../apps/server/src/modules/sharing/index.js'
import { givenVerifier } from '../apps/server/src/modules/sharing/sharing.test-support.js'
import { onEachEngine } from './engines.js'
import { measure } from './oidc.bench.js'
import type { BenchResult } from './types.js'

export type SharingBenchOptions = {
  /** PostgreSQL to measure on as well (a schema of its own, dropped afterwards); without it only PGlite. */
  databaseUrl?: string | undefined
  engines?: ReadonlyArray<'pglite' | 'postgres'>
  redemptions?: number
  roundTrips?: number
  concurrency?: number
  log?: (line: string) => void
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits))

const runOn = async (
  engine: 'pglite' | 'postgres',
  t: OidcTest,
  o: Required<Omit<SharingBenchOptions, 'databaseUrl' | 'engines' | 'log'>>,
  log: (l: string) => void,
): Promise<BenchResult[]> => {
  const c = o.concurrency
  // Each holder may have MAX_PENDING codes waiting: enough holders for every code made ahead.
  const holders = Math.ceil((o.redemptions + 200) / MAX_PENDING) + c
  await seedRegistry(t.handle, { count: holders + 10, seed: 'bench-sharing', asOf: AS_OF })
  // Everyone but An and Bình, who have accounts already (startOidcTest).
  const people = (await personIdsAfter(t.db, '0', holders + 10))
    .filter((id) => id !== AN && id !== BINH)
    .slice(0, holders)
  log(`  ${holders} level-2 holders; ${c} of them log in`)
  for (const [i, subjectId] of people.entries())
    await givenAccount(t.db, {
      subjectId,
      level: 2,
      phone: `+8491${String(i).padStart(7, '0')}`,
      ...(i < c ? { password: PASSWORD } : {}),
      at: t.clock.now(),
    })
  const browsers: TestBrowser[] = []
  for (const subjectId of people.slice(0, c)) browsers.push(await citizen(t, subjectId))
  const verifier = await givenVerifier(t, { name: 'Máy quét QR đo tải' })
  const redeem = async (qr: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verifier/shares/redeem',
      payload: { qr },
      headers: { authorization: `Bearer ${verifier.token}` },
    })
    if (res.statusCode !== 200) throw new Error(`redeem answered ${res.statusCode}: ${res.body}`)
  }
  // Codes made ahead by the service (the holders are not logged in), redeemed over HTTP.
  const made = async (n: number, offset: number) => {
    const qrs: string[] = []
    for (let i = 0; i < n; i++) {
      const subject_id = people[c + ((offset + i) % (holders - c))] ?? ''
      qrs.push(
        (await createShare(t.deps, { subject_id, subject_kind: 'citizen', level: 2 }, { kind: 'basic' })).qr,
      )
    }
    return qrs
  }
  const result = (
    name: string,
    count: number,
    target: number | undefined,
    m: Awaited<ReturnType<typeof measure>>,
  ) => {
    const { cpuMsPerOp, ...figures } = m
    log(`  ${name} on ${engine}: ${m.ops}/s, p50 ${m.p50ms} ms, p99 ${m.p99ms} ms, ${cpuMsPerOp} ms CPU each`)
    return {
      name,
      engine,
      count,
      ...(target ? { target } : {}),
      extra: { concurrency: c, loadAverage: round(loadavg()[0] ?? 0, 1), cpuMsPerOp },
      ...figures,
    }
  }
  const warm = await made(100, 0)
  await measure(warm.length, c, async (_w, i) => redeem(warm[i] ?? ''))
  log(`  warmed up; ${o.redemptions} codes made, measuring on ${engine}`)
  const qrs = await made(o.redemptions, 100)
  const redemptions = await measure(qrs.length, c, async (_w, i) => redeem(qrs[i] ?? ''))
  const out: BenchResult[] = [result('sharing.redeem', o.redemptions, 1000, redemptions)]
  // A holder's whole round trip: the app asks for a code, the verifier redeems it (each worker its own holder).
  const trips = await measure(o.roundTrips, c, async (w) => {
    const b = browsers[w]
    if (!b) throw new Error('no browser')
    const res = await b.call('POST', '/api/v1/shares', { scope: { kind: 'basic' } }, b.csrf())
    if (res.statusCode !== 201) throw new Error(`share answered ${res.statusCode}: ${res.body}`)
    await redeem(res.json().qr)
  })
  out.push(result('sharing.create_redeem', o.roundTrips, undefined, trips))
  return out
}

/** Online QR sharing: redemptions by a verifier over HTTP (in-process), and a holder's create + redeem. */
export const runSharingBench = async (opts: SharingBenchOptions = {}): Promise<BenchResult[]> => {
  const log = opts.log ?? (() => {})
  const o = {
    redemptions: opts.redemptions ?? 4000,
    roundTrips: opts.roundTrips ?? 2000,
    concurrency: opts.concurrency ?? 8,
  }
  return onEachEngine(opts, 'online sharing', log, (engine, t) => runOn(engine, t, o, log))
}

// `npx tsx bench/sharing.bench.ts [redemptions]` runs it alone (SHARING_BENCH_ENGINES=pglite to skip PostgreSQL).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [n] = process.argv.slice(2).map(Number)
  const results = await runSharingBench({
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    ...(process.env.SHARING_BENCH_ENGINES
      ? { engines: process.env.SHARING_BENCH_ENGINES.split(',') as Array<'pglite' | 'postgres'> }
      : {}),
    redemptions: n || 4000,
    roundTrips: Math.ceil((n || 4000) / 2),
    log: (l) => console.error(l),
  })
  console.table(results.map(({ extra, ...r }) => r))
}
