import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { applyAutomaticLocks } from '../accounts/index.js'
import { officerSession } from '../officers/officers.test-support.js'
import { NOW } from '../registry/registry.test-support.js'
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
const PASSWORD = 'Hanoi@2026x'
const PEOPLE = {
  ends: { id: '001190012345', phone: '+84912000001' },
  unlockedFirst: { id: '001088004321', phone: '+84912000002' },
  noEnd: { id: '036155000777', phone: '+84912000003' },
  late: { id: '079095001234', phone: '+84912000004' },
  checks: { id: '001200000001', phone: '+84912000005' },
}
// The lock holds through 2026-12-31 (a Thursday), Hà Nội time.
const LAST_DAY = '2026-12-31'

beforeAll(async () => {
  t = await startTestApp()
  for (const p of Object.values(PEOPLE))
    await givenAccount(t.db, { subjectId: p.id, phone: p.phone, password: PASSWORD, at: NOW })
  await at('2026-11-23T03:00:00Z')
}, 120_000)
afterAll(() => t.close())

// Officer sessions last hours: after moving the clock by days both officers log in again.
const at = async (instant: string) => {
  t.clock.set(instant)
  counter = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  approver = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
}
const until = (personalId: string, lockUntil: string) => ({ ...letter(personalId), lockUntil })
const approve = (id: string) => call(t, approver, 'POST', `${BASE}/${id}/approve`)
const lastSms = async (phone: string) =>
  t.db
    .selectFrom('platform_outbox')
    .select(['template', 'body'])
    .where('recipient', '=', phone)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
const authorityLock = (lockId: string) =>
  t.db.selectFrom('accounts_lock').selectAll().where('id', '=', lockId).executeTakeFirstOrThrow()
const requestsOf = (personalId: string) =>
  t.db.selectFrom('lock_requests_request').select('id').where('subject_id', '=', personalId).execute()

describe('the end date of an authority lock is checked when the letter is recorded', () => {
  test.each([
    [
      'an unlock',
      { ...letter(PEOPLE.checks.id, 'unlock'), lockUntil: '2027-01-01' },
      'LOCK_UNTIL_FOR_LOCK_ONLY',
    ],
    ['today', until(PEOPLE.checks.id, '2026-11-23'), 'LOCK_UNTIL_NOT_AFTER_TODAY'],
    ['a past day', until(PEOPLE.checks.id, '2026-01-01'), 'LOCK_UNTIL_NOT_AFTER_TODAY'],
    ['a day over 2 years ahead', until(PEOPLE.checks.id, '2028-11-24'), 'LOCK_UNTIL_TOO_FAR'],
    [
      'a letter dated tomorrow',
      { ...letter(PEOPLE.checks.id), authority: { ...letter('').authority, documentDate: '2026-11-24' } },
      'DOCUMENT_DATE_IN_FUTURE',
    ],
  ])('%s is refused with a clear code and nothing is written', async (_, body, code) => {
    const res = await call(t, counter, 'POST', BASE, body)
    expect([res.statusCode, res.json().code]).toEqual([400, `lock_requests.${code}`])
    expect(await requestsOf(PEOPLE.checks.id)).toEqual([])
  })

  test('a day that does not exist is a validation error; exactly 2 years ahead is accepted', async () => {
    const bad = await call(t, counter, 'POST', BASE, until(PEOPLE.checks.id, '2027-02-29'))
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'platform.VALIDATION'])
    const ok = await call(t, counter, 'POST', BASE, until(PEOPLE.checks.id, '2028-11-23'))
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toMatchObject({ kind: 'lock', lockUntil: '2028-11-23', state: 'recorded' })
  })
})

