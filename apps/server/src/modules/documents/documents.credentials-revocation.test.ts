import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import {
  type HolderKey,
  holderKey,
  publishedStatusOf,
  requestCredential,
} from '../credentials/holder.test-support.js'
import { NOW } from '../registry/registry.test-support.js'
import type { Connectors } from './connector.port.js'
import { AN, BINH, CUONG, citizen, givenDemoSources, integrate } from './documents.test-support.js'
import { createConnectors } from './sandbox.connector.js'
import { changeSourceRecord } from './sandbox.repository.js'
import { syncDocuments } from './sync.service.js'

let t: TestContext
let connectors: Connectors
const browsers: Record<string, TestBrowser> = {}
let device: HolderKey
const docs: Record<string, string> = {}

// The whole server, the demo sources, three citizens each with their documents integrated.
beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  connectors = createConnectors(t.db)
  device = await holderKey()
  for (const who of [AN, BINH, CUONG]) browsers[who] = await citizen(t, who)
  for (const [who, kind, number] of [
    [AN, 'driving_licence', '790219012345'],
    [AN, 'driving_licence', '790113456789'],
    [AN, 'vehicle_registration', '51K67890'],
    [AN, 'health_insurance', '7912345678'],
    [BINH, 'driving_licence', '010110123456'],
    [CUONG, 'driving_licence', '010106543210'],
  ] as const) {
    const res = await integrate(browsers[who] as TestBrowser, kind, number)
    expect(res.statusCode, res.body).toBe(201)
    docs[number] = res.json().id
  }
}, 600_000)
afterAll(() => t.close())

const issue = async (who: string, number: string | null, format: 'dc+sd-jwt' | 'mso_mdoc' = 'dc+sd-jwt') => {
  const res = await requestCredential(
    t,
    browsers[who] as TestBrowser,
    device,
    number === null ? { format, type: 'pid' } : { format, type: 'document', documentId: docs[number] },
  )
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { id: string; credential: string }
}
const statusInMine = async (who: string, id: string) =>
  (
    (await (browsers[who] as TestBrowser).call('GET', '/api/v1/credentials/mine')).json().items as Array<{
      id: string
      status: string
      revocationReason: string | null
    }>
  ).find((c) => c.id === id)
// One event per change of the source, naming every credential it revoked.
const revocationAudit = (id: string) =>
  t.db
    .selectFrom('platform_audit_event')
    .select(['action', 'actor', 'actor_kind', 'data'])
    .where('action', 'like', 'credentials.%.revoked')
    .execute()
    .then((rows) =>
      rows.filter((r) => {
        const data = r.data as { id?: string; ids?: string[] }
        return data.id === id || data.ids?.includes(id)
      }),
    )

describe('a document withdrawn at its source takes its credentials with it', () => {
  test('revoked at the sandbox -> sync -> the SD-JWT VC reads invalid in the published list, the mdoc is revoked, one audit event names both', async () => {
    const sdJwt = await issue(BINH, '010110123456')
    const mdoc = await issue(BINH, '010110123456', 'mso_mdoc')
    const pid = await issue(BINH, null)
    expect(await publishedStatusOf(t.app, sdJwt.credential)).toBe(0)
    await changeSourceRecord(t.db, 'driving_licence', '010110123456', { status: 'revoked' }, t.clock.now())
    await syncDocuments(t.deps, connectors)
    expect(await publishedStatusOf(t.app, sdJwt.credential)).toBe(1)
    expect(await statusInMine(BINH, mdoc.id)).toMatchObject({
      status: 'revoked',
      revocationReason: 'document revoked at its source',
    })
    // The identity credential does not stand for the licence.
    expect(await publishedStatusOf(t.app, pid.credential)).toBe(0)
    expect(await revocationAudit(sdJwt.id)).toEqual([
      {
        action: 'credentials.batch.revoked',
        actor: 'documents.sync',
        actor_kind: 'system',
        data: {
          ids: [sdJwt.id, mdoc.id].sort(),
          sourceRef: docs['010110123456'],
          reason: 'document revoked at its source',
        },
      },
    ])
    expect(await revocationAudit(mdoc.id)).toHaveLength(1)
  })

  test('a suspension revokes for good: lifted, the document is in force again and the holder asks anew', async () => {
    const before = await issue(AN, '790113456789')
    await changeSourceRecord(t.db, 'driving_licence', '790113456789', { status: 'suspended' }, t.clock.now())
    await syncDocuments(t.deps, connectors)
    expect(await publishedStatusOf(t.app, before.credential)).toBe(1)
    await changeSourceRecord(t.db, 'driving_licence', '790113456789', { status: 'valid' }, t.clock.now())
    await syncDocuments(t.deps, connectors)
    expect(await publishedStatusOf(t.app, before.credential)).toBe(1)
    const after = await issue(AN, '790113456789')
    expect(await publishedStatusOf(t.app, after.credential)).toBe(0)
  })
})

