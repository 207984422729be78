import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { officerSession } from '../officers/officers.test-support.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { AN, BINH, CUONG, call, type Headers } from './enrolment.test-support.js'

// Two more living people of the demo registry (registry.demo.ts).
const BAO = '001216006789'
const MAI = '036155000777'
const LIST = '/api/v1/counter/card-applications'

let t: TestContext
let baDinh: Headers
let saiGon: Headers
let central: Headers
let hanoi: Headers
let hcm: Headers
let immigration: Headers
let supervisor: Headers
const ids: Record<string, string> = {}

const counterAt = async (unitCode: string) =>
  (await officerSession(t, { roles: ['receiving_officer'], unitCode })).headers
const file = async (h: Headers, personalId: string, kind: string, reason: string) => {
  const res = await call(t, h, 'POST', LIST, { personalId, kind, reason })
  expect(res.statusCode, res.body).toBe(201)
  ids[personalId] = res.json().id
  // Distinct filing times: the order among equal due days is then the filing order.
  t.clock.advance(60_000)
}
const list = async (h: Headers, query = '') => {
  const res = await call(t, h, 'GET', `${LIST}${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { total: number; page: number; pageSize: number; items: Record<string, unknown>[] }
}
const order = (items: Record<string, unknown>[]) => items.map((i) => i.personalId)

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  // Filed on three days, not in due order, at a Hà Nội ward and a Hồ Chí Minh City ward (a session a day).
  t.clock.set('2026-11-18T03:00:00Z')
  await file(await counterAt('CAX-079-SAI-GON'), MAI, 'reissue', 'lost')
  t.clock.set('2026-11-16T03:00:00Z')
  const monday = await counterAt('CAX-001-BA-DINH')
  await file(monday, BINH.personalId, 'renewal', 'age_milestone')
  await file(monday, CUONG.personalId, 'renewal', 'damaged')
  t.clock.set('2026-11-20T03:00:00Z')
  await file(await counterAt('CAX-001-BA-DINH'), AN.personalId, 'renewal', 'holder_request')
  await file(await counterAt('CAX-079-SAI-GON'), BAO, 'issue', 'first_card')
  t.clock.set('2026-11-30T03:00:00Z')
  baDinh = await counterAt('CAX-001-BA-DINH')
  saiGon = await counterAt('CAX-079-SAI-GON')
  central = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
  hanoi = (await officerSession(t, { roles: ['approver'], unitCode: 'PC06-001' })).headers
  hcm = (await officerSession(t, { roles: ['approver'], unitCode: 'PC06-079' })).headers
  immigration = (await officerSession(t, { roles: ['immigration_officer'] })).headers
  supervisor = (await officerSession(t, { roles: ['supervisor'] })).headers
}, 180_000)
afterAll(() => t.close())

test('C06 sees every card application, earliest due first; the ones past their due day with no card are overdue', async () => {
  const all = await list(central)
  expect(all).toMatchObject({ total: 5, page: 1, pageSize: 20 })
  expect(order(all.items)).toEqual([BINH.personalId, CUONG.personalId, MAI, AN.personalId, BAO])
  expect(all.items[0]).toMatchObject({
    id: ids[BINH.personalId],
    kind: 'renewal',
    reason: 'age_milestone',
    state: 'received',
    receivingUnit: 'CAX-001-BA-DINH',
    receivedOn: '2026-11-16',
    dueOn: '2026-11-25',
    overdue: true,
    dossierId: null,
  })
  // Received on 20 Nov: due 7 working days later, on 1 Dec, not yet overdue on 30 Nov.
  expect(all.items[3]).toMatchObject({ dueOn: '2026-12-01', overdue: false })
})

test('a province sees its own province, a ward its own counter only', async () => {
  expect(order((await list(hanoi)).items)).toEqual([BINH.personalId, CUONG.personalId, AN.personalId])
  expect(order((await list(hcm)).items)).toEqual([MAI, BAO])
  expect(order((await list(saiGon)).items)).toEqual([MAI, BAO])
  expect(order((await list(baDinh)).items)).toEqual([BINH.personalId, CUONG.personalId, AN.personalId])
})

test('filters by state (or every one still in progress) and by kind; a card produced is no longer overdue', async () => {
  const cuong = `${LIST}/${ids[CUONG.personalId]}`
  expect((await call(t, central, 'POST', `${cuong}/approve`)).json()).toMatchObject({ state: 'approved' })
  const mai = `${LIST}/${ids[MAI]}`
  expect((await call(t, central, 'POST', `${mai}/approve`)).json()).toMatchObject({ state: 'approved' })
  expect((await call(t, central, 'POST', `${mai}/produce`)).json()).toMatchObject({
    state: 'produced',
    overdue: false,
  })
  const approved = await list(central, '?state=approved')
  expect(approved).toMatchObject({ total: 1, items: [{ personalId: CUONG.personalId, overdue: true }] })
  expect(order((await list(central, '?state=open')).items)).toEqual([
    BINH.personalId,
    CUONG.personalId,
    AN.personalId,
    BAO,
  ])
  expect(order((await list(central, '?state=produced')).items)).toEqual([MAI])
  expect(order((await list(central, '?kind=renewal')).items)).toEqual([
    BINH.personalId,
    CUONG.personalId,
    AN.personalId,
  ])
  expect(order((await list(central, '?kind=renewal&state=received')).items)).toEqual([
    BINH.personalId,
    AN.personalId,
  ])
  expect(await list(central, '?kind=issue&state=rejected')).toMatchObject({ total: 0, items: [] })
})

test('pages of a given size keep the order and the total', async () => {
  const first = await list(central, '?pageSize=2')
  const second = await list(central, '?pageSize=2&page=2')
  const third = await list(central, '?pageSize=2&page=3')
  expect([first.total, second.total, third.total]).toEqual([5, 5, 5])
  expect([...order(first.items), ...order(second.items), ...order(third.items)]).toEqual([
    BINH.personalId,
    CUONG.personalId,
    MAI,
    AN.personalId,
    BAO,
  ])
  expect((await list(central, '?pageSize=2&page=4')).items).toEqual([])
})

test('a bad query is refused with a code that names the field', async () => {
  for (const query of ['?state=lost', '?kind=passport', '?page=0', '?pageSize=101', '?page=two']) {
    const res = await call(t, central, 'GET', `${LIST}${query}`)
    expect(res.statusCode, query).toBe(400)
    expect(res.json().code, query).toBe('platform.VALIDATION')
    const field = query.slice(1, query.indexOf('='))
    expect(res.json().message, query).toContain(`querystring.${field}`)
  }
})

test('only the officers who act on card applications list them, and not at an immigration office', async () => {
  const bySupervisor = await call(t, supervisor, 'GET', LIST)
  expect(bySupervisor.statusCode).toBe(403)
  expect(bySupervisor.json()).toMatchObject({ code: 'officers.PERMISSION_DENIED' })
  const atImmigration = await call(t, immigration, 'GET', LIST)
  expect(atImmigration.statusCode).toBe(403)
  expect(atImmigration.json()).toMatchObject({ code: 'enrolment.CARD_AT_POLICE_ONLY' })
  const handOver = await call(t, immigration, 'POST', `${LIST}/${ids[MAI]}/deliver`)
  expect(handOver.json()).toMatchObject({ code: 'enrolment.CARD_AT_POLICE_ONLY' })
  const anonymous = await t.app.inject({ method: 'GET', url: LIST })
  expect(anonymous.statusCode).toBe(401)
})
