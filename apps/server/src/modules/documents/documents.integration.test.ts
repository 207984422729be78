import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import {
  AN,
  BINH,
  CUONG,
  citizen,
  DUNG,
  documentAudit,
  givenDemoSources,
  integrate,
} from './documents.test-support.js'
import { integrateDocument } from './integration.service.js'
import { sandboxConnectors } from './sandbox.connector.js'

let t: TestContext
let an: TestBrowser
let binh: TestBrowser
let cuong: TestBrowser

beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  an = await citizen(t, AN)
  binh = await citizen(t, BINH)
  cuong = await citizen(t, CUONG)
}, 120_000)
afterAll(() => t.close())

const list = async (b: TestBrowser) => {
  const res = await b.call('GET', '/api/v1/documents')
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items as Array<{ id: string; kind: string; number: string; status: string }>
}

describe('a level-2 citizen integrates a document that matches its source', () => {
  test('the driving licence is copied from the traffic police with its class, validity and status', async () => {
    const res = await integrate(an, 'driving_licence', '7902 1901 2345')
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      kind: 'driving_licence',
      number: '790219012345',
      status: 'active',
      validFrom: '2019-08-01',
      validTo: '2029-08-01',
      sourceSystem: 'sandbox:mps.traffic-police.driving-licences',
      integratedVia: 'app',
      data: { licenceClass: 'B', points: 12, issuingAuthority: 'Sở Giao thông vận tải TP. Hồ Chí Minh' },
    })
    expect((await list(an)).map((d) => d.number)).toContain('790219012345')
    expect((await documentAudit(t, AN)).at(-1)).toMatchObject({
      action: 'documents.document.integrated',
      actor: AN,
      actorKind: 'citizen',
      data: { kind: 'driving_licence', number: '790219012345' },
    })
  })

  test('a plate is matched however it is written', async () => {
    const res = await integrate(an, 'vehicle_registration', '59-x1 234.56')
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ number: '59X123456', data: { plate: '59-X1 234.56', brand: 'Honda' } })
  })

  test('since 1 July 2025 the tax code is the personal ID number; the old 10-digit code finds it too', async () => {
    const res = await integrate(an, 'tax_code', '8123456789')
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ number: AN, validTo: null, data: { legacyTaxCode: '8123456789' } })
  })

  test('the same document twice is refused', async () => {
    const res = await integrate(an, 'tax_code', AN)
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('documents.ALREADY_INTEGRATED')
  })
})

describe('matching rules: what the source does not vouch for is not integrated', () => {
  test("someone else's licence number is a mismatch, and says nothing about its holder", async () => {
    const res = await integrate(an, 'driving_licence', '010216543210')
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'documents.NUMBER_MISMATCH' })
    expect(res.body).not.toContain(CUONG)
  })

  test('a kind the source holds nothing of for the person is not found at source', async () => {
    const res = await integrate(binh, 'vehicle_registration', '30G12345')
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('documents.NOT_FOUND_AT_SOURCE')
  })

  test('a licence suspended at the source cannot be integrated', async () => {
    const res = await integrate(cuong, 'driving_licence', '010216543210')
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('documents.SOURCE_SUSPENDED')
  })

  test('a level-1 account is refused (integrated documents are a level-2 feature, D69 Art 9)', async () => {
    const dung = await citizen(t, DUNG)
    const res = await integrate(dung, 'health_insurance', '3655000777')
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('documents.LEVEL2_REQUIRED')
    expect(await list(dung)).toEqual([])
  })

  test('a source that does not answer decides nothing', async () => {
    const connectors = sandboxConnectors(t.db)
    connectors.health_insurance.simulate({ outage: true })
    await expect(
      integrateDocument(
        t.deps,
        connectors,
        { kind: 'citizen' },
        {
          subjectId: BINH,
          kind: 'health_insurance',
          number: '0112345678',
        },
      ),
    ).rejects.toMatchObject({ code: 'documents.SOURCE_UNAVAILABLE' })
    expect(await list(binh)).toEqual([])
  })

  test('without a session nothing is listed, and without the CSRF header nothing is integrated', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/documents' })
    expect(anon.statusCode).toBe(401)
    const noCsrf = await an.call('POST', '/api/v1/documents', {
      kind: 'health_insurance',
      number: '7912345678',
    })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().code).toBe('accounts.CSRF_INVALID')
    const bad = await integrate(an, 'passport', 'B1234567')
    expect(bad.statusCode).toBe(400)
  })
})

describe('the citizen removes a document', () => {
  test('it leaves the list, and the removal is in the history', async () => {
    const created = await integrate(an, 'health_insurance', '7912345678')
    expect(created.statusCode, created.body).toBe(201)
    const id: string = created.json().id
    const res = await an.call('DELETE', `/api/v1/documents/${id}`, undefined, an.csrf())
    expect(res.statusCode, res.body).toBe(200)
    expect((await list(an)).map((d) => d.id)).not.toContain(id)
    expect((await documentAudit(t, AN)).at(-1)).toMatchObject({
      action: 'documents.document.removed',
      data: { kind: 'health_insurance', number: '7912345678' },
    })
    // It can be integrated again.
    expect((await integrate(an, 'health_insurance', '7912345678')).statusCode).toBe(201)
  })

  test("another citizen's document cannot be removed", async () => {
    const [doc] = await list(an)
    const res = await binh.call('DELETE', `/api/v1/documents/${doc?.id}`, undefined, binh.csrf())
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('documents.NOT_FOUND')
    expect((await list(an)).map((d) => d.id)).toContain(doc?.id)
  })
})

describe('an officer at the counter integrates after checking the originals', () => {
  const counterCall = (headers: Record<string, string>, body: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/officer/documents', headers, payload: body })

  test('a receiving officer records it; the copy says counter and the audit names the officer', async () => {
    const officer = await officerSession(t, { roles: ['receiving_officer'], officerNumber: 'CB-7001' })
    const body = {
      personalId: CUONG,
      kind: 'vehicle_registration',
      number: '30G-123.45',
      originalsChecked: true,
    }
    const res = await counterCall(officer.headers, body)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ integratedVia: 'counter', number: '30G12345' })
    expect((await documentAudit(t, CUONG)).at(-1)).toMatchObject({
      action: 'documents.document.integrated',
      actor: 'CB-7001',
      actorKind: 'officer',
      data: { originalsChecked: true },
    })
    expect((await list(cuong)).map((d) => d.number)).toContain('30G12345')
  })

  test('without having checked the originals, or without the counter permission, it is refused', async () => {
    const officer = await officerSession(t, { roles: ['receiving_officer'] })
    const body = { personalId: CUONG, kind: 'health_insurance', number: '0188004321' }
    const unchecked = await counterCall(officer.headers, { ...body, originalsChecked: false })
    expect(unchecked.statusCode).toBe(400)
    expect(unchecked.json().code).toBe('documents.ORIGINALS_NOT_CHECKED')
    const supervisor = await officerSession(t, { roles: ['supervisor'] })
    const denied = await counterCall(supervisor.headers, { ...body, originalsChecked: true })
    expect(denied.statusCode).toBe(403)
    expect(denied.json().code).toBe('officers.PERMISSION_DENIED')
  })

  test('the person must hold a level-2 account', async () => {
    const officer = await officerSession(t, { roles: ['receiving_officer'] })
    const res = await counterCall(officer.headers, {
      personalId: DUNG,
      kind: 'health_insurance',
      number: '3655000777',
      originalsChecked: true,
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('documents.LEVEL2_REQUIRED')
  })
})