describe('a change at the source revokes only credentials that would now say something else', () => {
  test("points deducted leave the licence's credential alone (it carries no points); a renewal revokes it", async () => {
    const cred = await issue(CUONG, '010106543210')
    const current = await t.db
      .selectFrom('documents_integrated')
      .select('data')
      .where('id', '=', docs['010106543210'] as string)
      .executeTakeFirstOrThrow()
    const data = { ...(current.data as Record<string, unknown>), points: 6 }
    await changeSourceRecord(
      t.db,
      'driving_licence',
      '010106543210',
      { data: JSON.stringify(data) },
      t.clock.now(),
    )
    await syncDocuments(t.deps, connectors)
    expect(await publishedStatusOf(t.app, cred.credential)).toBe(0)
    await changeSourceRecord(
      t.db,
      'driving_licence',
      '010106543210',
      { data: JSON.stringify({ ...data, licenceClass: 'A' }) },
      t.clock.now(),
    )
    await syncDocuments(t.deps, connectors)
    expect(await publishedStatusOf(t.app, cred.credential)).toBe(1)
    expect(await statusInMine(CUONG, cred.id)).toMatchObject({
      revocationReason: 'document changed at its source',
    })
  })
})

describe('the citizen removes a document', () => {
  test('its credentials are revoked in the same step; the others stay valid', async () => {
    const vehicle = await issue(AN, '51K67890')
    const licence = await issue(AN, '790219012345')
    const an = browsers[AN] as TestBrowser
    const res = await an.call('DELETE', `/api/v1/documents/${docs['51K67890']}`, undefined, an.csrf())
    expect(res.statusCode, res.body).toBe(200)
    expect(await publishedStatusOf(t.app, vehicle.credential)).toBe(1)
    expect(await publishedStatusOf(t.app, licence.credential)).toBe(0)
    expect(await revocationAudit(vehicle.id)).toEqual([
      expect.objectContaining({ action: 'credentials.batch.revoked', actor: AN, actor_kind: 'citizen' }),
    ])
    // Someone else's removal attempt fails and revokes nothing.
    const binh = browsers[BINH] as TestBrowser
    const theirs = await binh.call(
      'DELETE',
      `/api/v1/documents/${docs['790219012345']}`,
      undefined,
      binh.csrf(),
    )
    expect(theirs.statusCode).toBe(404)
    expect(await publishedStatusOf(t.app, licence.credential)).toBe(0)
  })
})

describe('expiry', () => {
  test('a document past its last day (Vietnam time) revokes a credential that would outlive it by hours', async () => {
    const health = await issue(AN, '7912345678')
    // 20:00 UTC on 31 Dec is 03:00 on 1 Jan in Vietnam: the card (valid to 31 Dec) has expired, while the
    // credential's own end (the day's end, UTC) is still four hours away.
    t.clock.set(new Date('2026-12-31T20:00:00Z'))
    const report = await syncDocuments(t.deps, connectors)
    expect(report.expired).toBeGreaterThanOrEqual(1)
    expect(await publishedStatusOf(t.app, health.credential)).toBe(1)
    t.clock.set(NOW)
  })
})
