import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import { NOW } from '../registry/registry.test-support.js'
import { BASE, call, type Headers, letter } from './lock-requests.test-support.js'

let t: TestContext
let counter: Headers
let approver: Headers
const WEEKEND = '001190012345'
const NEW_YEAR = '001088004321'

beforeAll(async () => {
  t = await startTestApp()
  for (const id of [WEEKEND, NEW_YEAR]) await givenAccount(t.db, { subjectId: id, at: NOW })
}, 120_000)
afterAll(() => t.close())

// 10:00 in Hà Nội on the given day; officer sessions last hours, so both officers log in again.
const at = async (day: string) => {
  t.clock.set(`${day}T03:00:00Z`)
  counter = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  approver = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
}
const read = async (id: string) => (await call(t, approver, 'GET', `${BASE}/${id}`)).json()

describe('forwarded within 1 working day, decided within 2 more (D69 Art 29-30), in working days', () => {
  test('recorded on a Friday: forwarded by Monday; a late forwarding on Tuesday moves the decision to Thursday', async () => {
    await at('2026-11-27')
    const recorded = (await call(t, counter, 'POST', BASE, letter(WEEKEND))).json()
    expect(recorded).toMatchObject({
      recordedOn: '2026-11-27',
      forwardBy: '2026-11-30',
      decideBy: '2026-12-02',
    })
    await at('2026-11-30')
    expect((await read(recorded.id)).overdue).toBe(false)
    await at('2026-12-01')
    expect((await read(recorded.id)).overdue).toBe(true)
    const fwd = (await call(t, counter, 'POST', `${BASE}/${recorded.id}/forward`)).json()
    expect(fwd).toMatchObject({ forwardedOn: '2026-12-01', decideBy: '2026-12-03' })
    expect((await read(recorded.id)).overdue).toBe(false)
  })

  test('New Year’s Day (a Friday) and the weekend do not count; the queue flags what is overdue', async () => {
    await at('2026-12-31')
    const recorded = (await call(t, counter, 'POST', BASE, letter(NEW_YEAR))).json()
    expect(recorded).toMatchObject({ forwardBy: '2027-01-04' })
    const fwd = (await call(t, counter, 'POST', `${BASE}/${recorded.id}/forward`)).json()
    expect(fwd).toMatchObject({ forwardedOn: '2026-12-31', decideBy: '2027-01-05' })
    await at('2027-01-05')
    const due = (await call(t, approver, 'GET', BASE)).json().items
    expect(due.map((r: { decideBy: string; overdue: boolean }) => [r.decideBy, r.overdue])).toEqual([
      ['2026-12-03', true],
      ['2027-01-05', false],
    ])
    await at('2027-01-06')
    const late = (await call(t, approver, 'GET', BASE)).json().items
    expect(late.every((r: { overdue: boolean }) => r.overdue)).toBe(true)
  })
})
