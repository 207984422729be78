import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import {
  AN,
  BINH,
  CUONG,
  call,
  type Faces,
  givenRegistryWithBiometrics,
  givenSubmitted,
} from '../enrolment/enrolment.test-support.js'
import { givenForwarded, BASE as LOCKS, letter } from '../lock-requests/lock-requests.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import { byUnit, type Headers, report } from './reports.test-support.js'

const DUNG = { personalId: '036155000777', phone: '0395000777' }
const BAO = '001216006789'
const KIM = 'NN0000000001'

let t: TestContext
let faces: Faces
let c06Approver: Headers
let central: Headers
let hanoi: Headers
let hcm: Headers
let baDinhSupervisor: Headers
let administrator: Headers
let receiving: Headers

/**
 * On Monday 23 November 2026, three counters at work: Ba Đình (Hà Nội) has a submitted dossier with a card
 * renewal and a draft; Sài Gòn (TP. HCM) an approved dossier and a standalone card reissue; Hoàn Kiếm
 * (Hà Nội) a cancelled dossier. Accounts: the counter's, three from the app, one from September. Lock
 * requests: one forwarded at Ba Đình, one refused at Sài Gòn.
 */
beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  faces = await givenRegistryWithBiometrics(t, [AN.personalId, BINH.personalId])
  const baDinh = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-001-BA-DINH' }))
    .headers
  const saiGon = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-079-SAI-GON' }))
    .headers
  const hoanKiem = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-001-HOAN-KIEM' }))
    .headers
  c06Approver = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
  central = (await officerSession(t, { roles: ['supervisor'], unitCode: 'C06' })).headers
  hanoi = (await officerSession(t, { roles: ['supervisor'], unitCode: 'PC06-001' })).headers
  hcm = (await officerSession(t, { roles: ['supervisor'], unitCode: 'PC06-079' })).headers
  baDinhSupervisor = (await officerSession(t, { roles: ['supervisor'], unitCode: 'CAX-001-BA-DINH' })).headers
  administrator = (await officerSession(t, { roles: ['administrator'], unitCode: 'C06' })).headers
  receiving = baDinh

  const renewal = { kind: 'renewal', reason: 'holder_request' }
  await givenSubmitted(t, baDinh, faces, { ...AN, cardApplication: renewal }, AN.personalId)
  const draft = await call(t, baDinh, 'POST', '/api/v1/counter/dossiers', CUONG)
  expect(draft.statusCode, draft.body).toBe(201)
  const binh = await givenSubmitted(t, saiGon, faces, BINH, BINH.personalId)
  const approved = await call(t, c06Approver, 'POST', `/api/v1/counter/dossiers/${binh.id}/approve`)
  expect(approved.statusCode, approved.body).toBe(200)
  const dung = await call(t, hoanKiem, 'POST', '/api/v1/counter/dossiers', DUNG)
  expect(dung.statusCode, dung.body).toBe(201)
  await call(t, hoanKiem, 'POST', `/api/v1/counter/dossiers/${dung.json().id}/cancel`)
  const reissue = await call(t, saiGon, 'POST', '/api/v1/counter/card-applications', {
    personalId: DUNG.personalId,
    kind: 'reissue',
    reason: 'lost',
  })
  expect(reissue.statusCode, reissue.body).toBe(201)

  const now = t.clock.now()
  await givenAccount(t.db, { subjectId: BAO, at: now })
  await givenAccount(t.db, { subjectId: KIM, status: 'approved', at: now })
  await givenAccount(t.db, { subjectId: CUONG.personalId, at: now })
  await givenAccount(t.db, { subjectId: DUNG.personalId, at: new Date('2026-09-01T03:00:00Z') })
  await givenForwarded(t, baDinh, letter(BAO))
  const refused = await givenForwarded(t, saiGon, letter(CUONG.personalId))
  const refusal = await call(t, c06Approver, 'POST', `${LOCKS}/${refused.id}/refuse`, {
    reasons: 'Công văn không nêu căn cứ pháp lý của yêu cầu khóa.',
  })
  expect(refusal.statusCode, refusal.body).toBe(200)
}, 240_000)
afterAll(() => t.close())

