import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { type OfficerSession, officerSession } from '../officers/officers.test-support.js'
import { seedDemoRegistry } from './registry.seed.js'
import { generatePopulation } from './registry.synthetic.js'
import { AS_OF, NOW } from './registry.test-support.js'
import { writeRecords } from './registry.writer.js'

let t: TestContext
let reader: OfficerSession
const get = (url: string, headers: Record<string, string> = reader.headers) =>
  t.app.inject({ method: 'GET', url, headers })

beforeAll(async () => {
  t = await startTestApp()
  reader = await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-079-SAI-GON' })
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  // 25 namesakes of the demo's Nguyễn Văn An, born 1995 in TP. Hồ Chí Minh, to page through.
  const [batch] = generatePopulation({
    count: 60,
    seed: 'namesakes',
    asOf: AS_OF,
    reserved: ['079095001234'],
  })
  const namesakes = (batch?.citizens ?? [])
    .filter((r) => r.gender === 'male' && r.dob.year === 1995)
    .concat((batch?.citizens ?? []).filter((r) => !(r.gender === 'male' && r.dob.year === 1995)))
    .slice(0, 25)
    .map((r, i) => ({
      line: i + 1,
      record: {
        ...r,
        fullName: 'Nguyễn Văn An',
        nameKey: 'nguyen van an',
        permanentProvince: '079',
        dob: { year: 1995, month: 1 + (i % 12), day: 1 },
      },
    }))
  expect(namesakes.length).toBe(25)
  await writeRecords(t.handle, namesakes, NOW)
})
afterAll(() => t.close())

describe('registry lookup by number', () => {
  test('an officer reads a full record by personal ID number, and the read is audited', async () => {
    const res = await get('/api/v1/registry/persons/079095001234')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      personalId: '079095001234',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1995-03-15',
      gender: 'male',
      nationality: 'VN',
      status: 'alive',
      cards: [
        {
          number: '079095001234',
          kind: 'CCCD_CHIP',
          issuedOn: '2021-05-20',
          expiresOn: '2035-03-15',
          status: 'valid',
        },
      ],
      oldIdNumbers: ['025123456'],
    })
    const audit = await t.handle.db
      .selectFrom('platform_audit_event')
      .selectAll()
      .where('action', '=', 'registry.person.read')
      .where('subject', '=', '079095001234')
      .execute()
    expect(audit[0]).toMatchObject({
      actor: reader.officer.officerNumber,
      actor_kind: 'officer',
      purpose: 'officer-lookup',
      data: { unit: 'CAX-079-SAI-GON' },
    })
  })

  test('an old 9-digit CMND number finds the person', async () => {
    const res = await get('/api/v1/registry/persons/025123456', { ...reader.headers, 'x-purpose': 'case-17' })
    expect(res.statusCode).toBe(200)
    expect(res.json().personalId).toBe('079095001234')
  })

  test('a child lists both parents, and each parent lists the child', async () => {
    const child = (await get('/api/v1/registry/persons/001216006789')).json()
    expect(child.relatives).toEqual([
      { relation: 'father', personalId: '001088004321', fullName: 'Lê Minh Cường' },
      { relation: 'mother', personalId: '001190012345', fullName: 'Trần Thị Bình' },
    ])
    const mother = (await get('/api/v1/registry/persons/001190012345')).json()
    expect(mother.relatives).toContainEqual({
      relation: 'child',
      personalId: '001216006789',
      fullName: 'Lê Gia Bảo',
    })
  })

  test('a year-only birth date is shown as YYYY', async () => {
    expect((await get('/api/v1/registry/persons/036155000777')).json()).toMatchObject({
      dateOfBirth: '1955',
      cards: [{ expiresOn: null }],
    })
  })

  test('a malformed number is a 400 with the vn-id code', async () => {
    expect((await get('/api/v1/registry/persons/07909500123')).json()).toMatchObject({
      code: 'vn-id.ID_LENGTH',
    })
    const res = await get('/api/v1/registry/persons/999095001234')
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('vn-id.ID_PROVINCE_UNKNOWN')
  })

  test('an unknown number is a 404', async () => {
    const res = await get('/api/v1/registry/persons/079095999999')
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('registry.PERSON_NOT_FOUND')
  })

  test('without an officer session nothing is read, and an x-officer-id header is not a session', async () => {
    for (const headers of [{}, { 'x-officer-id': 'CB-0042' }] as Record<string, string>[]) {
      const res = await get('/api/v1/registry/persons/079095001234', headers)
      expect(res.statusCode).toBe(401)
      expect(res.json().code).toBe('officers.SESSION_REQUIRED')
    }
    const search = await get('/api/v1/registry/persons?name=nguyen%20van%20an&dob=1995', {})
    expect(search.statusCode).toBe(401)
  })

  test('an officer whose roles do not grant registry.read reads nothing', async () => {
    const admin = await officerSession(t, { roles: ['administrator'], unitCode: 'C06' })
    const res = await get('/api/v1/registry/persons/079095001234', admin.headers)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('officers.PERMISSION_DENIED')
    expect((await get('/api/v1/registry/foreigners/NN0000000001', admin.headers)).statusCode).toBe(403)
  })

  test('a foreigner is read by foreigner ID number', async () => {
    const res = await get('/api/v1/registry/foreigners/NN0000000001')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      fullName: 'Kim Min Jun',
      nationality: 'KR',
      residenceCard: { kind: 'TEMPORARY' },
    })
    expect((await get('/api/v1/registry/foreigners/NN0000000009')).statusCode).toBe(404)
  })
})

describe('registry search', () => {
  test('a name without accents finds the accented name, page by page', async () => {
    const first = await get(
      '/api/v1/registry/persons?name=nguyen%20van%20an&dob=1995&province=079&pageSize=10',
    )
    expect(first.statusCode).toBe(200)
    const body = first.json()
    expect(body).toMatchObject({ page: 1, pageSize: 10, total: 26 })
    expect(body.items).toHaveLength(10)
    expect(body.items[0].fullName).toBe('Nguyễn Văn An')
    const last = (
      await get('/api/v1/registry/persons?name=NGUYEN%20VAN%20AN&dob=1995&page=3&pageSize=10')
    ).json()
    expect(last.items).toHaveLength(6)
  })

  test('a full date narrows the search', async () => {
    const body = (
      await get('/api/v1/registry/persons?name=Nguy%E1%BB%85n%20V%C4%83n%20An&dob=1995-03-15')
    ).json()
    expect(body.items.map((i: { personalId: string }) => i.personalId)).toContain('079095001234')
    expect(body.total).toBeLessThan(26)
  })

  test('a name alone is refused so nobody can scan the population', async () => {
    const res = await get('/api/v1/registry/persons?name=nguyen%20van%20an')
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('registry.SEARCH_TOO_BROAD')
    expect((await get('/api/v1/registry/persons?province=079')).json().code).toBe('registry.SEARCH_TOO_BROAD')
  })

  test('the registry endpoints are in the OpenAPI document', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths)
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/registry/persons/{personalId}', '/api/v1/registry/persons']),
    )
  })
})
