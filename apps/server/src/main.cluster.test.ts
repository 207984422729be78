import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, test } from 'vitest'

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const tsx = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs')

const startServer = (env: Record<string, string>) => {
  const child = spawn(process.execPath, [tsx, 'apps/server/src/main.ts'], {
    env: { ...process.env, DEMO_SEED: 'false', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = { text: '' }
  const append = (d: Buffer) => {
    output.text += d.toString()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output, exited }
}

/** The pids of the server processes that said they were up, from the JSON log lines. */
const pidsUp = (text: string) =>
  new Set(
    text
      .split('\n')
      .filter((l) => l.includes('dinhdanh is up'))
      .map((l) => (JSON.parse(l) as { pid: number }).pid),
  )

const waitFor = async (what: string, ok: () => boolean | Promise<boolean>, child: ChildProcess) => {
  for (let i = 0; i < 480 && child.exitCode === null; i++) {
    if (await ok()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${what} did not happen (exit ${child.exitCode})`)
}

describe('WORKERS: several server processes on one port', () => {
  test.runIf(!process.env.DATABASE_URL)(
    'more than one process on the embedded database is refused at start (PGlite is one process only)',
    async () => {
      const { output, exited } = startServer({
        WORKERS: '2',
        DATABASE_URL: '',
        PORT: String(await freePort()),
      })
      expect(await exited).toBe(78)
      expect(output.text).toContain('WORKERS: more than one server process needs a PostgreSQL server')
    },
    60_000,
  )

  test.runIf(Boolean(process.env.DATABASE_URL))(
    'two processes serve the port, a killed one is replaced, SIGTERM stops them all',
    async () => {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await admin.connect()
      const name = `dd_cluster_${randomBytes(4).toString('hex')}`
      await admin.query(`CREATE DATABASE ${name}`)
      try {
        const url = new URL(process.env.DATABASE_URL as string)
        url.pathname = `/${name}`
        const port = await freePort()
        const { child, output, exited } = startServer({
          WORKERS: '2',
          DATABASE_URL: url.toString(),
          PORT: String(port),
        })
        const fail = (e: Error) => {
          child.kill('SIGKILL')
          throw new Error(`${e.message}: ${output.text.slice(-3000)}`)
        }
        await waitFor('two processes up', () => pidsUp(output.text).size === 2, child).catch(fail)
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
        expect(ready.status).toBe(200)
        // The primary migrated once; the workers did not race to migrate or make keys.
        expect(output.text.match(/signing key ready/g)?.length).toBe(1)

        const [first] = [...pidsUp(output.text)]
        process.kill(first as number, 'SIGKILL')
        await waitFor('a replacement process', () => pidsUp(output.text).size === 3, child).catch(fail)
        expect(output.text).toContain('a server process ended; starting another')
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200)

        child.kill('SIGTERM')
        expect(await exited).toBe(0)
        expect(output.text).toContain('stopping the server processes')
        expect(output.text.match(/"msg":"bye"/g)?.length).toBe(3)
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await admin.end()
      }
    },
    180_000,
  )
})
