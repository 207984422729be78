import { sql } from 'kysely'
import { officerSession } from '../apps/server/src/modules/officers/officers.test-support.js'
import { seedRegistry } from '../apps/server/src/modules/registry/index.js'
import { startTestApp, type TestContext } from '../apps/server/src/test/harness.js'
import { reportPages, seedReportData } from './counter.reports.js'
import type { BenchResult } from './types.js'

const round = (n: number, digits = 1) => Number(n.toFixed(digits))
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0

// Where the synthetic dossiers were received: the demo units (central has no counter of its own).
const UNITS = [
  ['CAX-001-BA-DINH', 'commune', '001'],
  ['CAX-001-HOAN-KIEM', 'commune', '001'],
  ['CAX-079-SAI-GON', 'commune', '079'],
  ['PC06-001', 'province', '001'],
  ['PC06-079', 'province', '079'],
] as const

/**
 * `dossiers` counter dossiers for registry people, a third of them waiting in the queue, the rest
 * decided or cancelled, received over the last 90 days in the demo units: what a busy system holds.
 */
export const seedDossiers = async (t: TestContext, dossiers: number) => {
  const units = sql.join(UNITS.map(([code, level, province]) => sql`(${code}, ${level}, ${province})`))
  await sql`
    WITH people AS (
      SELECT personal_id, full_name, birth_year, row_number() OVER () AS n
      FROM registry_person LIMIT ${dossiers}
    ), u AS (SELECT code, level, province, row_number() OVER () - 1 AS i FROM (VALUES ${units}) v(code, level, province))
    INSERT INTO enrolment_counter_dossier (
      id, number, kind, subject_id, full_name, date_of_birth, phone, email, documents, card_request, state,
      unit_code, unit_level, unit_province, received_by, received_by_number, face_verification_id,
      biometrics_verified_at, citizen_confirmed_at, received_on, due_on, decided_by, decided_at, reason,
      created_at, updated_at)
    SELECT gen_random_uuid(), 'TK01-BENCH-' || p.n, 'CITIZEN_L2_COUNTER', p.personal_id, p.full_name,
      p.birth_year::text, '+8439' || lpad((p.n % 10000000)::text, 7, '0'), NULL, '[]'::jsonb, NULL,
      CASE WHEN p.n % 3 = 0 THEN 'submitted' WHEN p.n % 3 = 1 THEN 'approved' ELSE 'rejected' END,
      u.code, u.level, u.province, gen_random_uuid(), 'CB-0001', gen_random_uuid(),
      now(), now(), d.received, d.received + 3,
      CASE WHEN p.n % 3 = 0 THEN NULL ELSE gen_random_uuid() END,
      -- Opened at 09:00 in Hà Nội on the day received; decided 0 to 4 days later (some after the due day).
      CASE WHEN p.n % 3 = 0 THEN NULL ELSE d.received + (p.n % 5)::int + time '03:00' END,
      CASE WHEN p.n % 3 = 2 THEN 'FACE_MISMATCH' END,
      d.received + time '02:00', now()
    FROM people p
    JOIN u ON u.i = p.n % ${UNITS.length}
    CROSS JOIN LATERAL (SELECT (DATE '2026-11-23' - (p.n % 90)::int) AS received) d
  `.execute(t.db)
  await sql`ANALYZE enrolment_counter_dossier`.execute(t.db)
}

type Page = { name: string; describe: string; url: () => string; headers: Record<string, string> }

const measure = async (t: TestContext, page: Page, n: number, inFlight: number) => {
  const latencies: number[] = []
  let next = 0
  const worker = async () => {
    while (next++ < n) {
      const started = performance.now()
      const res = await t.app.inject({ method: 'GET', url: page.url(), headers: page.headers })
      latencies.push(performance.now() - started)
      if (res.statusCode !== 200) throw new Error(`${page.name} answered ${res.statusCode}: ${res.body}`)
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: inFlight }, worker))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return {
    ops: round(n / seconds),
    p50: round(percentile(latencies, 0.5), 2),
    p99: round(percentile(latencies, 0.99), 2),
    seconds,
  }
}

