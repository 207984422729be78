import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
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
let otherCommune: Headers
let approver: Headers
let approver2: Headers
let provinceApprover: Headers
let both: Headers
let supervisor: Headers
const PEOPLE = ['001190012345', '001088004321', '036155000777', '079095001234', '001200000001']
const [RACE, RACE2, FOUR_EYES, REFUSED, LIMITS] = PEOPLE as [string, string, string, string, string]

beforeAll(async () => {
  t = await startTestApp()
  for (const id of PEOPLE) await givenAccount(t.db, { subjectId: id, at: NOW })
  counter = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  otherCommune = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-001-HOAN-KIEM' }))
    .headers
  approver = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
  approver2 = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
  provinceApprover = (await officerSession(t, { roles: ['approver'], unitCode: 'PC06-001' })).headers
  both = (await officerSession(t, { roles: ['receiving_officer', 'approver'], unitCode: 'C06' })).headers
  supervisor = (await officerSession(t, { roles: ['supervisor'], unitCode: 'C06' })).headers
}, 180_000)
afterAll(() => t.close())

const decide = (h: Headers, id: string, what: 'approve' | 'refuse', body?: object) =>
  call(t, h, 'POST', `${BASE}/${id}/${what}`, what === 'refuse' ? (body ?? {}) : undefined)

describe('one decision per request (one UPDATE … WHERE state = forwarded)', () => {
  test('two approvers approving at once: one wins, the other gets ALREADY_DECIDED, one lock is placed', async () => {
    const r = await givenForwarded(t, counter, letter(RACE))
    const results = await Promise.all([decide(approver, r.id, 'approve'), decide(approver2, r.id, 'approve')])
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 409])
    expect(results.find((x) => x.statusCode === 409)?.json().code).toBe('lock_requests.ALREADY_DECIDED')
    const locks = await t.db
      .selectFrom('accounts_lock')
      .selectAll()
      .where('initiator', '=', 'authority')
      .execute()
    expect(locks).toHaveLength(1)
  })

  test('an approval and a refusal at once: exactly one of them is the decision', async () => {
    const r = await givenForwarded(t, counter, letter(RACE2))
    const results = await Promise.all([
      decide(approver, r.id, 'approve'),
      decide(approver2, r.id, 'refuse', { reasons: 'Văn bản không nêu căn cứ pháp lý' }),
    ])
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 409])
    const row = await t.db
      .selectFrom('lock_requests_request')
      .select('state')
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow()
    expect(['carried_out', 'refused']).toContain(row.state)
    expect(await accountStatus(t, RACE2)).toBe(row.state === 'carried_out' ? 'locked' : 'active')
  })
})

describe('four eyes: the officer who recorded a request never decides it', () => {
  test('an officer with both roles records, then may not approve or refuse; another approver may', async () => {
    const r = await givenForwarded(t, both, letter(FOUR_EYES))
    expect((await decide(both, r.id, 'approve')).json().code).toBe('officers.FOUR_EYES_REQUIRED')
    expect((await decide(both, r.id, 'refuse', { reasons: 'Không đủ căn cứ để khóa' })).json().code).toBe(
      'officers.FOUR_EYES_REQUIRED',
    )
    expect((await decide(approver, r.id, 'approve')).statusCode).toBe(200)
  })
})

describe('a refusal is written, with reasons (D59 Art 19(4))', () => {
  test('no reasons, or a word, is refused; written reasons refuse the request and leave the account alone', async () => {
    const r = await givenForwarded(t, counter, letter(REFUSED))
    expect((await decide(approver, r.id, 'refuse')).json().code).toBe('lock_requests.REASONS_REQUIRED')
    expect((await decide(approver, r.id, 'refuse', { reasons: 'không' })).json().code).toBe(
      'lock_requests.REASONS_REQUIRED',
    )
    const reasons = 'Văn bản yêu cầu không ghi số hồ sơ vụ án; đề nghị cơ quan bổ sung'
    const res = await decide(approver, r.id, 'refuse', { reasons })
    expect(res.json()).toMatchObject({ state: 'refused', refusalReasons: reasons })
    expect(await accountStatus(t, REFUSED)).toBe('active')
    expect((await decide(approver2, r.id, 'approve')).json().code).toBe('lock_requests.ALREADY_DECIDED')
  })
})

describe('roles and jurisdiction', () => {
  let id: string

  test('only lock_request.record records and forwards; only the receiving unit forwards', async () => {
    expect((await call(t, approver, 'POST', BASE, letter(LIMITS))).json().code).toBe(
      'officers.PERMISSION_DENIED',
    )
    const recorded = await call(t, counter, 'POST', BASE, letter(LIMITS))
    expect(recorded.statusCode, recorded.body).toBe(201)
    id = recorded.json().id
    expect((await call(t, counter, 'POST', BASE, letter(LIMITS))).json().code).toBe(
      'lock_requests.REQUEST_OPEN',
    )
    expect((await call(t, otherCommune, 'POST', `${BASE}/${id}/forward`)).json().code).toBe(
      'officers.OUTSIDE_JURISDICTION',
    )
    expect((await call(t, otherCommune, 'GET', `${BASE}/${id}`)).json().code).toBe(
      'officers.OUTSIDE_JURISDICTION',
    )
    expect((await call(t, approver, 'POST', `${BASE}/${id}/forward`)).json().code).toBe(
      'officers.PERMISSION_DENIED',
    )
    expect((await decide(approver, id, 'approve')).json().code).toBe('lock_requests.ALREADY_DECIDED')
  })

  test('state changes need the CSRF token', async () => {
    const { 'x-csrf-token': _, ...noCsrf } = counter
    expect((await call(t, noCsrf, 'POST', `${BASE}/${id}/forward`)).json().code).toBe('officers.CSRF_INVALID')
    expect((await call(t, counter, 'POST', `${BASE}/${id}/forward`)).statusCode).toBe(200)
  })

  test('a receiving officer or a supervisor cannot decide or see the queue', async () => {
    expect((await decide(counter, id, 'approve')).json().code).toBe('officers.PERMISSION_DENIED')
    expect((await call(t, counter, 'GET', BASE)).json().code).toBe('officers.PERMISSION_DENIED')
    expect((await call(t, supervisor, 'GET', `${BASE}/${id}`)).json().code).toBe('officers.PERMISSION_DENIED')
  })

  test('under Decree 69 only the MPS ID-management body (a central unit) decides', async () => {
    expect((await decide(provinceApprover, id, 'approve')).json().code).toBe(
      'lock_requests.CENTRAL_UNIT_REQUIRED',
    )
    expect((await call(t, provinceApprover, 'GET', BASE)).json().code).toBe(
      'lock_requests.CENTRAL_UNIT_REQUIRED',
    )
    const queue = await call(t, approver, 'GET', BASE)
    expect(queue.json().items.map((r: { id: string }) => r.id)).toEqual([id])
  })
})
