import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import {
  AN,
  BINH,
  call,
  type Faces,
  givenRegistryWithBiometrics,
  givenSubmitted,
} from '../enrolment/enrolment.test-support.js'
import { givenForwarded, BASE as LOCKS, letter } from '../lock-requests/lock-requests.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import { type Headers, report } from './reports.test-support.js'

const BAO = '001216006789'
const CUONG = '001088004321'

let t: TestContext
let faces: Faces
let s: Record<'baDinh' | 'saiGon' | 'approver' | 'central' | 'hanoi' | 'hcm', Headers>

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  faces = await givenRegistryWithBiometrics(t, [AN.personalId, BINH.personalId])
  for (const id of [BAO, CUONG]) await givenAccount(t.db, { subjectId: id, at: t.clock.now() })
}, 180_000)
afterAll(() => t.close())

// 10:00 in Hà Nội on the given day; sessions idle out across a jump in time, so everyone logs in again.
const at = async (day: string) => {
  t.clock.set(`${day}T03:00:00Z`)
  const as = async (roles: ['receiving_officer'] | ['approver'] | ['supervisor'], unitCode: string) =>
    (await officerSession(t, { roles, unitCode })).headers
  s = {
    baDinh: await as(['receiving_officer'], 'CAX-001-BA-DINH'),
    saiGon: await as(['receiving_officer'], 'CAX-079-SAI-GON'),
    approver: await as(['approver'], 'C06'),
    central: await as(['supervisor'], 'C06'),
    hanoi: await as(['supervisor'], 'PC06-001'),
    hcm: await as(['supervisor'], 'PC06-079'),
  }
}

let an: { id: string; number: string }
let binh: { id: string; number: string }
let baoLock: { id: string }
let cuongLock: { id: string }

describe('the overdue queue counts working days on the Vietnamese calendar', () => {
  test('submitted on Tuesday 29 December: New Year’s Day and the weekend put the due day on Monday 4 January', async () => {
    await at('2026-12-29')
    an = await givenSubmitted(t, s.baDinh, faces, AN, AN.personalId)
    expect(an).toMatchObject({ receivedOn: '2026-12-29', dueOn: '2027-01-04' })
    await at('2026-12-31')
    const recorded = await call(t, s.baDinh, 'POST', LOCKS, letter(BAO))
    expect(recorded.statusCode, recorded.body).toBe(201)
    baoLock = recorded.json()
    cuongLock = await givenForwarded(t, s.baDinh, letter(CUONG))
    expect(baoLock).toMatchObject({ forwardBy: '2027-01-04' })
    expect(cuongLock).toMatchObject({ decideBy: '2027-01-05' })
    const quiet = await report(t, s.central, '/overdue')
    expect(quiet).toMatchObject({ asOf: '2026-12-31', units: [] })
  })

  test('on Monday 4 January the dossier and the forwarding are due today, not overdue', async () => {
    await at('2027-01-04')
    const r = await report(t, s.central, '/overdue')
    expect(r.units).toEqual([
      {
        unit: {
          code: 'CAX-001-BA-DINH',
          name: 'Công an phường Ba Đình',
          level: 'commune',
          provinceCode: '001',
        },
        dossiers: { overdue: 0, dueToday: 1 },
        lockRequests: { overdue: 0, dueToday: 1 },
      },
    ])
    const list = await report(t, s.central, '/overdue/CAX-001-BA-DINH/dossiers')
    expect(list.items).toEqual([
      {
        id: an.id,
        number: an.number,
        kind: 'CITIZEN_L2_COUNTER',
        receivedOn: '2026-12-29',
        dueOn: '2027-01-04',
        dueToday: true,
        daysOverdue: 0,
        workingDaysOverdue: 0,
      },
    ])
  })

  test('on Tuesday 5 January both are a day late, the decision on the forwarded request is due today', async () => {
    await at('2027-01-05')
    binh = await givenSubmitted(t, s.saiGon, faces, BINH, BINH.personalId)
    expect(binh).toMatchObject({ dueOn: '2027-01-08' })
    const r = await report(t, s.central, '/overdue')
    expect(r.total).toEqual({
      dossiers: { overdue: 1, dueToday: 0 },
      lockRequests: { overdue: 1, dueToday: 1 },
    })
    expect(r.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['CAX-001-BA-DINH'])
    const requests = await report(t, s.central, '/overdue/CAX-001-BA-DINH/lock-requests')
    expect(requests).toMatchObject({ total: 2, page: 1, pageSize: 20 })
    expect(requests.items).toEqual([
      {
        id: baoLock.id,
        kind: 'lock',
        state: 'recorded',
        step: 'forward',
        recordedOn: '2026-12-31',
        dueOn: '2027-01-04',
        dueToday: false,
        daysOverdue: 1,
        workingDaysOverdue: 1,
      },
      {
        id: cuongLock.id,
        kind: 'lock',
        state: 'forwarded',
        step: 'decide',
        recordedOn: '2026-12-31',
        dueOn: '2027-01-05',
        dueToday: true,
        daysOverdue: 0,
        workingDaysOverdue: 0,
      },
    ])
  })

  test('on Saturday 9 January: five days late are four working days; Friday’s due day is one day and no working day late', async () => {
    await at('2027-01-09')
    const baDinh = await report(t, s.central, '/overdue/CAX-001-BA-DINH/dossiers')
    expect(baDinh.items[0]).toMatchObject({ number: an.number, daysOverdue: 5, workingDaysOverdue: 4 })
    const saiGon = await report(t, s.central, '/overdue/CAX-079-SAI-GON/dossiers')
    expect(saiGon.items[0]).toMatchObject({
      number: binh.number,
      dueOn: '2027-01-08',
      daysOverdue: 1,
      workingDaysOverdue: 0,
    })
    const hanoi = await report(t, s.hanoi, '/overdue')
    expect(hanoi.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['CAX-001-BA-DINH'])
    expect(hanoi.total.dossiers).toEqual({ overdue: 1, dueToday: 0 })
    const hcm = await report(t, s.hcm, '/overdue')
    expect(hcm.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['CAX-079-SAI-GON'])
    expect(hcm.total).toEqual({
      dossiers: { overdue: 1, dueToday: 0 },
      lockRequests: { overdue: 0, dueToday: 0 },
    })
    expect(await report(t, s.hcm, '/overdue/CAX-001-BA-DINH/lock-requests', 403)).toMatchObject({
      code: 'officers.OUTSIDE_JURISDICTION',
    })
  })

  test('a late approval leaves the queue and counts as a late decision', async () => {
    const approved = await call(t, s.approver, 'POST', `/api/v1/counter/dossiers/${an.id}/approve`)
    expect(approved.statusCode, approved.body).toBe(200)
    const r = await report(t, s.central, '/overdue')
    expect(r.total.dossiers).toEqual({ overdue: 1, dueToday: 0 })
    expect(
      r.units.find((u: { unit: { code: string } }) => u.unit.code === 'CAX-001-BA-DINH').dossiers,
    ).toEqual({
      overdue: 0,
      dueToday: 0,
    })
    const period = await report(t, s.central, '/dossiers?from=2026-12-01&to=2027-01-09')
    expect(period.total).toMatchObject({ total: 2, decidedOnTime: 0, decidedLate: 1, overdueNow: 1 })
  })
})
