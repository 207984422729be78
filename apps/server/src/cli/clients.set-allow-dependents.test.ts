import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

// `dinhdanh clients set` as an operator runs it, on an embedded database of its own (never the test schema).
const dataDir = mkdtempSync(join(tmpdir(), 'dinhdanh-cli-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DEMO_SEED: 'false',
  NODE_ENV: 'development',
  // The embedded engine: an empty DATABASE_URL counts as unset.
  DATABASE_URL: '',
}
const tsx = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs')

const cli = (...args: string[]) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [tsx, 'apps/server/src/cli.ts', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString()
    })
    child.on('exit', (code) => resolve({ code, out, err }))
  })

const REASON = 'Thỏa thuận kết nối số 16/2026 được bổ sung'

describe('dinhdanh clients set --allow-dependents', () => {
  let clientId = ''

  test('turns acting for dependents on and off on a registered client, printing it as JSON', async () => {
    const added = await cli(
      'clients',
      'add',
      '--name',
      'Trường thử',
      '--redirect-uri',
      'http://localhost:9/cb',
    )
    expect(added.code, added.err).toBe(0)
    clientId = JSON.parse(added.out).client_id
    expect(JSON.parse(added.out).allow_dependents).toBe(false)

    const on = await cli('clients', 'set', clientId, '--allow-dependents', 'on', '--reason', REASON)
    expect(on.code, on.err).toBe(0)
    expect(JSON.parse(on.out)).toMatchObject({ client_id: clientId, allow_dependents: true })
    const off = await cli('clients', 'set', clientId, '--allow-dependents', 'off', '--reason', REASON)
    expect(JSON.parse(off.out)).toMatchObject({ client_id: clientId, allow_dependents: false })
  }, 180_000)

  test('refuses a short reason, a value other than on or off, and no change', async () => {
    const cases: [string[], string][] = [
      [['--allow-dependents', 'on', '--reason', 'vì vậy'], 'oidc.REASON_REQUIRED'],
      [['--allow-dependents', 'yes', '--reason', REASON], 'on or off'],
      [['--allow-dependents', 'off', '--reason', REASON], 'oidc.ALLOW_DEPENDENTS_UNCHANGED'],
    ]
    for (const [args, message] of cases) {
      const res = await cli('clients', 'set', clientId, ...args)
      expect([res.code, res.err.includes(message)], res.err).toEqual([1, true])
    }
  }, 240_000)
})