const zeroStates = {
  draft: 0,
  awaiting_confirmation: 0,
  submitted: 0,
  approved: 0,
  rejected: 0,
  cancelled: 0,
}

describe('a central supervisor counts every unit (the last 30 days by default)', () => {
  test('counter dossiers per unit: state today, card application, decided on time', async () => {
    const r = await report(t, central, '/dossiers')
    expect(r.range).toEqual({ from: '2026-10-25', to: '2026-11-23', days: 30 })
    expect(r.total).toMatchObject({ total: 4, withCard: 1, withoutCard: 3, decidedOnTime: 1, decidedLate: 0 })
    const units = byUnit(r.units)
    expect(Object.keys(units).sort()).toEqual(['CAX-001-BA-DINH', 'CAX-001-HOAN-KIEM', 'CAX-079-SAI-GON'])
    expect(units['CAX-001-BA-DINH']).toMatchObject({
      unit: { name: 'Công an phường Ba Đình', level: 'commune', provinceCode: '001' },
      total: 2,
      byState: { ...zeroStates, draft: 1, submitted: 1 },
      withCard: 1,
      withoutCard: 1,
      overdueNow: 0,
    })
    expect(units['CAX-079-SAI-GON']).toMatchObject({
      total: 1,
      byState: { ...zeroStates, approved: 1 },
      decidedOnTime: 1,
    })
    expect(units['CAX-001-HOAN-KIEM']).toMatchObject({ total: 1, byState: { ...zeroStates, cancelled: 1 } })
  })

  test("accounts by level and state, origin, and province (a counter account counts in the counter's province)", async () => {
    const r = await report(t, central, '/accounts')
    expect(r.total).toBe(4)
    expect(r.byLevel).toEqual([
      { level: 1, total: 3, byStatus: { approved: 1, active: 2, locked: 0, closed: 0 } },
      { level: 2, total: 1, byStatus: { approved: 1, active: 0, locked: 0, closed: 0 } },
    ])
    expect(r.byOrigin).toEqual([
      { via: 'app', subjectKind: 'citizen', count: 2 },
      { via: 'app', subjectKind: 'foreigner', count: 1 },
      { via: 'counter', subjectKind: 'citizen', count: 1 },
      { via: 'counter', subjectKind: 'foreigner', count: 0 },
      { via: 'representative', subjectKind: 'citizen', count: 0 },
    ])
    // Trần Thị Bình lives in Hà Nội but registered at the Sài Gòn counter.
    expect(r.byProvince).toEqual([
      { provinceCode: '001', level1: 2, level2: 0, total: 2 },
      { provinceCode: '079', level1: 0, level2: 1, total: 1 },
      { provinceCode: null, level1: 1, level2: 0, total: 1 },
    ])
    const september = await report(t, central, '/accounts?from=2026-09-01&to=2026-09-30')
    expect(september.byProvince).toEqual([{ provinceCode: '036', level1: 1, level2: 0, total: 1 }])
  })

  test('card applications by kind and state; lock requests by kind and state', async () => {
    const cards = await report(t, central, '/card-applications')
    expect(cards.total).toBe(2)
    expect(cards.byKind.map((k: { kind: string; total: number }) => [k.kind, k.total])).toEqual([
      ['issue', 0],
      ['renewal', 1],
      ['reissue', 1],
    ])
    expect(cards.byKind[1].byState).toEqual({
      received: 1,
      approved: 0,
      produced: 0,
      delivered: 0,
      rejected: 0,
    })
    const locks = await report(t, central, '/lock-requests')
    expect(locks.byKind).toEqual([
      {
        kind: 'lock',
        total: 2,
        byState: { recorded: 0, forwarded: 1, approved: 0, refused: 1, carried_out: 0 },
      },
      {
        kind: 'unlock',
        total: 0,
        byState: { recorded: 0, forwarded: 0, approved: 0, refused: 0, carried_out: 0 },
      },
    ])
  })
})

