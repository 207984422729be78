import { createHash, randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { givenAccount } from '../apps/server/src/modules/accounts/accounts.test-support.js'
import {
  AN,
  authorizationRequest,
  BINH,
  CALLBACK,
  exchange,
  givenRelyingParty,
  logIn,
  type OidcTest,
  PASSWORD,
  type TestAgent,
  testAgent,
} from '../apps/server/src/modules/oidc/oidc.test-support.js'
import { personIdsAfter, seedRegistry } from '../apps/server/src/modules/registry/index.js'
import { AS_OF } from '../apps/server/src/modules/registry/registry.test-support.js'
import { onEachEngine } from './engines.js'
import { postForm } from './http-client.js'
import type { BenchResult } from './types.js'

export type OidcBenchOptions = {
  /** PostgreSQL to measure on as well (a schema of its own, dropped afterwards); without it only PGlite. */
  databaseUrl?: string | undefined
  /** Which engines to measure (both by default); `OIDC_BENCH_ENGINES=postgres` when run alone. */
  engines?: ReadonlyArray<'pglite' | 'postgres'>
  flows?: number
  refreshes?: number
  grants?: number
  introspections?: number
  /** Requests in flight: each is a different citizen (flows, refresh chains) or a relying party's worker. */
  concurrency?: number
  log?: (line: string) => void
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
const round = (n: number, digits = 1) => Number(n.toFixed(digits))
const b64url = (b: Buffer) => b.toString('base64url')

type Rp = { id: string; secret: string; basic: string }
type Citizen = { agent: TestAgent; refreshToken: string }

const basicOf = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`

const form = (url: string, rp: Rp, body: Record<string, string>) => postForm(url, rp.basic, body)

/** `n` operations, `inFlight` workers each taking the next one: throughput and latency of each. */
export const measure = async (
  n: number,
  inFlight: number,
  op: (worker: number, i: number) => Promise<void>,
) => {
  const latencies: number[] = []
  let next = 0
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: inFlight }, async (_, w) => {
      while (next < n) {
        const i = next++
        const s = performance.now()
        await op(w, i)
        latencies.push(performance.now() - s)
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  latencies.sort((a, b) => a - b)
  return {
    // This process's CPU per operation (server and load generator, not PostgreSQL): other load on the
    // machine lowers throughput far more than it raises this, so before/after comparisons use it.
    cpuMsPerOp: round((cpu.user + cpu.system) / 1000 / n, 2),
    ops: round(n / seconds),
    p50ms: round(percentile(latencies, 0.5), 2),
    p99ms: round(percentile(latencies, 0.99), 2),
    seconds: round(seconds, 2),
  }
}

/** The server on a port with `citizens` logged-in citizens who consented to one relying party. */
const setUp = async (t: OidcTest, citizens: number, log: (l: string) => void) => {
  await seedRegistry(t.handle, { count: citizens * 3, seed: 'bench-oidc', asOf: AS_OF })
  // Everyone but An and Bình, who have accounts already.
  const people = (await personIdsAfter(t.db, '0', citizens * 3)).filter((id) => id !== AN && id !== BINH)
  const rp = await givenRelyingParty(t, { scopes: ['openid', 'profile', 'offline_access'], minLevel: 1 })
  const machine = await givenRelyingParty(t, { name: 'Máy quét QR', clientCredentials: true })
  const secret = rp.creds.client_secret ?? ''
  const machineSecret = machine.creds.client_secret ?? ''
  log(`  ${citizens} citizens log in and consent (password, SMS code, consent)`)
  const logged: Citizen[] = []
  for (const [i, subjectId] of people.slice(0, citizens).entries()) {
    // A phone of each one's own: the SMS code for the new device is limited per phone.
    const phone = `+8491${String(i).padStart(7, '0')}`
    await givenAccount(t.db, { subjectId, level: 2, password: PASSWORD, phone, at: t.clock.now() })
    const agent = testAgent()
    const req = await authorizationRequest(rp.config, {
      scope: 'openid profile offline_access',
      prompt: 'consent',
    })
    const step = await logIn(t, agent, req.url, { username: subjectId })
    if (!step.callback) throw new Error(`${subjectId} did not log in: ${step.body.slice(0, 500)}`)
    const tokens = await exchange(rp.config, step.callback, req)
    logged.push({ agent, refreshToken: tokens.refresh_token ?? '' })
  }
  return {
    rp: { id: rp.creds.client_id, secret, basic: basicOf(rp.creds.client_id, secret) },
    machine: {
      id: machine.creds.client_id,
      secret: machineSecret,
      basic: basicOf(machine.creds.client_id, machineSecret),
    },
    citizens: logged,
  }
}

type World = Awaited<ReturnType<typeof setUp>>

/** One whole login of a citizen already logged in and consenting: authorization request with PKCE, code, tokens. */
const flow = async (t: OidcTest, w: World, citizen: Citizen) => {
  const verifier = b64url(randomBytes(32))
  const url = new URL(`${t.issuer}/oidc/auth`)
  url.search = new URLSearchParams({
    client_id: w.rp.id,
    response_type: 'code',
    scope: 'openid profile',
    redirect_uri: CALLBACK,
    code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    state: b64url(randomBytes(16)),
    nonce: b64url(randomBytes(16)),
  }).toString()
  const res = await citizen.agent.request(url.href)
  const location = res.headers.get('location') ?? ''
  await res.arrayBuffer()
  const code = location.startsWith(CALLBACK) ? new URL(location).searchParams.get('code') : null
  if (!code) throw new Error(`no code: ${res.status} ${location}`)
  const tokens = await form(`${t.issuer}/oidc/token`, w.rp, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CALLBACK,
    code_verifier: verifier,
  })
  if (typeof tokens.id_token !== 'string') throw new Error('no ID token')
  return String(tokens.access_token)
}

const runOn = async (
  engine: 'pglite' | 'postgres',
  t: OidcTest,
  o: Required<Omit<OidcBenchOptions, 'databaseUrl' | 'engines' | 'log'>>,
  log: (l: string) => void,
): Promise<BenchResult[]> => {
  const c = o.concurrency
  const w = await setUp(t, c, log)
  const result = (name: string, count: number, target: number, m: Awaited<ReturnType<typeof measure>>) => {
    // The one-minute load average at the end: other work on the machine lowers every figure.
    const { cpuMsPerOp, ...figures } = m
    const extra = { concurrency: c, loadAverage: round(loadavg()[0] ?? 0, 1), cpuMsPerOp }
    log(`  ${name} on ${engine}: ${m.ops}/s, p50 ${m.p50ms} ms, p99 ${m.p99ms} ms, ${cpuMsPerOp} ms CPU each`)
    return { name, engine, count, target, extra, ...figures }
  }
  const accessTokens: string[] = []
  const citizenOf = (worker: number) => w.citizens[worker % w.citizens.length] as Citizen
  await measure(Math.min(100, o.flows), c, async (k) => {
    accessTokens.push(await flow(t, w, citizenOf(k)))
  })
  log(`  warmed up; measuring on ${engine}`)
  const flows = await measure(o.flows, c, async (k) => {
    accessTokens.push(await flow(t, w, citizenOf(k)))
  })
  const out = [result('oidc.code_flow', o.flows, 150, flows)]

  // Each worker rotates its own citizen's refresh token: a chain, as one relying party's session would.
  const refresh = await measure(o.refreshes, c, async (k) => {
    const citizen = citizenOf(k)
    const tokens = await form(`${t.issuer}/oidc/token`, w.rp, {
      grant_type: 'refresh_token',
      refresh_token: citizen.refreshToken,
    })
    citizen.refreshToken = String(tokens.refresh_token)
  })
  out.push(result('oidc.refresh', o.refreshes, 1000, refresh))

  const grants = await measure(o.grants, c, async () => {
    await form(`${t.issuer}/oidc/token`, w.machine, {
      grant_type: 'client_credentials',
      scope: 'share_redeem',
    })
  })
  out.push(result('oidc.client_credentials', o.grants, 1000, grants))

  const introspection = await measure(o.introspections, c, async (_k, i) => {
    const body = await form(`${t.issuer}/oidc/token/introspection`, w.rp, {
      token: accessTokens[i % accessTokens.length] ?? '',
      token_type_hint: 'access_token',
    })
    if (body.active !== true) throw new Error('an access token was not active')
  })
  out.push(result('oidc.introspection', o.introspections, 2000, introspection))
  return out
}

/**
 * The OpenID provider over HTTP: whole authorization-code flows of logged-in citizens, refresh-token
 * and client-credentials grants, and introspection, on PGlite and PostgreSQL.
 */
export const runOidcBench = async (opts: OidcBenchOptions = {}): Promise<BenchResult[]> => {
  const log = opts.log ?? (() => {})
  const o = {
    flows: opts.flows ?? 2000,
    refreshes: opts.refreshes ?? 4000,
    grants: opts.grants ?? 4000,
    introspections: opts.introspections ?? 8000,
    concurrency: opts.concurrency ?? 16,
  }
  return onEachEngine(opts, 'OpenID provider', log, (engine, t) => runOn(engine, t, o, log))
}

// `npx tsx bench/oidc.bench.ts [flows]` runs it alone (DATABASE_URL for PostgreSQL, default the local server).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [flows] = process.argv.slice(2).map(Number)
  const n = flows || 2000
  const results = await runOidcBench({
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    ...(process.env.OIDC_BENCH_ENGINES
      ? { engines: process.env.OIDC_BENCH_ENGINES.split(',') as Array<'pglite' | 'postgres'> }
      : {}),
    flows: n,
    refreshes: n * 2,
    grants: n * 2,
    introspections: n * 4,
    log: (l) => console.error(l),
  })
  console.table(results.map(({ extra, ...r }) => r))
}
