import type { webcrypto } from 'node:crypto'
import { DataItem, DeviceResponse, Verifier } from '@auth0/mdl'
import { cborEncode } from '@auth0/mdl/lib/cbor/index.js'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { AN, BINH, citizen, DUNG, givenDemoSources, integrate } from '../documents/documents.test-support.js'
import { changeSourceRecord, createConnectors, syncDocuments } from '../documents/index.js'
import { PID_VCT } from './credential.inputs.js'
import { present } from './credentials.test-support.js'
import {
  type HolderKey,
  holderKey,
  proofFor,
  publishedStatusOf,
  requestCredential,
} from './holder.test-support.js'
import { MDL_DOCTYPE, MDL_NAMESPACE } from './mdoc.issuer.js'
import { type PublishedJwks, sdJwtVcVerifier } from './sd-jwt.verifier.js'

let t: TestContext
let an: TestBrowser
let binh: TestBrowser
let device: HolderKey
const docs: Record<string, string> = {}

// The whole server, the demo registry and sources, three citizens logged in: slow on a loaded machine.
beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  an = await citizen(t, AN)
  binh = await citizen(t, BINH)
  device = await holderKey()
  for (const [b, kind, number] of [
    [an, 'driving_licence', '790219012345'],
    [an, 'health_insurance', '7912345678'],
    [an, 'vehicle_registration', '51K67890'],
    [binh, 'driving_licence', '010110123456'],
  ] as const) {
    const res = await integrate(b, kind, number)
    expect(res.statusCode, res.body).toBe(201)
    docs[number] = res.json().id
  }
}, 600_000)
afterAll(() => t.close())

const seconds = () => Math.floor(t.clock.now().getTime() / 1000)
const verifier = async () => {
  const meta = (await t.app.inject({ method: 'GET', url: '/.well-known/jwt-vc-issuer' })).json() as {
    jwks: PublishedJwks
  }
  return sdJwtVcVerifier(meta.jwks, async (uri) => {
    const res = await t.app.inject({ method: 'GET', url: new URL(uri).pathname })
    return res.body
  })
}
const presentAll = (credential: string, claims: string[]) =>
  present(credential, device.privateJwk, Object.fromEntries(claims.map((c) => [c, true])), {
    iat: seconds(),
    aud: 'https://bank.example',
    nonce: 'bank-1',
  })
const verifyPresentation = async (presentation: string) =>
  (await verifier()).verify(presentation, {
    currentDate: seconds(),
    keyBindingNonce: 'bank-1',
  })

