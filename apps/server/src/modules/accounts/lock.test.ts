import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { givenAccount, lastSmsCode } from './accounts.test-support.js'
import { applyAutomaticLocks } from './lock.service.js'

let t: TestContext
const AN = '079095001234'
const BINH = '001190012345'
const DUNG = '036155000777'
const PASSWORD = 'Hanoi@2026x'

const account = async (subjectId: string) =>
  givenAccount(t.db, { subjectId: subjectId, password: PASSWORD, at: NOW })

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  for (const id of [AN, BINH, DUNG]) await account(id)
}, 60_000)
afterAll(() => t.close())

const post = (url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}) })
const statusOf = async (subjectId: string) =>
  (
    await t.db
      .selectFrom('accounts_account')
      .select('status')
      .where('subject_id', '=', subjectId)
      .executeTakeFirstOrThrow()
  ).status
const lastCode = () => lastSmsCode(t.db, 'otp.unlock')

describe('the holder locks and unlocks the account (form TK03)', () => {
  test('a lost phone: the ID number and password lock the account at once; logging in is refused', async () => {
    const res = await post('/api/v1/accounts/lock', { username: AN, password: PASSWORD })
    expect(res.json()).toEqual({ status: 'locked' })
    expect(await statusOf(AN)).toBe('locked')
    const login = await post('/api/v1/auth/login', { username: AN, password: PASSWORD })
    expect([login.statusCode, login.json().code]).toEqual([423, 'accounts.ACCOUNT_LOCKED'])
  })

  test('a wrong password locks nothing and answers like an unknown number', async () => {
    const res = await post('/api/v1/accounts/lock', { username: BINH, password: 'Wrong@2026x' })
    expect([res.statusCode, res.json().code]).toEqual([401, 'accounts.INVALID_CREDENTIALS'])
    expect(await statusOf(BINH)).toBe('active')
  })

  test('unlocking needs the password and then a code sent to the phone', async () => {
    const start = await post('/api/v1/accounts/unlock/start', { username: AN, password: PASSWORD })
    expect(start.statusCode, start.body).toBe(202)
    expect((await post('/api/v1/accounts/unlock/finish', { username: AN, code: '000000' })).statusCode).toBe(
      400,
    )
    const done = await post('/api/v1/accounts/unlock/finish', { username: AN, code: await lastCode() })
    expect(done.json()).toEqual({ status: 'active', remainingLocks: 0 })
    expect(await statusOf(AN)).toBe('active')
  })

  test('an account that is not locked by its holder cannot be "unlocked" by the holder', async () => {
    const res = await post('/api/v1/accounts/unlock/start', { username: BINH, password: PASSWORD })
    expect(res.json().code).toBe('accounts.NOT_LOCKED_BY_HOLDER')
  })
})

describe('automatic locks follow the registry (D69 Art 15, 29; DOMAIN §4 rules 3, 4, 7)', () => {
  test('an expired card locks the account, and a renewed one unlocks it by itself', async () => {
    await sql`UPDATE registry_card SET expires_on = '2026-11-01' WHERE personal_id = ${BINH} AND status = 'valid'`.execute(
      t.db,
    )
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ locked: 1 })
    expect(await statusOf(BINH)).toBe('locked')
    // Running again changes nothing.
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ locked: 0, unlocked: 0 })
    await sql`UPDATE registry_card SET expires_on = '2039-08-02' WHERE personal_id = ${BINH} AND status = 'valid'`.execute(
      t.db,
    )
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ unlocked: 1 })
    expect(await statusOf(BINH)).toBe('active')
  })

  test("the holder's own lock outlasts an automatic one: the account stays locked until the holder lifts it", async () => {
    await post('/api/v1/accounts/lock', { username: BINH, password: PASSWORD })
    await sql`UPDATE registry_card SET expires_on = '2026-11-01' WHERE personal_id = ${BINH} AND status = 'valid'`.execute(
      t.db,
    )
    await applyAutomaticLocks(t.deps)
    await sql`UPDATE registry_card SET expires_on = '2039-08-02' WHERE personal_id = ${BINH} AND status = 'valid'`.execute(
      t.db,
    )
    await applyAutomaticLocks(t.deps)
    expect(await statusOf(BINH)).toBe('locked')
  })

  test('a death recorded in the registry closes the account for good', async () => {
    await sql`UPDATE registry_person SET status = 'deceased', died_on = '2026-11-20' WHERE personal_id = ${DUNG}`.execute(
      t.db,
    )
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ closed: 1 })
    expect(await statusOf(DUNG)).toBe('closed')
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .select('action')
      .where('subject', '=', DUNG)
      .execute()
    expect(audit.map((a) => a.action)).toContain('accounts.account.closed')
  })
})
