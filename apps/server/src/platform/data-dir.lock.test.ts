import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

  // A container restarted on a persisted ./data runs the server as pid 1 again: the lock its previous life left
  // names a live process (this one) and would refuse the start until someone deleted it.
  test('a lock naming this process that this process did not take (a restart with the same pid) is taken over', () => {
    const dir = join(root, 'c')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'dinhdanh.lock'), String(process.pid))
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'dinhdanh.lock'), 'utf8')).toBe(String(process.pid))
    expect(() => lockDataDir(dir)).toThrow(DATA_DIR_IN_USE)
    expect(() => lockDataDir(join(dir, '..', 'c', '.'))).toThrow(DATA_DIR_IN_USE)
    release()
    expect(existsSync(join(dir, 'dinhdanh.lock'))).toBe(false)
  })

  test('a release called twice does not free the directory for a later holder in this process', () => {
    const dir = join(root, 'd')
    mkdirSync(dir, { recursive: true })
    const first = lockDataDir(dir)
    first()
    const second = lockDataDir(dir)
    first()
    expect(() => lockDataDir(dir)).toThrow(DATA_DIR_IN_USE)
    second()
  })

  test('a lock naming another live process is still refused', () => {
    const dir = join(root, 'e')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'dinhdanh.lock'), String(process.ppid))
    expect(() => lockDataDir(dir)).toThrow(DATA_DIR_IN_USE)
  })
})