describe('the holder asks for credentials bound to the device key (level 2)', () => {
  test('a level-1 account or no session gets no nonce and no credential', async () => {
    const dung = await citizen(t, DUNG)
    const nonce = await dung.call('POST', '/api/v1/credentials/nonce', undefined, dung.csrf())
    expect(nonce.statusCode, nonce.body).toBe(403)
    expect(nonce.json().code).toBe('credentials.LEVEL2_REQUIRED')
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/credentials/nonce' })
    expect(anonymous.statusCode).toBe(401)
    // Without the CSRF header a session cookie alone does not get a nonce.
    expect((await an.call('POST', '/api/v1/credentials/nonce')).json().code).toBe('accounts.CSRF_INVALID')
  })

  test('the identity (PID) as an SD-JWT VC, verified by the @sd-jwt library against the published keys', async () => {
    const res = await requestCredential(t, an, device, { format: 'dc+sd-jwt', type: 'pid' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const { id, format, credential, expiresAt } = res.json()
    expect(format).toBe('dc+sd-jwt')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(Date.parse(expiresAt)).toBeGreaterThan(t.clock.now().getTime())
    const verified = await verifyPresentation(
      await presentAll(credential, ['family_name', 'given_name', 'personal_administrative_number']),
    )
    expect(verified.payload).toMatchObject({
      iss: t.deps.config.publicUrl,
      vct: PID_VCT,
      family_name: 'Nguyễn',
      given_name: 'Văn An',
      personal_administrative_number: AN,
      cnf: { jwk: { kty: 'EC', crv: 'P-256', x: device.publicJwk.x, y: device.publicJwk.y } },
    })
    expect(verified.kb).toBeDefined()
    expect(await publishedStatusOf(t.app, credential)).toBe(0)
  })

  test('a driving licence as an SD-JWT VC carries its number, authority and category', async () => {
    const res = await requestCredential(t, an, device, {
      format: 'dc+sd-jwt',
      type: 'document',
      documentId: docs['790219012345'],
    })
    expect(res.statusCode, res.body).toBe(200)
    const verified = await verifyPresentation(
      await presentAll(res.json().credential, ['document_number', 'issuing_authority', 'driving_privileges']),
    )
    expect(verified.payload).toMatchObject({
      vct: 'urn:vn:eid:driving-licence:1',
      document_number: '790219012345',
      issuing_authority: 'Sở Giao thông vận tải TP. Hồ Chí Minh',
      driving_privileges: [
        { vehicle_category_code: 'B', issue_date: '2019-08-01', expiry_date: '2029-08-01' },
      ],
    })
  })

  test('a vehicle registration and a health-insurance card as SD-JWT VCs', async () => {
    const vehicle = await requestCredential(t, an, device, {
      format: 'dc+sd-jwt',
      type: 'document',
      documentId: docs['51K67890'],
    })
    expect(vehicle.statusCode, vehicle.body).toBe(200)
    const v = await verifyPresentation(
      await presentAll(vehicle.json().credential, ['plate', 'document_number']),
    )
    expect(v.payload).toMatchObject({ vct: 'urn:vn:eid:vehicle-registration:1', document_number: '51K67890' })
    const health = await requestCredential(t, an, device, {
      format: 'dc+sd-jwt',
      type: 'document',
      documentId: docs['7912345678'],
    })
    expect(health.statusCode, health.body).toBe(200)
    const h = await verifyPresentation(await presentAll(health.json().credential, ['benefit_level']))
    expect(h.payload).toMatchObject({ vct: 'urn:vn:eid:health-insurance:1' })
    expect(typeof h.payload.benefit_level).toBe('number')
  })

  test('the driving licence as an mdoc, verified by @auth0/mdl against the published IACA root', async () => {
    const res = await requestCredential(t, an, device, {
      format: 'mso_mdoc',
      type: 'document',
      documentId: docs['790219012345'],
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().format).toBe('mso_mdoc')
    const transcript = cborEncode(
      DataItem.fromData([null, null, ['mdoc-nonce', 'verifier', 'https://police.example', 'n-7']]),
    )
    const fields = ['family_name', 'document_number', 'driving_privileges', 'expiry_date']
    const response = await DeviceResponse.from(Buffer.from(res.json().credential, 'base64url'))
      .usingPresentationDefinition({
        id: 'mdl',
        input_descriptors: [
          {
            id: MDL_DOCTYPE,
            format: { mso_mdoc: { alg: ['ES256'] } },
            constraints: {
              limit_disclosure: 'required' as const,
              fields: fields.map((f) => ({
                path: [`$['${MDL_NAMESPACE}']['${f}']`],
                intent_to_retain: false,
              })),
            },
          },
        ],
      })
      .usingSessionTranscriptBytes(transcript)
      .authenticateWithSignature(
        device.privateJwk as webcrypto.JsonWebKey as Parameters<
          DeviceResponse['authenticateWithSignature']
        >[0],
        'ES256',
      )
      .sign()
    const roots = (await t.app.inject({ method: 'GET', url: '/api/v1/credentials/mdoc-iaca' })).json()
      .certificates as string[]
    const verified = await new Verifier(roots).verify(response.encode(), {
      encodedSessionTranscript: transcript,
    })
    expect(verified.documents[0]?.docType).toBe(MDL_DOCTYPE)
    const values = verified.documents[0]?.getIssuerNameSpace(MDL_NAMESPACE) ?? {}
    expect(Object.keys(values).sort()).toEqual([...fields].sort())
    expect(values).toMatchObject({ family_name: 'Nguyễn', document_number: '790219012345' })
    expect(String(values.expiry_date)).toContain('2029-08-01')
    // CBOR maps decode as Maps, full-dates as DateOnly.
    const privileges = (values.driving_privileges as Array<Map<string, unknown>>).map((p) =>
      Object.fromEntries([...p].map(([k, v]) => [k, String(v).slice(0, 10)])),
    )
    expect(privileges).toEqual([
      { vehicle_category_code: 'B', issue_date: '2019-08-01', expiry_date: '2029-08-01' },
    ])
  })

  test('an mdoc is only for a driving licence; the PID is not an mdoc', async () => {
    const health = await requestCredential(t, an, device, {
      format: 'mso_mdoc',
      type: 'document',
      documentId: docs['7912345678'],
    })
    expect(health.statusCode, health.body).toBe(400)
    expect(health.json().code).toBe('credentials.FORMAT_UNSUPPORTED')
    const pid = await requestCredential(t, an, device, { format: 'mso_mdoc', type: 'pid' })
    expect(pid.json().code).toBe('credentials.FORMAT_UNSUPPORTED')
    const noId = await requestCredential(t, an, device, { format: 'dc+sd-jwt', type: 'document' })
    expect(noId.statusCode).toBe(400)
  })
})

describe('only the holder’s own documents in force, only with a fresh proof', () => {
  test("another person's document is refused as not found, and the holder's nonce stays usable", async () => {
    const nonce = (await an.call('POST', '/api/v1/credentials/nonce', undefined, an.csrf())).json().c_nonce
    const proof = await proofFor(device, t.clock, { aud: t.deps.config.publicUrl, nonce })
    const body = { format: 'dc+sd-jwt', type: 'document', documentId: docs['010110123456'], proof }
    const theirs = await an.call('POST', '/api/v1/credentials', body, an.csrf())
    expect(theirs.statusCode, theirs.body).toBe(404)
    expect(theirs.json().code).toBe('credentials.DOCUMENT_NOT_FOUND')
    const unknown = { ...body, documentId: '00000000-0000-4000-8000-000000000000' }
    expect((await an.call('POST', '/api/v1/credentials', unknown, an.csrf())).json().code).toBe(
      'credentials.DOCUMENT_NOT_FOUND',
    )
    const own = { ...body, documentId: docs['790219012345'] }
    expect((await an.call('POST', '/api/v1/credentials', own, an.csrf())).statusCode).toBe(200)
  })

  test('proof replay through the endpoint: the second request with the same proof is refused', async () => {
    const nonce = (await an.call('POST', '/api/v1/credentials/nonce', undefined, an.csrf())).json().c_nonce
    const proof = await proofFor(device, t.clock, { aud: t.deps.config.publicUrl, nonce })
    const first = await an.call(
      'POST',
      '/api/v1/credentials',
      { format: 'dc+sd-jwt', type: 'pid', proof },
      an.csrf(),
    )
    expect(first.statusCode, first.body).toBe(200)
    const again = await an.call(
      'POST',
      '/api/v1/credentials',
      { format: 'dc+sd-jwt', type: 'pid', proof },
      an.csrf(),
    )
    expect(again.statusCode).toBe(400)
    expect(again.json().code).toBe('credentials.NONCE_INVALID')
  })

  test("a nonce issued to another account does not serve this one's proof", async () => {
    const nonce = (await binh.call('POST', '/api/v1/credentials/nonce', undefined, binh.csrf())).json()
      .c_nonce
    const proof = await proofFor(device, t.clock, { aud: t.deps.config.publicUrl, nonce })
    const res = await an.call(
      'POST',
      '/api/v1/credentials',
      { format: 'dc+sd-jwt', type: 'pid', proof },
      an.csrf(),
    )
    expect(res.json().code).toBe('credentials.NONCE_INVALID')
  })

  test('a document suspended at its source gets no credential', async () => {
    const res = await integrate(an, 'driving_licence', '790113456789')
    expect(res.statusCode, res.body).toBe(201)
    await changeSourceRecord(t.db, 'driving_licence', '790113456789', { status: 'suspended' }, t.clock.now())
    // The copy learns it from the sync job.
    await syncDocuments(t.deps, createConnectors(t.db))
    const refused = await requestCredential(t, an, device, {
      format: 'dc+sd-jwt',
      type: 'document',
      documentId: res.json().id,
    })
    expect(refused.statusCode, refused.body).toBe(409)
    expect(refused.json().code).toBe('credentials.DOCUMENT_NOT_ACTIVE')
  })
})

describe('the holder sees and revokes their credentials', () => {
  test('mine lists what was issued, with the document it stands for and no claim values', async () => {
    const res = await an.call('GET', '/api/v1/credentials/mine')
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items as Array<Record<string, unknown>>
    expect(items.length).toBeGreaterThanOrEqual(5)
    expect(items.find((c) => c.type === MDL_DOCTYPE)).toMatchObject({
      format: 'mso_mdoc',
      documentId: docs['790219012345'],
      status: 'valid',
      revokedAt: null,
    })
    expect(items.find((c) => c.type === PID_VCT)).toMatchObject({ documentId: null, status: 'valid' })
    expect(JSON.stringify(items)).not.toContain('Nguyễn')
    const binhs = (await binh.call('GET', '/api/v1/credentials/mine')).json().items as unknown[]
    expect(binhs).toEqual([])
  })

  test('device lost: the holder revokes a credential, the published status bit is set, a verifier refuses it', async () => {
    const issued = await requestCredential(t, an, device, { format: 'dc+sd-jwt', type: 'pid' })
    const { id, credential } = issued.json()
    const revoke = await an.call(
      'POST',
      `/api/v1/credentials/${id}/revoke`,
      { reason: 'device_lost' },
      an.csrf(),
    )
    expect(revoke.statusCode, revoke.body).toBe(200)
    expect(await publishedStatusOf(t.app, credential)).toBe(1)
    await expect(verifyPresentation(await presentAll(credential, ['given_name']))).rejects.toThrow()
    const listed = (
      (await an.call('GET', '/api/v1/credentials/mine')).json().items as Array<{ id: string }>
    ).find((c) => c.id === id)
    expect(listed).toMatchObject({ status: 'revoked', revocationReason: 'holder: device_lost' })
    const again = await an.call('POST', `/api/v1/credentials/${id}/revoke`, {}, an.csrf())
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('credentials.ALREADY_REVOKED')
  })

  test("no one revokes another holder's credential", async () => {
    const issued = await requestCredential(t, an, device, { format: 'dc+sd-jwt', type: 'pid' })
    const { id, credential } = issued.json()
    const res = await binh.call('POST', `/api/v1/credentials/${id}/revoke`, {}, binh.csrf())
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('credentials.NOT_FOUND')
    expect(await publishedStatusOf(t.app, credential)).toBe(0)
    expect(decodeJwt(credential.split('~')[0]).status).toBeDefined()
  })
})
