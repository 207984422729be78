import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import {
  browser,
  completeFirstLogin,
  type GivenOfficer,
  givenOfficer,
  logIn,
} from './officers.test-support.js'

let t: TestContext
let admin: GivenOfficer
let hanoiAdmin: GivenOfficer
let lan: GivenOfficer

beforeAll(async () => {
  t = await startTestApp()
  admin = await givenOfficer(t, {
    officerNumber: 'CB-0001',
    fullName: 'Nguyễn Quốc Anh',
    unitCode: 'C06',
    roles: ['administrator'],
  })
  hanoiAdmin = await givenOfficer(t, {
    officerNumber: 'CB-0002',
    fullName: 'Đỗ Thu Trang',
    unitCode: 'PC06-001',
    roles: ['administrator'],
  })
  lan = await givenOfficer(t, {
    officerNumber: 'CB-0042',
    fullName: 'Trần Thị Lan',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })
})
afterAll(() => t.close())

const newOfficer = {
  officerNumber: 'CB-0300',
  fullName: 'Hoàng Minh Đức',
  unitCode: 'CAX-001-HOAN-KIEM',
  roles: ['approver'],
}

describe('enrolment: an administrator creates an officer, who enrols at the first login', () => {
  test('the one-time password is shown once; the first login sets the password and the authenticator', async () => {
    const b = browser(t)
    await logIn(t, b, admin)
    const created = await b.call('POST', '/api/v1/officer/officers', newOfficer, b.csrf())
    expect(created.statusCode, created.body).toBe(201)
    expect(created.headers['cache-control']).toBe('no-store')
    const { officer, initialPassword } = created.json()
    expect(officer).toMatchObject({
      officerNumber: 'CB-0300',
      roles: ['approver'],
      status: 'active',
      enrolled: false,
      passwordChangeRequired: true,
    })
    expect(created.json()).not.toHaveProperty('otpauthUri')

    const duc = await completeFirstLogin(t, browser(t), {
      id: officer.id,
      officerNumber: 'CB-0300',
      oneTimePassword: initialPassword,
    })
    // From now on the officer's own password and the enrolled authenticator; the one-time password is gone.
    const old = await browser(t).call('POST', '/api/v1/officer/auth/login', {
      officerNumber: 'CB-0300',
      password: initialPassword,
    })
    expect(old.json().code).toBe('officers.INVALID_CREDENTIALS')
    await logIn(t, browser(t), duc)
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor', 'actor_kind'])
      .where('subject', '=', 'CB-0300')
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'officers.officer.created',
      'officers.session.started',
      'officers.password.changed',
      'officers.enrolment.confirmed',
      'officers.session.started',
      'officers.session.started',
    ])
    expect(audit[0]).toMatchObject({ actor: 'CB-0001', actor_kind: 'officer' })
  })

  test('the TOTP secret is sealed at rest, never stored in clear', async () => {
    const row = await t.db
      .selectFrom('officers_officer')
      .select(['totp_sealed'])
      .where('officer_number', '=', 'CB-0042')
      .executeTakeFirstOrThrow()
    const sealed = Buffer.from(row.totp_sealed ?? [])
    expect(sealed.includes(lan.secret)).toBe(false)
    expect(sealed.length).toBeGreaterThan(lan.secret.length + 12)
  })

  test('an officer number is given once', async () => {
    const b = browser(t)
    await logIn(t, b, admin)
    const dup = await b.call(
      'POST',
      '/api/v1/officer/officers',
      { ...newOfficer, officerNumber: 'CB-0042' },
      b.csrf(),
    )
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'officers.NUMBER_TAKEN'])
  })
})

describe('role permissions guard the admin routes', () => {
  test('a receiving officer may not create officers', async () => {
    const b = browser(t)
    await logIn(t, b, lan)
    const res = await b.call(
      'POST',
      '/api/v1/officer/officers',
      { ...newOfficer, officerNumber: 'CB-0301' },
      b.csrf(),
    )
    expect([res.statusCode, res.json().code]).toEqual([403, 'officers.PERMISSION_DENIED'])
  })

  test('without a session or without the CSRF token nothing is created', async () => {
    const anon = await browser(t).call('POST', '/api/v1/officer/officers', {
      ...newOfficer,
      officerNumber: 'CB-0302',
    })
    expect(anon.json().code).toBe('officers.SESSION_REQUIRED')
    const b = browser(t)
    await logIn(t, b, admin)
    const noCsrf = await b.call('POST', '/api/v1/officer/officers', {
      ...newOfficer,
      officerNumber: 'CB-0302',
    })
    expect(noCsrf.json().code).toBe('officers.CSRF_INVALID')
  })

  test('a province administrator creates officers only within the province', async () => {
    const b = browser(t)
    await logIn(t, b, hanoiAdmin)
    const inHcm = await b.call(
      'POST',
      '/api/v1/officer/officers',
      { ...newOfficer, officerNumber: 'CB-0303', unitCode: 'CAX-079-SAI-GON' },
      b.csrf(),
    )
    expect([inHcm.statusCode, inHcm.json().code]).toEqual([403, 'officers.OUTSIDE_JURISDICTION'])
    const inHanoi = await b.call(
      'POST',
      '/api/v1/officer/officers',
      { ...newOfficer, officerNumber: 'CB-0303' },
      b.csrf(),
    )
    expect(inHanoi.statusCode, inHanoi.body).toBe(201)
  })
})

describe('a suspended officer', () => {
  test('loses their live sessions at once and cannot log in again', async () => {
    const hung = await givenOfficer(t, {
      officerNumber: 'CB-0043',
      fullName: 'Lê Văn Hùng',
      unitCode: 'CAX-001-BA-DINH',
      roles: ['receiving_officer'],
    })
    const hb = browser(t)
    await logIn(t, hb, hung)
    const b = browser(t)
    await logIn(t, b, admin)
    const res = await b.call('POST', `/api/v1/officer/officers/${hung.id}/suspend`, undefined, b.csrf())
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().status).toBe('suspended')
    expect((await hb.call('GET', '/api/v1/officer/me')).json().code).toBe('officers.SESSION_REQUIRED')
    const again = await browser(t).call('POST', '/api/v1/officer/auth/login', {
      officerNumber: 'CB-0043',
      password: hung.password,
    })
    expect([again.statusCode, again.json().code]).toEqual([403, 'officers.OFFICER_SUSPENDED'])
  })
})
