import { afterAll, beforeAll, expect, test } from 'vitest'
import { verifyAuditChain } from '../../platform/audit/index.js'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { type Browser, browser, givenOfficer, logIn } from './officers.test-support.js'

let t: TestContext
let admin: Browser

beforeAll(async () => {
  t = await startTestApp()
  const anh = await givenOfficer(t, {
    officerNumber: 'CB-0001',
    fullName: 'Nguyễn Quốc Anh',
    unitCode: 'C06',
    roles: ['administrator'],
  })
  admin = browser(t)
  await logIn(t, admin, anh)
})
afterAll(() => t.close())

test('every administrator action is in the audit chain under the acting officer and their unit', async () => {
  const since =
    (
      await t.db
        .selectFrom('platform_audit_event')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirstOrThrow()
    ).seq ?? 0
  const call = async (method: 'GET' | 'POST', url: string, body?: object) => {
    const res = await admin.call(method, url, body, method === 'POST' ? admin.csrf() : {})
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300)
    return res.json()
  }
  await call('GET', '/api/v1/officer/units')
  await call('POST', '/api/v1/officer/units', {
    code: 'CAX-001-CUA-NAM',
    name: 'Công an phường Cửa Nam',
    level: 'commune',
    parentCode: 'PC06-001',
    provinceCode: '001',
  })
  const { officer } = await call('POST', '/api/v1/officer/officers', {
    officerNumber: 'CB-0300',
    fullName: 'Hoàng Minh Đức',
    unitCode: 'CAX-001-CUA-NAM',
    roles: ['receiving_officer'],
  })
  const one = `/api/v1/officer/officers/${officer.id}`
  await call('GET', '/api/v1/officer/officers?q=Đức')
  await call('GET', one)
  await call('POST', `${one}/assignment`, { roles: ['receiving_officer', 'supervisor'] })
  await call('POST', `${one}/suspend`)
  await call('POST', `${one}/reactivate`)
  await call('POST', `${one}/reset-password`)
  await call('POST', `${one}/reset-authenticator`)

  const events = await t.db
    .selectFrom('platform_audit_event')
    .select(['action', 'actor', 'actor_kind', 'subject', 'data'])
    .where('seq', '>', since)
    .orderBy('seq')
    .execute()
  expect(events.map((e) => [e.action, e.subject])).toEqual([
    ['officers.unit.listed', null],
    ['officers.unit.created', 'CAX-001-CUA-NAM'],
    ['officers.officer.created', 'CB-0300'],
    ['officers.officer.listed', null],
    ['officers.officer.viewed', 'CB-0300'],
    ['officers.officer.assignment_changed', 'CB-0300'],
    ['officers.officer.suspended', 'CB-0300'],
    ['officers.officer.reactivated', 'CB-0300'],
    ['officers.password.reset', 'CB-0300'],
    ['officers.authenticator.reset', 'CB-0300'],
  ])
  for (const e of events) expect(e).toMatchObject({ actor: 'CB-0001', actor_kind: 'officer' })
  for (const e of events) expect(e.data).toMatchObject({ actorUnit: 'C06' })
  expect(events[5]?.data).toMatchObject({
    roles: { from: ['receiving_officer'], to: ['receiving_officer', 'supervisor'] },
  })
  expect(events[3]?.data).toMatchObject({ filter: { q: 'Đức' }, shown: ['CB-0300'] })
  // Never a secret in the chain: no one-time password appears in any event.
  expect(JSON.stringify(events)).not.toMatch(/[A-Za-z0-9]{6}-[A-Za-z0-9]{6}-[A-Za-z0-9]{6}-[A-Za-z0-9]{6}/)
  expect((await verifyAuditChain(t.db)).ok).toBe(true)
})
