import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openTestDb, TEST_KEK, type TestDb } from '../../test/harness.js'
import { frozenClock } from '../clock.js'
import { loadConfig } from '../config.js'
import { createKeyStore, generateKek, loadKek } from './index.js'
import { openWithKek } from './kek.js'

const log = pino({ level: 'silent' })
const clock = frozenClock()
const kek = Buffer.from(TEST_KEK, 'base64url')
let h: TestDb
beforeAll(async () => {
  h = await openTestDb()
})
afterAll(() => h.close())

const store = (key = kek) => createKeyStore({ db: h.db, clock, log }, key)
const rows = () => h.db.selectFrom('platform_signing_key').selectAll().execute()

describe('signing-key storage', () => {
  test('two instances starting at once create a single active key', async () => {
    const results = await Promise.all([
      store().ensureActiveKey(),
      store().ensureActiveKey(),
      store().ensureActiveKey(),
    ])
    expect(new Set(results.map((r) => r.kid)).size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect((await rows()).filter((r) => r.status === 'active')).toHaveLength(1)
  })

  test('the private key is stored encrypted, never in clear', async () => {
    const [row] = await rows()
    if (!row) throw new Error('expected a key')
    const d = (JSON.parse(openWithKek(kek, row.private_jwk_enc, row.kid)) as { d: string }).d
    expect(d).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(JSON.stringify(row)).not.toContain(d)
    expect(row.public_jwk).not.toHaveProperty('d')
    expect(row.private_jwk_enc).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/)
  })

  test('the ciphertext is bound to its kid: moved to another row it does not open', async () => {
    const [row] = await rows()
    if (!row) throw new Error('expected a key')
    expect(() => openWithKek(kek, row.private_jwk_enc, 'another-kid')).toThrow(
      expect.objectContaining({ code: 'keys.KEK_MISMATCH' }),
    )
  })

  test('a wrong KEK stops startup with keys.KEK_MISMATCH', async () => {
    const wrong = Buffer.from(generateKek(), 'base64url')
    await expect(store(wrong).ensureActiveKey()).rejects.toMatchObject({ code: 'keys.KEK_MISMATCH' })
    await expect(store(wrong).getSigner()).rejects.toMatchObject({ code: 'keys.KEK_MISMATCH' })
  })
})

describe('key-encryption key loading', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'dinhdanh-kek-'))

  test('in development without KEK one is generated into DATA_DIR/kek with mode 0600, then reused', () => {
    const DATA_DIR = dir()
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR })
    const first = loadKek(config, log)
    expect(first).toHaveLength(32)
    expect(statSync(join(DATA_DIR, 'kek')).mode & 0o777).toBe(0o600)
    expect(loadKek(config, log).equals(first)).toBe(true)
  })

  test('KEK_FILE is read, and a malformed key is refused with keys.KEK_INVALID', () => {
    const file = join(dir(), 'kek')
    writeFileSync(file, `${TEST_KEK}\n`)
    expect(loadKek(loadConfig({ NODE_ENV: 'test', KEK_FILE: file }), log).equals(kek)).toBe(true)
    writeFileSync(file, 'too-short')
    expect(() => loadKek(loadConfig({ NODE_ENV: 'test', KEK_FILE: file }), log)).toThrow(
      expect.objectContaining({ code: 'keys.KEK_INVALID' }),
    )
    expect(readFileSync(file, 'utf8')).toBe('too-short')
  })

  test('outside development a missing KEK is an error, never a generated key', () => {
    expect(() => loadKek(loadConfig({ NODE_ENV: 'test' }), log)).toThrow(
      expect.objectContaining({ code: 'keys.KEK_MISSING' }),
    )
  })
})