describe('a supervisor sees only their own jurisdiction (D59 Art 20)', () => {
  const everything = async (h: Headers, query = '') =>
    Promise.all(
      ['/dossiers', '/accounts', '/card-applications', '/lock-requests', '/overdue', '/units'].map((p) =>
        report(t, h, `${p}${query}`),
      ),
    )

  test("a Hà Nội supervisor never sees a number of TP. Hồ Chí Minh's units", async () => {
    const [dossiers, accounts, cards, locks, overdue, units] = await everything(hanoi)
    expect(dossiers.scope).toEqual({
      unit: {
        code: 'PC06-001',
        name: 'Phòng PC06, Công an thành phố Hà Nội',
        level: 'province',
        provinceCode: '001',
      },
      filter: { kind: 'province', provinceCode: '001' },
    })
    expect(Object.keys(byUnit(dossiers.units)).sort()).toEqual(['CAX-001-BA-DINH', 'CAX-001-HOAN-KIEM'])
    expect(dossiers.total.total).toBe(3)
    expect(accounts.byProvince).toEqual([{ provinceCode: '001', level1: 2, level2: 0, total: 2 }])
    expect(cards.total).toBe(1)
    expect(locks.byKind[0].byState).toMatchObject({ forwarded: 1, refused: 0 })
    expect(units.items.map((u: { code: string }) => u.code)).toEqual([
      'CAX-001-BA-DINH',
      'CAX-001-HOAN-KIEM',
      'PC06-001',
    ])
    for (const answer of [dossiers, accounts, cards, locks, overdue, units])
      expect(JSON.stringify(answer)).not.toContain('079')
  })

  test('a TP. Hồ Chí Minh supervisor sees Sài Gòn only; a commune supervisor sees its own counter', async () => {
    const [dossiers, accounts, cards, locks] = await everything(hcm)
    expect(Object.keys(byUnit(dossiers.units))).toEqual(['CAX-079-SAI-GON'])
    expect(accounts.total).toBe(1)
    expect(cards.byKind.map((k: { total: number }) => k.total)).toEqual([0, 0, 1])
    expect(locks.byKind[0].byState).toMatchObject({ forwarded: 0, refused: 1 })
    const commune = await everything(baDinhSupervisor)
    expect(Object.keys(byUnit(commune[0].units))).toEqual(['CAX-001-BA-DINH'])
    // No account was opened at the Ba Đình counter; app accounts belong to no commune.
    expect(commune[1].total).toBe(0)
    expect(commune[2].total).toBe(1)
  })

  test('the unit filter narrows within the jurisdiction and refuses a unit outside it or unknown', async () => {
    const hoanKiem = await report(t, hanoi, '/dossiers?unit=CAX-001-HOAN-KIEM')
    expect(hoanKiem.total).toMatchObject({ total: 1, byState: { ...zeroStates, cancelled: 1 } })
    const outside = await report(t, hanoi, '/dossiers?unit=CAX-079-SAI-GON', 403)
    expect(outside).toMatchObject({ code: 'officers.OUTSIDE_JURISDICTION' })
    const upwards = await report(t, baDinhSupervisor, '/accounts?unit=PC06-001', 403)
    expect(upwards).toMatchObject({ code: 'officers.OUTSIDE_JURISDICTION' })
    const unknown = await report(t, central, '/lock-requests?unit=CAX-999-NOWHERE', 404)
    expect(unknown).toMatchObject({ code: 'reports.UNIT_NOT_FOUND' })
    const drill = await report(t, hanoi, '/overdue/CAX-079-SAI-GON/dossiers', 403)
    expect(drill).toMatchObject({ code: 'officers.OUTSIDE_JURISDICTION' })
  })

  test('receiving officers and approvers get no report; administrators get the counts but not the case lists', async () => {
    for (const h of [receiving, c06Approver])
      for (const path of ['/dossiers', '/overdue', '/units'])
        expect(await report(t, h, path, 403)).toMatchObject({ code: 'officers.PERMISSION_DENIED' })
    expect(await report(t, {}, '/dossiers', 401)).toMatchObject({ code: 'officers.SESSION_REQUIRED' })
    const counts = await report(t, administrator, '/dossiers')
    expect(counts.total.total).toBe(4)
    expect(await report(t, administrator, '/overdue/CAX-001-BA-DINH/dossiers', 403)).toMatchObject({
      code: 'officers.PERMISSION_DENIED',
    })
    expect(await report(t, central, '/overdue/CAX-001-BA-DINH/dossiers')).toMatchObject({ total: 0 })
  })
})
