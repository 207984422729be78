import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { DATA_DIR_IN_USE, lockDataDir } from './data-dir.lock.js'
import { openDb } from './db.js'

// PGlite has no lock of its own: two handles on one directory each write their own copy of the database.
const root = mkdtempSync(join(tmpdir(), 'dinhdanh-lock-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('one process per embedded database directory', () => {
  test('a second handle on an open directory is refused with a stable code; after close it opens', async () => {
    const dir = join(root, 'a')
    const first = await openDb({ dataDir: dir })
    await expect(openDb({ dataDir: dir })).rejects.toMatchObject({ code: DATA_DIR_IN_USE })
    await first.close()
    const again = await openDb({ dataDir: dir })
    await again.close()
  }, 60_000)

  test('a lock left by a process that has ended is taken over', () => {
    const dir = join(root, 'b')
    mkdirSync(dir, { recursive: true })
    const ended = spawnSync(process.execPath, ['-e', '']).pid
    if (ended === undefined) throw new Error('no child pid')
    writeFileSync(join(dir, 'dinhdanh.lock'), String(ended))
    const release = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(DATA_DIR_IN_USE)
    release()
    lockDataDir(dir)()
  })
})
