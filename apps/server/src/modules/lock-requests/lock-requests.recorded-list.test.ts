import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import { NOW } from '../registry/registry.test-support.js'
import { BASE, call, type Headers, letter } from './lock-requests.test-support.js'

let t: TestContext
let counter: Headers
let otherCommune: Headers
let approver: Headers
const PEOPLE = ['001190012345', '001088004321', '036155000777', '079095001234']
const [OLD, FORWARDED, DECIDED, ELSEWHERE] = PEOPLE as [string, string, string, string]
const RECORDED = `${BASE}/recorded`

type Item = { id: string; personalId: string; state: string; forwardBy: string; overdue: boolean }
type Page = { total: number; page: number; pageSize: number; items: Item[] }
const list = async (h: Headers, query = '') => {
  const res = await call(t, h, 'GET', `${RECORDED}${query}`)
  expect(res.statusCode, res.body).toBe(200)
  const page: Page = res.json()
  return page
}

// 10:00 in Hà Nội on the given day; officer sessions last hours, so the officers log in again.
const at = async (day: string) => {
  t.clock.set(`${day}T03:00:00Z`)
  counter = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  otherCommune = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-001-HOAN-KIEM' }))
    .headers
  approver = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
}
const record = async (h: Headers, personalId: string) => {
  const res = await call(t, h, 'POST', BASE, letter(personalId))
  expect(res.statusCode, res.body).toBe(201)
  const id: string = res.json().id
  return id
}

let ids: Record<string, string> = {}

beforeAll(async () => {
  t = await startTestApp()
  for (const id of PEOPLE) await givenAccount(t.db, { subjectId: id, at: NOW })
  // Monday to Wednesday: one request a day at Ba Đình, one at Hoàn Kiếm; one forwarded, one decided.
  await at('2026-11-23')
  const old = await record(counter, OLD)
  await at('2026-11-24')
  const forwarded = await record(counter, FORWARDED)
  expect((await call(t, counter, 'POST', `${BASE}/${forwarded}/forward`)).statusCode).toBe(200)
  const elsewhere = await record(otherCommune, ELSEWHERE)
  await at('2026-11-25')
  const decided = await record(counter, DECIDED)
  expect((await call(t, counter, 'POST', `${BASE}/${decided}/forward`)).statusCode).toBe(200)
  expect((await call(t, approver, 'POST', `${BASE}/${decided}/approve`)).statusCode).toBe(200)
  ids = { old, forwarded, decided, elsewhere }
}, 180_000)
afterAll(() => t.close())

describe('the recording unit sees the requests it recorded (GET …/lock-requests/recorded)', () => {
  test('newest first, its own unit only, with the forward-by date and the overdue flag', async () => {
    const page = await list(counter)
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 20 })
    expect(page.items.map((r) => [r.id, r.state])).toEqual([
      [ids.decided, 'carried_out'],
      [ids.forwarded, 'forwarded'],
      [ids.old, 'recorded'],
    ])
    // Recorded on Monday, to be forwarded by Tuesday: on Wednesday it is late.
    expect(page.items[2]).toMatchObject({ personalId: OLD, forwardBy: '2026-11-24', overdue: true })
    expect(page.items.slice(0, 2).map((r) => r.overdue)).toEqual([false, false])
    expect((await list(otherCommune)).items.map((r) => r.id)).toEqual([ids.elsewhere])
  })

  test('paged, and filtered by what is left to do: to forward, forwarded, decided', async () => {
    const first = await list(counter, '?pageSize=2')
    const second = await list(counter, '?pageSize=2&page=2')
    expect([first.total, second.total]).toEqual([3, 3])
    expect([...first.items, ...second.items].map((r) => r.id)).toEqual([ids.decided, ids.forwarded, ids.old])
    expect((await list(counter, '?state=recorded')).items.map((r) => r.id)).toEqual([ids.old])
    expect((await list(counter, '?state=forwarded')).items.map((r) => r.id)).toEqual([ids.forwarded])
    expect((await list(counter, '?state=decided')).items.map((r) => r.id)).toEqual([ids.decided])
  })

  test('forwarding late clears the flag; a bad filter or page is a validation error', async () => {
    expect((await call(t, counter, 'POST', `${BASE}/${ids.old}/forward`)).statusCode).toBe(200)
    expect((await list(counter, '?state=recorded')).total).toBe(0)
    expect((await list(counter)).items.every((r) => !r.overdue)).toBe(true)
    for (const query of ['?state=approved', '?page=0', '?pageSize=101']) {
      const res = await call(t, counter, 'GET', `${RECORDED}${query}`)
      expect([res.statusCode, res.json().code]).toEqual([400, 'platform.VALIDATION'])
    }
  })

  test('only officers who record requests see the list', async () => {
    const res = await call(t, approver, 'GET', RECORDED)
    expect([res.statusCode, res.json().code]).toEqual([403, 'officers.PERMISSION_DENIED'])
    const anonymous = await t.app.inject({ method: 'GET', url: RECORDED })
    expect(anonymous.statusCode).toBe(401)
  })
})