/**
 * The officer's list and search pages on PostgreSQL with a registry of `people` and `dossiers` counter
 * dossiers: the approval queue (central and provincial approvers), the registry by ID and by name.
 */
export const runCounterBench = async (opts: {
  databaseUrl: string
  people?: number
  dossiers?: number
  requests?: number
  log?: (l: string) => void
}): Promise<BenchResult[]> => {
  const log = opts.log ?? (() => {})
  const people = opts.people ?? 1_000_000
  const dossiers = opts.dossiers ?? 100_000
  const previous = process.env.DATABASE_URL
  process.env.DATABASE_URL = opts.databaseUrl
  const t = await startTestApp()
  process.env.DATABASE_URL = previous
  try {
    log(`  counter: loading ${people} people`)
    await seedRegistry(t.handle, { count: people, seed: 'bench-counter', asOf: '2026-11-23' })
    log(`  counter: ${dossiers} dossiers`)
    const central = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
    const province = await officerSession(t, { roles: ['approver'], unitCode: 'PC06-079' })
    const counter = await officerSession(t, { roles: ['receiving_officer'] })
    const centralSupervisor = await officerSession(t, { roles: ['supervisor'], unitCode: 'C06' })
    const provincialSupervisor = await officerSession(t, { roles: ['supervisor'], unitCode: 'PC06-079' })
    await seedDossiers(t, dossiers)
    const appAccounts = Math.round(dossiers * 1.5)
    log(`  counter: ${appAccounts} app accounts, card applications and lock requests for the reports`)
    await seedReportData(t, { dossiers, appAccounts, cards: dossiers / 5, locks: dossiers / 50 })
    const sample = await t.db
      .selectFrom('registry_person')
      .select(['personal_id', 'full_name', 'birth_year'])
      .where(sql<boolean>`random() < 0.001`)
      .limit(500)
      .execute()
    let i = 0
    const pick = () => sample[i++ % sample.length] as (typeof sample)[number]
    const pages: Page[] = [
      {
        name: 'counter.queue.central',
        describe: 'approval queue, first page, central approver (all units)',
        url: () => '/api/v1/counter/queue?page=1&pageSize=20',
        headers: central.headers,
      },
      {
        name: 'counter.queue.province',
        describe: 'approval queue, a deep page, provincial approver',
        url: () => `/api/v1/counter/queue?page=${1 + (i++ % 50)}&pageSize=20`,
        headers: province.headers,
      },
      {
        name: 'counter.registry.by_id',
        describe: 'registry lookup by personal ID (officer page)',
        url: () => `/api/v1/registry/persons/${pick().personal_id}`,
        headers: counter.headers,
      },
      {
        name: 'counter.registry.by_name',
        describe: 'registry search by name and year of birth (officer page)',
        url: () => {
          const p = pick()
          return `/api/v1/registry/persons?name=${encodeURIComponent(p.full_name)}&dob=${p.birth_year}&page=1&pageSize=20`
        },
        headers: counter.headers,
      },
      ...reportPages(centralSupervisor.headers, provincialSupervisor.headers),
    ]
    const n = opts.requests ?? 1000
    const out: BenchResult[] = []
    for (const page of pages) {
      await measure(t, page, 50, 4)
      const m = await measure(t, page, n, 4)
      log(`  ${page.name}: ${m.ops}/s p50 ${m.p50} ms p99 ${m.p99} ms`)
      out.push({
        name: page.name,
        engine: 'postgres',
        ops: m.ops,
        p50ms: m.p50,
        p99ms: m.p99,
        count: n,
        seconds: round(m.seconds, 2),
        targetP99ms: 100,
        extra: { people, dossiers },
      })
    }
    return out
  } finally {
    await t.close()
  }
}
