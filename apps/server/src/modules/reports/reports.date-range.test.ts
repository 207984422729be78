import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { CUONG, call } from '../enrolment/enrolment.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { type Headers, report } from './reports.test-support.js'

let t: TestContext
let supervisor: Headers

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
}, 120_000)
afterAll(() => t.close())

/** A dossier opened (and cancelled) at the Ba Đình counter at the given instant. */
const openedAt = async (instant: string) => {
  // The login moves the clock on by a TOTP step: log in a minute before, then open at the instant.
  t.clock.set(new Date(Date.parse(instant) - 60_000))
  const counter = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-001-BA-DINH' }))
    .headers
  t.clock.set(instant)
  const opened = await call(t, counter, 'POST', '/api/v1/counter/dossiers', CUONG)
  expect(opened.statusCode, opened.body).toBe(201)
  await call(t, counter, 'POST', `/api/v1/counter/dossiers/${opened.json().id}/cancel`)
}

describe('a report counts whole Vietnam days, at most 366 of them', () => {
  test('23:59 in Hà Nội is still the day; midnight is the next one', async () => {
    await openedAt('2026-11-20T16:59:59Z')
    await openedAt('2026-11-20T17:00:00Z')
    t.clock.set('2026-11-23T03:00:00Z')
    supervisor = (await officerSession(t, { roles: ['supervisor'], unitCode: 'C06' })).headers
    const friday = await report(t, supervisor, '/dossiers?from=2026-11-20&to=2026-11-20')
    expect(friday).toMatchObject({
      range: { from: '2026-11-20', to: '2026-11-20', days: 1 },
      total: { total: 1 },
    })
    const saturday = await report(t, supervisor, '/dossiers?from=2026-11-21&to=2026-11-21')
    expect(saturday.total.total).toBe(1)
    expect((await report(t, supervisor, '/dossiers')).total.total).toBe(2)
  })

  test('without dates: the 30 days up to today; `from` alone runs to today, `to` alone looks 30 days back', async () => {
    expect((await report(t, supervisor, '/accounts')).range).toEqual({
      from: '2026-10-25',
      to: '2026-11-23',
      days: 30,
    })
    expect((await report(t, supervisor, '/accounts?from=2026-11-01')).range).toEqual({
      from: '2026-11-01',
      to: '2026-11-23',
      days: 23,
    })
    expect((await report(t, supervisor, '/lock-requests?to=2026-02-28')).range).toEqual({
      from: '2026-01-30',
      to: '2026-02-28',
      days: 30,
    })
    expect((await report(t, supervisor, '/card-applications?from=2024-02-29&to=2025-02-28')).range.days).toBe(
      366,
    )
  })

  test('a day that does not exist, a reversed period and one longer than 366 days each get their own code', async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['/dossiers?from=2026-02-30', 'reports.INVALID_DATE', { field: 'from', value: '2026-02-30' }],
      ['/accounts?to=23/11/2026', 'reports.INVALID_DATE', { field: 'to' }],
      ['/card-applications?from=2026-11-23&to=2026-11-01', 'reports.RANGE_REVERSED', {}],
      ['/lock-requests?from=2026-12-01', 'reports.RANGE_REVERSED', { from: '2026-12-01', to: '2026-11-23' }],
      ['/dossiers?from=2025-11-22&to=2026-11-23', 'reports.RANGE_TOO_LONG', { days: 367, max: 366 }],
    ]
    for (const [path, code, details] of cases) {
      const body = await report(t, supervisor, path, 400)
      expect(body, path).toMatchObject({ code, details })
    }
    const tooLongQuery = await report(t, supervisor, `/dossiers?from=${'2'.repeat(20)}`, 400)
    expect(tooLongQuery.code).toBe('platform.VALIDATION')
  })
})
