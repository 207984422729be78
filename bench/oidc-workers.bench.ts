import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { postForm } from './http-client.js'
import { measure } from './oidc.bench.js'
import type { BenchResult } from './types.js'

export type OidcWorkersBenchOptions = {
  databaseUrl: string
  workers?: readonly number[]
  grants?: number
  introspections?: number
  concurrency?: number
  log?: (line: string) => void
}

const tsx = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs')
// A key-encryption key for the benchmark's throw-away database only.
const BENCH_KEK = randomBytes(32).toString('base64url')
const PORT = 18_731

const serverEnv = (databaseUrl: string, workers: number) => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  WORKERS: String(workers),
  PORT: String(PORT),
  KEK: BENCH_KEK,
  DEMO_SEED: 'false',
  NODE_ENV: 'development',
  LOG_LEVEL: 'info',
})

/** The server as `npm start` runs it, with `workers` processes, until every one of them has said it is up. */
const startServer = async (databaseUrl: string, workers: number) => {
  const child: ChildProcess = spawn(process.execPath, [tsx, 'apps/server/src/main.ts'], {
    env: serverEnv(databaseUrl, workers),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  for (let i = 0; (out.match(/dinhdanh is up/g)?.length ?? 0) < workers; i++) {
    if (child.exitCode !== null || i > 600) throw new Error(`the server did not start: ${out.slice(-2000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  return {
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

const post = (path: string, basic: string, body: Record<string, string>) =>
  postForm(`http://localhost:${PORT}${path}`, basic, body)

/**
 * Client-credentials grants and introspections against the real server process (`main.ts`) on PostgreSQL,
 * with one server process and then with more (`WORKERS`): how the provider scales with processes.
 */
export const runOidcWorkersBench = async (opts: OidcWorkersBenchOptions): Promise<BenchResult[]> => {
  const log = opts.log ?? (() => {})
  const workerCounts = opts.workers ?? [1, 2]
  const grants = opts.grants ?? 4000
  const introspections = opts.introspections ?? 8000
  const c = opts.concurrency ?? 16
  const admin = new pg.Client({ connectionString: opts.databaseUrl })
  await admin.connect()
  const name = `dd_bench_workers_${randomBytes(4).toString('hex')}`
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(opts.databaseUrl)
  url.pathname = `/${name}`
  const databaseUrl = url.toString()
  const results: BenchResult[] = []
  try {
    let basic = ''
    for (const workers of workerCounts) {
      log(`  ${workers} server process(es) on PostgreSQL`)
      const server = await startServer(databaseUrl, workers)
      try {
        if (!basic) {
          // Registered as an operator would, with the CLI, once the first start has migrated the database.
          const { stdout } = await promisify(execFile)(
            process.execPath,
            [
              tsx,
              'apps/server/src/cli.ts',
              'clients',
              'add',
              '--name',
              'Máy đọc QR (benchmark)',
              '--redirect-uri',
              'https://verifier.example/cb',
              '--client-credentials',
            ],
            { env: serverEnv(databaseUrl, 1) },
          )
          const creds = JSON.parse(stdout) as { client_id: string; client_secret: string }
          basic = `Basic ${Buffer.from(`${creds.client_id}:${creds.client_secret}`).toString('base64')}`
        }
        const tokens: string[] = []
        const grant = () =>
          post('/oidc/token', basic, { grant_type: 'client_credentials', scope: 'share_redeem' })
        await measure(200, c, async () => {
          tokens.push(String((await grant()).access_token))
        })
        const g = await measure(grants, c, async () => {
          tokens.push(String((await grant()).access_token))
        })
        const loadAfterGrants = Number((loadavg()[0] ?? 0).toFixed(1))
        const i = await measure(introspections, c, async (_w, k) => {
          const body = await post('/oidc/token/introspection', basic, {
            token: tokens[k % tokens.length] ?? '',
            token_type_hint: 'access_token',
          })
          if (body.active !== true) throw new Error('a machine token was not active')
        })
        const loadAfterIntrospection = Number((loadavg()[0] ?? 0).toFixed(1))
        const { cpuMsPerOp: _g, ...gf } = g
        const { cpuMsPerOp: _i, ...inf } = i
        log(`  ${workers} process(es): ${g.ops} grants/s, ${i.ops} introspections/s`)
        results.push(
          {
            name: 'oidc.workers.client_credentials',
            engine: 'postgres',
            count: grants,
            target: 1000,
            extra: { workers, concurrency: c, loadAverage: loadAfterGrants },
            ...gf,
          },
          {
            name: 'oidc.workers.introspection',
            engine: 'postgres',
            count: introspections,
            target: 2000,
            extra: { workers, concurrency: c, loadAverage: loadAfterIntrospection },
            ...inf,
          },
        )
      } finally {
        await server.stop()
      }
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
  return results
}