describe('an authority lock with an end date is lifted by the lock job the day after (D59 Art 19(4)(a); D69 Art 30)', () => {
  let requestId: string
  let lockId: string

  test('approved: the account is locked, the lock keeps its last day, the SMS says until when', async () => {
    const fwd = await givenForwarded(t, counter, until(PEOPLE.ends.id, LAST_DAY))
    requestId = fwd.id
    const res = await approve(fwd.id)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      state: 'carried_out',
      lockUntil: LAST_DAY,
      account: { status: 'locked' },
    })
    lockId = res.json().lockId
    expect(await authorityLock(lockId)).toMatchObject({ initiator: 'authority', lock_until: LAST_DAY })
    expect((await lastSms(PEOPLE.ends.phone)).body).toContain('den het ngay 31/12/2026')
  })

  test('the holder cannot lift it before its end', async () => {
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/unlock/start',
      payload: { username: PEOPLE.ends.id, password: PASSWORD },
    })
    expect(start.json().code).toBe('accounts.NOT_LOCKED_BY_HOLDER')
    expect(await accountStatus(t, PEOPLE.ends.id)).toBe('locked')
  })

  test('on its last day, up to 23:59 in Hà Nội, the lock job leaves it in force', async () => {
    t.clock.set('2026-12-31T16:59:00Z')
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ authorityLocksEnded: 0 })
    expect(await accountStatus(t, PEOPLE.ends.id)).toBe('locked')
    expect((await authorityLock(lockId)).unlocked_at).toBeNull()
  })

  test('the day after, the lock job lifts it, tells the holder and records it under the holder and the request', async () => {
    t.clock.set('2026-12-31T17:00:00Z')
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ authorityLocksEnded: 1 })
    expect(await accountStatus(t, PEOPLE.ends.id)).toBe('active')
    expect(await authorityLock(lockId)).toMatchObject({ unlocked_by: 'system:lock-job' })
    expect(await lastSms(PEOPLE.ends.phone)).toMatchObject({ template: 'accounts.lock.lifted' })
    expect((await lastSms(PEOPLE.ends.phone)).body).toContain('het thoi han khoa')
    const history = await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor', 'actor_kind'])
      .where('subject', '=', PEOPLE.ends.id)
      .orderBy('seq')
      .execute()
    expect(history.at(-1)).toEqual({
      action: 'accounts.account.unlocked',
      actor: 'system:lock-job',
      actor_kind: 'system',
    })
    // Again: nothing left to end.
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ authorityLocksEnded: 0 })
    await at('2027-01-04T03:00:00Z')
    const read = await call(t, approver, 'GET', `${BASE}/${requestId}`)
    expect(read.json().trail.map((e: { action: string }) => e.action)).toContain('accounts.account.unlocked')
  })
})

describe('before its end only the authority lifts it; without an end nothing but an unlock request does', () => {
  test('an unlock request approved before the end lifts it; the end date then changes nothing', async () => {
    await at('2027-01-04T03:00:00Z')
    const locked = await givenForwarded(t, counter, until(PEOPLE.unlockedFirst.id, '2027-03-31'))
    expect((await approve(locked.id)).statusCode).toBe(200)
    const unlock = await givenForwarded(t, counter, letter(PEOPLE.unlockedFirst.id, 'unlock'))
    const res = await approve(unlock.id)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ account: { status: 'active' } })
    t.clock.set('2027-04-01T03:00:00Z')
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ authorityLocksEnded: 0 })
    expect(await accountStatus(t, PEOPLE.unlockedFirst.id)).toBe('active')
  })

  test('a lock without an end date is still in force years later', async () => {
    await at('2027-04-01T03:00:00Z')
    const fwd = await givenForwarded(t, counter, letter(PEOPLE.noEnd.id))
    expect((await approve(fwd.id)).statusCode).toBe(200)
    t.clock.set('2029-06-01T03:00:00Z')
    expect(await applyAutomaticLocks(t.deps)).toMatchObject({ authorityLocksEnded: 0 })
    expect(await accountStatus(t, PEOPLE.noEnd.id)).toBe('locked')
  })

  test('a lock whose last day passed before the decision is not placed: the request waits to be refused', async () => {
    await at('2029-06-01T03:00:00Z')
    const fwd = await givenForwarded(t, counter, until(PEOPLE.late.id, '2029-06-02'))
    await at('2029-06-04T03:00:00Z')
    const res = await approve(fwd.id)
    expect([res.statusCode, res.json().code]).toEqual([409, 'lock_requests.LOCK_UNTIL_PASSED'])
    expect(await accountStatus(t, PEOPLE.late.id)).toBe('active')
    const refused = await call(t, approver, 'POST', `${BASE}/${fwd.id}/refuse`, {
      reasons: 'Thời hạn khoá trong văn bản đã hết trước khi xem xét',
    })
    expect(refused.json()).toMatchObject({ state: 'refused' })
  })
})
