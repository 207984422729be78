import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import type { Database } from '../apps/server/src/database.js'
import {
  ARGON2_PARAMS,
  deriveOtpKey,
  hashSecret,
  issueOtp,
  type OtpDeps,
  verifyOtp,
  verifySecret,
} from '../apps/server/src/modules/authn/index.js'
import { systemClock } from '../apps/server/src/platform/clock.js'
import type { DbHandle } from '../apps/server/src/platform/db.js'
import { withPglite, withPostgres } from './databases.js'
import type { BenchResult } from './types.js'

export type { BenchResult } from './types.js'

export type AuthnBenchOptions = {
  /** PostgreSQL to measure on (a database of its own is created and dropped); without it only PGlite. */
  databaseUrl?: string
  /** Password verifications in the throughput run. */
  verifications?: number
  /** Seconds of the paced run at `pacedShare` of the measured maximum. */
  pacedSeconds?: number
  pacedShare?: number
  /** One-time codes issued and verified per engine. */
  otps?: number
  /** Codes in flight on PostgreSQL (PGlite is single-connection). */
  concurrency?: number
  log?: (line: string) => void
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
const round = (n: number, digits = 2) => Number(n.toFixed(digits))
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const threadpool = () => Number(process.env.UV_THREADPOOL_SIZE ?? 4)

/** As many verifications in flight as libuv has threads, so every core hashes: the maximum rate. */
const verifyThroughput = async (n: number): Promise<BenchResult> => {
  const phc = await hashSecret('correct horse battery staple')
  for (let i = 0; i < 8; i++) await verifySecret(phc, 'warm-up')
  const inFlight = threadpool()
  const latencies: number[] = []
  let next = 0
  const t0 = performance.now()
  const worker = async () => {
    while (next++ < n) {
      const s = performance.now()
      if (!(await verifySecret(phc, 'correct horse battery staple'))) throw new Error('verification failed')
      latencies.push(performance.now() - s)
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return {
    name: 'authn.password.max',
    engine: 'node',
    ops: round(n / seconds, 1),
    p50ms: round(percentile(latencies, 0.5)),
    p99ms: round(percentile(latencies, 0.99)),
    count: n,
    seconds: round(seconds),
    target: 60,
    extra: { inFlight, cores: availableParallelism(), params: { ...ARGON2_PARAMS } },
  }
}

/** Open-loop arrivals at a fixed rate (below the maximum): the latency a login sees under steady load. */
const verifyPaced = async (rate: number, seconds: number, share: number): Promise<BenchResult> => {
  const phc = await hashSecret('correct horse battery staple')
  const n = Math.max(1, Math.round(rate * seconds))
  const interval = 1000 / rate
  const latencies: number[] = []
  const pending: Promise<void>[] = []
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    const due = t0 + i * interval
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
    pending.push(
      verifySecret(phc, 'correct horse battery staple').then(() => {
        latencies.push(performance.now() - due) // from when it was due: queueing counts
      }),
    )
  }
  await Promise.all(pending)
  const took = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return {
    name: 'authn.password.paced',
    engine: 'node',
    ops: round(n / took, 1),
    p50ms: round(percentile(latencies, 0.5)),
    p99ms: round(percentile(latencies, 0.99)),
    count: n,
    seconds: round(took),
    extra: { offeredRate: round(rate, 1), shareOfMax: share },
  }
}

/** Issue (rate limits, invalidation, hashed insert, outbox message, one transaction) then verify, per code. */
const otpRoundTrips = async (
  handle: DbHandle<Database>,
  n: number,
  concurrency: number,
  offset: number,
): Promise<BenchResult> => {
  const deps: OtpDeps = { db: handle.db, clock: systemClock, otpKey: deriveOtpKey(Buffer.alloc(32, 7)) }
  const once = async (i: number) => {
    let code = ''
    const subject = `bench:${offset + i}`
    await issueOtp(deps, {
      purpose: 'login_new_device',
      subject,
      // A phone of its own per code: each phone gets at most 10 codes an hour.
      recipient: `+849${String(offset + i).padStart(8, '0')}`,
      channel: 'sms',
      message: (c) => {
        code = c
        return { body: `Ma xac thuc dinhdanh cua ban la ${c}, hieu luc 5 phut. Khong chia se ma nay.` }
      },
    })
    const verdict = await verifyOtp(deps, { purpose: 'login_new_device', subject, code })
    if (!verdict.ok) throw new Error(`code rejected: ${verdict.reason}`)
  }
  for (let i = 0; i < 50; i++) await once(n + i) // warm-up, outside the measured range
  const latencies: number[] = []
  let next = 0
  const t0 = performance.now()
  const worker = async () => {
    while (next < n) {
      const i = next++
      const s = performance.now()
      await once(i)
      latencies.push(performance.now() - s)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return {
    name: 'authn.otp',
    engine: handle.engine,
    ops: round(n / seconds, 0),
    p50ms: round(percentile(latencies, 0.5), 3),
    p99ms: round(percentile(latencies, 0.99), 3),
    count: n,
    seconds: round(seconds),
    target: 500,
    extra: { concurrency },
  }
}

/**
 * Argon2id password verifications per second (maximum, and p50/p99 at 70 % of it), and one-time-code
 * issue+verify per second on PGlite and PostgreSQL.
 */
export const runAuthnBench = async (opts: AuthnBenchOptions = {}): Promise<BenchResult[]> => {
  const log = opts.log ?? (() => {})
  const results: BenchResult[] = []
  log('  password verification: maximum rate')
  const max = await verifyThroughput(opts.verifications ?? 600)
  results.push(max)
  const share = opts.pacedShare ?? 0.7
  log(`  password verification: paced at ${Math.round(share * 100)} % of ${max.ops}/s`)
  results.push(await verifyPaced(max.ops * share, opts.pacedSeconds ?? 10, share))

  const otps = opts.otps ?? 5_000
  results.push(
    await withPglite((lite) => {
      log('  one-time codes on PGlite')
      return otpRoundTrips(lite, otps, 1, 0)
    }),
  )
  if (!opts.databaseUrl) return results
  const concurrency = opts.concurrency ?? 8
  results.push(
    await withPostgres(opts.databaseUrl, 'dinhdanh_bench_authn', concurrency, (pg) => {
      log('  one-time codes on PostgreSQL')
      return otpRoundTrips(pg, otps, concurrency, 0)
    }),
  )
  return results
}

// `npx tsx bench/authn.bench.ts [otps]` runs it alone (DATABASE_URL for PostgreSQL, default the local server).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [otps] = process.argv.slice(2).map(Number)
  const results = await runAuthnBench({
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    ...(otps ? { otps } : {}),
    log: (l) => console.error(l),
  })
  console.table(results.map(({ extra, ...r }) => r))
}
