import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const dataDir = mkdtempSync(join(tmpdir(), 'dinhdanh-main-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const waitReady = async (url: string, child: ChildProcess) => {
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server did not become ready (exit ${child.exitCode})`)
}

describe('the server process', () => {
  test('starts on an embedded database and stops cleanly on SIGTERM', async () => {
    const port = await freePort()
    const env = {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_SEED: 'false',
      LOG_LEVEL: 'info',
      // As a user starts it (vitest sets NODE_ENV=test, where no development key-encryption key is made).
      NODE_ENV: 'development',
      // The embedded engine: an empty DATABASE_URL counts as unset.
      DATABASE_URL: '',
    }
    const tsx = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs')
    const child = spawn(process.execPath, [tsx, 'apps/server/src/main.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
    })
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString()
    })
    await waitReady(`http://127.0.0.1:${port}/readyz`, child).catch((e: Error) => {
      throw new Error(`${e.message}: ${out.slice(-2000)}`)
    })
    // A command run beside the server on the same embedded database is refused, not given a stale copy.
    const cli = spawn(process.execPath, [tsx, 'apps/server/src/cli.ts', 'migrate'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let cliErr = ''
    cli.stderr?.on('data', (d: Buffer) => {
      cliErr += d.toString()
    })
    expect(await new Promise<number | null>((resolve) => cli.on('exit', resolve))).toBe(1)
    // tsx runs the server in a child process of its own: the pid named is that one's.
    expect(cliErr).toContain(
      `db.DATA_DIR_IN_USE: the embedded database in ${dataDir}/pglite is open in process`,
    )
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(out).toContain('shutting down')
    expect(out).toContain('bye')
    // The lock went with the server: the directory is free again.
    expect(existsSync(join(dataDir, 'pglite', 'dinhdanh.lock'))).toBe(false)
  }, 90_000)

  test('refuses to start on a bad variable and names it', async () => {
    const tsx = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs')
    const child = spawn(process.execPath, [tsx, 'apps/server/src/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString()
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(78)
    expect(err).toContain('PORT:')
  }, 60_000)
})
