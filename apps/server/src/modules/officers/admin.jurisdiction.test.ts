import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { type Browser, browser, type GivenOfficer, givenOfficer, logIn } from './officers.test-support.js'

let t: TestContext
let hanoiAdmin: Browser
let central: Browser
let saigon: GivenOfficer
let badinh: GivenOfficer

beforeAll(async () => {
  t = await startTestApp()
  const admin = await givenOfficer(t, {
    officerNumber: 'CB-0002',
    fullName: 'Đỗ Thu Trang',
    unitCode: 'PC06-001',
    roles: ['administrator'],
  })
  const anh = await givenOfficer(t, {
    officerNumber: 'CB-0001',
    fullName: 'Nguyễn Quốc Anh',
    unitCode: 'C06',
    roles: ['administrator'],
  })
  saigon = await givenOfficer(t, {
    officerNumber: 'CB-0079',
    fullName: 'Phan Thị Sài Gòn',
    unitCode: 'CAX-079-SAI-GON',
    roles: ['receiving_officer'],
  })
  badinh = await givenOfficer(t, {
    officerNumber: 'CB-0042',
    fullName: 'Trần Thị Lan',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })
  await givenOfficer(t, {
    officerNumber: 'CB-0200',
    fullName: 'Võ Thanh Tâm',
    unitCode: 'PA08-079',
    roles: ['immigration_officer'],
  })
  hanoiAdmin = browser(t)
  await logIn(t, hanoiAdmin, admin)
  central = browser(t)
  await logIn(t, central, anh)
})
afterAll(() => t.close())

const numbers = (res: { json(): { items: { officerNumber: string }[] } }) =>
  res.json().items.map((o) => o.officerNumber)

describe('a provincial administrator manages the officers of units within the province only', () => {
  test('every action on an officer of another province is refused, and nothing changes', async () => {
    const other = `/api/v1/officer/officers/${saigon.id}`
    const b = hanoiAdmin
    const tries = [
      await b.call('GET', other),
      await b.call('POST', `${other}/assignment`, { roles: ['approver'] }, b.csrf()),
      await b.call('POST', `${other}/suspend`, undefined, b.csrf()),
      await b.call('POST', `${other}/reactivate`, undefined, b.csrf()),
      await b.call('POST', `${other}/reset-password`, undefined, b.csrf()),
      await b.call('POST', `${other}/reset-authenticator`, undefined, b.csrf()),
      await b.call('GET', '/api/v1/officer/officers?unitCode=CAX-079-SAI-GON'),
    ]
    for (const res of tries)
      expect([res.statusCode, res.json().code]).toEqual([403, 'officers.OUTSIDE_JURISDICTION'])
    const row = await t.db
      .selectFrom('officers_officer')
      .selectAll()
      .where('id', '=', saigon.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      roles: ['receiving_officer'],
      status: 'active',
      password_change_required: false,
    })
    expect(row.totp_sealed).not.toBeNull()
  })

  test('an officer of the province cannot be moved out of it', async () => {
    const res = await hanoiAdmin.call(
      'POST',
      `/api/v1/officer/officers/${badinh.id}/assignment`,
      { unitCode: 'CAX-079-SAI-GON' },
      hanoiAdmin.csrf(),
    )
    expect([res.statusCode, res.json().code]).toEqual([403, 'officers.OUTSIDE_JURISDICTION'])
    const within = await hanoiAdmin.call(
      'POST',
      `/api/v1/officer/officers/${badinh.id}/assignment`,
      { unitCode: 'CAX-001-HOAN-KIEM' },
      hanoiAdmin.csrf(),
    )
    expect(within.json()).toMatchObject({ unit: { code: 'CAX-001-HOAN-KIEM' } })
  })

  test('lists show the province only; the central administrator sees everyone', async () => {
    expect(numbers(await hanoiAdmin.call('GET', '/api/v1/officer/officers'))).toEqual(['CB-0002', 'CB-0042'])
    expect(numbers(await central.call('GET', '/api/v1/officer/officers'))).toEqual([
      'CB-0001',
      'CB-0002',
      'CB-0042',
      'CB-0079',
      'CB-0200',
    ])
    const units = (await hanoiAdmin.call('GET', '/api/v1/officer/units'))
      .json()
      .items.map((u: { code: string }) => u.code)
    expect(units).toEqual(['CAX-001-BA-DINH', 'CAX-001-HOAN-KIEM', 'PC06-001'])
  })

  test('units are added within the province only', async () => {
    const hcm = await hanoiAdmin.call(
      'POST',
      '/api/v1/officer/units',
      {
        code: 'CAX-079-BEN-THANH',
        name: 'Công an phường Bến Thành',
        level: 'commune',
        parentCode: 'PC06-079',
        provinceCode: '079',
      },
      hanoiAdmin.csrf(),
    )
    expect([hcm.statusCode, hcm.json().code]).toEqual([403, 'officers.OUTSIDE_JURISDICTION'])
    const hn = await hanoiAdmin.call(
      'POST',
      '/api/v1/officer/units',
      {
        code: 'CAX-001-CUA-NAM',
        name: 'Công an phường Cửa Nam',
        level: 'commune',
        parentCode: 'PC06-001',
        provinceCode: '001',
      },
      hanoiAdmin.csrf(),
    )
    expect(hn.statusCode, hn.body).toBe(201)
  })

  test('a list filters by role, status and number or name, a page at a time', async () => {
    const page = (q: string) => central.call('GET', `/api/v1/officer/officers?${q}`)
    expect(numbers(await page('role=receiving_officer'))).toEqual(['CB-0042', 'CB-0079'])
    expect(numbers(await page('q=T%C3%A2m'))).toEqual(['CB-0200'])
    expect(numbers(await page('q=0079'))).toEqual(['CB-0079'])
    expect(numbers(await page('status=suspended'))).toEqual([])
    const second = (await page('pageSize=2&page=2')).json()
    expect([second.total, second.items.map((o: { officerNumber: string }) => o.officerNumber)]).toEqual([
      5,
      ['CB-0042', 'CB-0079'],
    ])
  })
})

describe('only administrators manage officers', () => {
  test('a receiving officer lists, reads and changes no officer account', async () => {
    const b = browser(t)
    await logIn(t, b, badinh)
    for (const res of [
      await b.call('GET', '/api/v1/officer/officers'),
      await b.call('GET', `/api/v1/officer/officers/${saigon.id}`),
      await b.call('GET', '/api/v1/officer/units'),
      await b.call('POST', `/api/v1/officer/officers/${saigon.id}/suspend`, undefined, b.csrf()),
    ])
      expect([res.statusCode, res.json().code]).toEqual([403, 'officers.PERMISSION_DENIED'])
  })
})
