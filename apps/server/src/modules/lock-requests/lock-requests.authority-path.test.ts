import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount, lastSmsCode } from '../accounts/accounts.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import {
  accountStatus,
  BASE,
  call,
  givenForwarded,
  type Headers,
  letter,
} from './lock-requests.test-support.js'

let t: TestContext
let counter: Headers
let approver: Headers
let approverNumber: string
const AN = '079095001234'
const PASSWORD = 'Hanoi@2026x'
const PHONE = '+84912345678'

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  await givenAccount(t.db, { subjectId: AN, password: PASSWORD, phone: PHONE, at: NOW })
  counter = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  const a = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  approver = a.headers
  approverNumber = a.officer.officerNumber
}, 120_000)
afterAll(() => t.close())

const post = (url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}) })
const lastSms = async () =>
  (
    await t.db
      .selectFrom('platform_outbox')
      .select(['template', 'body'])
      .where('recipient', '=', PHONE)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
  ).template

describe('an authority locks and later unlocks an account (LID Art 34(1)(e); D69 Art 29-30)', () => {
  let lockId: string

  test('recorded at the counter, forwarded, approved at C06: the account is locked at once and the holder told by SMS', async () => {
    const fwd = await givenForwarded(t, counter, letter(AN))
    expect(fwd).toMatchObject({
      state: 'forwarded',
      kind: 'lock',
      ground: 'lid_34_1_e',
      receivingUnit: 'CAX-001-BA-DINH',
    })
    t.clock.advance(60_000)
    const res = await call(t, approver, 'POST', `${BASE}/${fwd.id}/approve`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      state: 'carried_out',
      decidedBy: approverNumber,
      account: { status: 'locked' },
    })
    lockId = res.json().lockId
    expect(await accountStatus(t, AN)).toBe('locked')
    expect(await lastSms()).toBe('accounts.lock.authority')
    const lock = await t.db
      .selectFrom('accounts_lock')
      .selectAll()
      .where('id', '=', lockId)
      .executeTakeFirstOrThrow()
    expect(lock).toMatchObject({
      initiator: 'authority',
      ground: 'authority_request',
      locked_by: approverNumber,
    })
    const login = await post('/api/v1/auth/login', { username: AN, password: PASSWORD })
    expect(login.json().code).toBe('accounts.ACCOUNT_LOCKED')
  })

  test('the holder’s history shows the lock carried out, never the pending request; the request’s trail has every step', async () => {
    const history = await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor', 'actor_kind'])
      .where('subject', '=', AN)
      .execute()
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'accounts.account.locked', actor: approverNumber }),
      ]),
    )
    // A request under way must not tip off the person it may be about.
    expect(history.filter((e) => e.action.startsWith('lock_requests.'))).toEqual([])
    const id = (
      await t.db
        .selectFrom('lock_requests_request')
        .select('id')
        .where('lock_id', '=', lockId)
        .executeTakeFirstOrThrow()
    ).id
    const read = await call(t, approver, 'GET', `${BASE}/${id}`)
    expect(read.json().trail.map((e: { action: string }) => e.action)).toEqual([
      'lock_requests.request.recorded',
      'lock_requests.request.forwarded',
      'lock_requests.request.approved',
      'accounts.account.locked',
      'lock_requests.request.carried_out',
      'lock_requests.request.read',
    ])
  })

  test('the holder cannot lift an authority lock: their own unlock lifts only their own lock', async () => {
    const start = await post('/api/v1/accounts/unlock/start', { username: AN, password: PASSWORD })
    expect(start.json().code).toBe('accounts.NOT_LOCKED_BY_HOLDER')
    // The holder adds a lock of their own (a lost phone) and lifts it: the authority's stays.
    expect((await post('/api/v1/accounts/lock', { username: AN, password: PASSWORD })).statusCode).toBe(200)
    t.clock.advance(60_000)
    expect(
      (await post('/api/v1/accounts/unlock/start', { username: AN, password: PASSWORD })).statusCode,
    ).toBe(202)
    const code = await lastSmsCode(t.db, 'otp.unlock')
    const done = await post('/api/v1/accounts/unlock/finish', { username: AN, code })
    expect(done.json()).toEqual({ status: 'locked', remainingLocks: 1 })
    expect(await accountStatus(t, AN)).toBe('locked')
  })

  test('a second lock request while an authority lock is in force is refused at the counter', async () => {
    const res = await call(t, counter, 'POST', BASE, letter(AN))
    expect([res.statusCode, res.json().code]).toEqual([409, 'accounts.ALREADY_LOCKED_BY_AUTHORITY'])
  })

  test('the authority asks to lift its lock: approved, the account is active again and the holder told', async () => {
    const fwd = await givenForwarded(t, counter, letter(AN, 'unlock'))
    t.clock.advance(60_000)
    const res = await call(t, approver, 'POST', `${BASE}/${fwd.id}/approve`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      state: 'carried_out',
      kind: 'unlock',
      lockId,
      account: { status: 'active' },
    })
    expect(await accountStatus(t, AN)).toBe('active')
    expect(await lastSms()).toBe('accounts.lock.lifted')
    const lock = await t.db
      .selectFrom('accounts_lock')
      .selectAll()
      .where('id', '=', lockId)
      .executeTakeFirstOrThrow()
    expect(lock.unlocked_by).toBe(approverNumber)
    const login = await post('/api/v1/auth/login', { username: AN, password: PASSWORD })
    expect(login.json().code).not.toBe('accounts.ACCOUNT_LOCKED')
  })

  test('an unlock request needs an authority lock in force', async () => {
    const res = await call(t, counter, 'POST', BASE, letter(AN, 'unlock'))
    expect([res.statusCode, res.json().code]).toEqual([409, 'accounts.NOT_LOCKED_BY_AUTHORITY'])
  })
})
