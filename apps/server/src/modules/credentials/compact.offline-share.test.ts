import type { webcrypto } from 'node:crypto'
import {
  inspectCredential,
  memorySeenStore,
  presentForQr,
  readStatusList,
  type ShareKeyJwk,
  statusListChecker,
  trustKeys,
  verifyQr,
} from '@dinhdanh/vn-share'
import { nodeShareCrypto } from '@dinhdanh/vn-share/node'
import { exportJWK, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { AN, BINH, citizen, DUNG, givenDemoSources, integrate } from '../documents/documents.test-support.js'
import { changeSourceRecord, createConnectors, syncDocuments } from '../documents/index.js'
import { givenForeignResident, KIM } from '../sharing/sharing.test-support.js'
import { revokeCredential } from './credentials.service.js'
import { holderKey, requestCredential } from './holder.test-support.js'
import { PROOF_TYP } from './holder-proof.js'
import { rotateIssuerKey } from './issuer-keys.js'

let t: TestContext
let an: TestBrowser
let kim: TestBrowser
let licenceId: string
let binhLicenceId: string
// The phone's key as the web app keeps it: WebCrypto, private half not extractable.
let device: webcrypto.CryptoKeyPair

beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  an = await citizen(t, AN)
  kim = await givenForeignResident(t)
  const binh = await citizen(t, BINH)
  device = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
  const mine = await integrate(an, 'driving_licence', '790219012345')
  expect(mine.statusCode, mine.body).toBe(201)
  licenceId = mine.json().id
  const theirs = await integrate(binh, 'driving_licence', '010110123456')
  expect(theirs.statusCode, theirs.body).toBe(201)
  binhLicenceId = theirs.json().id
}, 600_000)
afterAll(() => t.close())

/** What the app does: a nonce, a proof of the device key over it, the batch request. */
const requestBatch = async (b: TestBrowser, body: Record<string, unknown>, key = device) => {
  const nonce = await b.call('POST', '/api/v1/credentials/nonce', undefined, b.csrf())
  expect(nonce.statusCode, nonce.body).toBe(200)
  const proof = await new SignJWT({
    aud: t.deps.config.publicUrl,
    iat: Math.floor(t.clock.now().getTime() / 1000),
    nonce: nonce.json().c_nonce,
  })
    .setProtectedHeader({ alg: 'ES256', typ: PROOF_TYP, jwk: await exportJWK(key.publicKey) })
    .sign(key.privateKey)
  return { res: await b.call('POST', '/api/v1/credentials/compact', { ...body, proof }, b.csrf()), proof }
}
const publishedKeys = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/credentials/share-keys' })
  expect(res.statusCode).toBe(200)
  return { keys: res.json().keys as ShareKeyJwk[], cacheControl: res.headers['cache-control'] }
}
const verifyNow = async (qr: string, opts: Partial<Parameters<typeof verifyQr>[2]> = {}) =>
  verifyQr(qr, (await publishedKeys()).keys, { now: t.clock.now(), ...opts })

describe('offline QR sharing through the server', () => {
  test('a level-2 citizen gets a batch of name-and-birth-date credentials; a verifier checks a QR offline', async () => {
    const { res } = await requestBatch(an, { profile: 'basic', count: 3 })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const { credentials, expiresAt } = res.json() as { credentials: string[]; expiresAt: string }
    expect(credentials).toHaveLength(3)
    // Thirty days, ending on a UTC midnight: credentials carry days.
    expect(expiresAt).toMatch(/T00:00:00.000Z$/)
    const ids = credentials.map((c) => inspectCredential(c)?.id)
    expect(new Set(ids).size).toBe(3)

    const { keys, cacheControl } = await publishedKeys()
    expect(cacheControl).toBe('public, max-age=3600')
    expect(keys).toHaveLength(1)
    expect(keys[0]?.kid).toMatch(/^[\w-]{8}$/)
    const qr = await presentForQr(credentials[0] as string, device.privateKey, t.clock.now())
    expect(qr.length).toBeLessThan(500)
    const trusted = await trustKeys(keys, nodeShareCrypto)
    expect(await verifyQr(qr, trusted, { now: t.clock.now() })).toMatchObject({
      ok: true,
      profile: 'basic',
      claims: { family_name: 'Nguyễn', given_name: 'Văn An', birth_date: '1995-03-15' },
      credentialId: ids[0],
      expiresAt: new Date(expiresAt),
    })

    const rows = await t.db
      .selectFrom('credentials_issued')
      .select(['id', 'format', 'type', 'subject_id'])
      .where('format', '=', 'vn-compact')
      .execute()
    expect(rows.filter((r) => ids.includes(r.id))).toHaveLength(3)
    expect(rows[0]).toMatchObject({ type: 'urn:vn:eid:share:basic:1', subject_id: AN })
  })

  test('a batch is one audit event naming every credential of it, with no personal data', async () => {
    const { res } = await requestBatch(an, { profile: 'card', count: 4 })
    expect(res.statusCode, res.body).toBe(200)
    const ids = (res.json().credentials as string[]).map((c) => inspectCredential(c)?.id)
    const events = await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor', 'subject', 'data'])
      .where('subject', '=', AN)
      .where('action', 'like', 'credentials.%.issued')
      .orderBy('seq', 'desc')
      .execute()
    expect(events.filter((e) => (e.data as { ids?: string[] }).ids?.includes(ids[0] as string))).toEqual([
      {
        action: 'credentials.batch.issued',
        actor: 'credentials-issuer',
        subject: AN,
        data: { ids, type: 'urn:vn:eid:share:card:1', format: 'vn-compact' },
      },
    ])
    expect(events.filter((e) => e.action === 'credentials.credential.issued')).toEqual([])
    expect(JSON.stringify(events[0]?.data)).not.toContain('Nguyễn')
  })

  test('the card profile carries the chip card data; the basic one never carries the ID number', async () => {
    const { res } = await requestBatch(an, { profile: 'card', count: 1 })
    expect(res.statusCode, res.body).toBe(200)
    const [card] = res.json().credentials as string[]
    const result = await verifyNow(await presentForQr(card as string, device.privateKey, t.clock.now()))
    expect(result).toMatchObject({
      ok: true,
      profile: 'card',
      claims: { personal_administrative_number: AN, sex: 1, nationality: 'VN', family_name: 'Nguyễn' },
    })
  })

  test('a document share carries one integrated document of the holder', async () => {
    const { res } = await requestBatch(an, { profile: 'document', documentId: licenceId, count: 1 })
    expect(res.statusCode, res.body).toBe(200)
    const [doc] = res.json().credentials as string[]
    const result = await verifyNow(await presentForQr(doc as string, device.privateKey, t.clock.now()))
    expect(result).toMatchObject({
      ok: true,
      profile: 'document',
      claims: { document_kind: 'driving_licence', document_number: '790219012345', licence_class: 'B' },
    })
  })

  test('a change of the document at its source revokes its offline credentials', async () => {
    const mine = await integrate(an, 'driving_licence', '790113456789')
    expect(mine.statusCode, mine.body).toBe(201)
    const { res } = await requestBatch(an, { profile: 'document', documentId: mine.json().id, count: 2 })
    expect(res.statusCode, res.body).toBe(200)
    const ids = (res.json().credentials as string[]).map((c) => inspectCredential(c)?.id as string)
    await changeSourceRecord(t.db, 'driving_licence', '790113456789', { status: 'suspended' }, t.clock.now())
    await syncDocuments(t.deps, createConnectors(t.db))
    const rows = await t.db
      .selectFrom('credentials_issued')
      .select(['revoked_at'])
      .where('id', 'in', ids)
      .execute()
    expect(rows).toHaveLength(2)
    for (const r of rows) expect(r.revoked_at).not.toBeNull()
    // One audit event for the change of the source, naming the whole batch.
    const events = await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'subject', 'data'])
      .where('action', 'like', 'credentials.%.revoked')
      .execute()
    expect(events.filter((e) => JSON.stringify(e.data).includes(ids[0] as string))).toEqual([
      {
        action: 'credentials.batch.revoked',
        subject: AN,
        data: { ids: [...ids].sort(), sourceRef: mine.json().id, reason: 'document suspended at its source' },
      },
    ])
  })

  test("another citizen's document is not found, and the refusal leaves the nonce unused", async () => {
    const { res } = await requestBatch(an, { profile: 'document', documentId: binhLicenceId })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'credentials.DOCUMENT_NOT_FOUND' })
  })

  test('a level-1 account gets no credential', async () => {
    const dung = await citizen(t, DUNG)
    const nonce = await dung.call(
      'POST',
      '/api/v1/credentials/compact',
      { profile: 'basic', proof: 'x.y.z' },
      dung.csrf(),
    )
    expect(nonce.statusCode).toBe(403)
    expect(nonce.json()).toMatchObject({ code: 'credentials.LEVEL2_REQUIRED' })
  })

  test('a proof is used once: the same proof again is refused', async () => {
    const { res, proof } = await requestBatch(an, { profile: 'basic', count: 1 })
    expect(res.statusCode).toBe(200)
    const again = await an.call('POST', '/api/v1/credentials/compact', { profile: 'basic', proof }, an.csrf())
    expect(again.statusCode).toBe(400)
    expect(again.json()).toMatchObject({ code: 'credentials.NONCE_INVALID' })
  })

  test('a batch holds at most 10 credentials', async () => {
    const { res } = await requestBatch(an, { profile: 'basic', count: 11 })
    expect(res.statusCode).toBe(400)
  })

  test('a QR is refused when replayed, after 60 seconds, and from another device', async () => {
    const { res } = await requestBatch(an, { profile: 'basic', count: 1 })
    const [credential] = res.json().credentials as string[]
    const qr = await presentForQr(credential as string, device.privateKey, t.clock.now())
    const seen = memorySeenStore()
    expect(await verifyNow(qr, { seen })).toMatchObject({ ok: true })
    expect(await verifyNow(qr, { seen })).toMatchObject({ code: 'vn-share.REPLAYED' })
    const other = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
    const copied = await presentForQr(credential as string, other.privateKey, t.clock.now())
    expect(await verifyNow(copied)).toMatchObject({ code: 'vn-share.DEVICE_SIGNATURE_INVALID' })
    t.clock.advance(61_000)
    expect(await verifyNow(qr)).toMatchObject({ code: 'vn-share.EXPIRED' })
  })

  test('a revoked credential is refused by a verifier holding the status list fetched earlier', async () => {
    const { res } = await requestBatch(an, { profile: 'basic', count: 2 })
    const [revoked, kept] = res.json().credentials as string[]
    const info = inspectCredential(revoked as string)
    await revokeCredential(t.deps, {
      id: info?.id as string,
      reason: 'device lost',
      actor: { id: 'officer-1', kind: 'officer' },
    })
    // Online beforehand: the issuer's SD-JWT VC keys (they sign status lists) and the list.
    const meta = (await t.app.inject({ method: 'GET', url: '/.well-known/jwt-vc-issuer' })).json()
    const jwt = (
      await t.app.inject({ method: 'GET', url: `/api/v1/credentials/status-lists/${info?.status.list}` })
    ).body
    const read = await readStatusList(jwt, meta.jwks.keys, t.clock.now())
    if (!read.ok) throw new Error(read.reason)
    const status = statusListChecker([read.list])
    const now = t.clock.now()
    expect(
      await verifyNow(await presentForQr(revoked as string, device.privateKey, now), { status }),
    ).toMatchObject({ ok: false, code: 'vn-share.REVOKED' })
    expect(
      await verifyNow(await presentForQr(kept as string, device.privateKey, now), { status }),
    ).toMatchObject({
      ok: true,
      status: { checked: 'valid' },
    })
  })

  test('after a key rotation both keys are published, and a verifier without the new one reports it unknown', async () => {
    const before = (await publishedKeys()).keys
    await rotateIssuerKey(t.deps, 'compact')
    const after = (await publishedKeys()).keys
    expect(after).toHaveLength(2)
    expect(after.map((k) => k.kid)).toEqual(expect.arrayContaining(before.map((k) => k.kid)))
    const { res } = await requestBatch(an, { profile: 'basic', count: 1 })
    const [fresh] = res.json().credentials as string[]
    const qr = await presentForQr(fresh as string, device.privateKey, t.clock.now())
    expect(await verifyQr(qr, before, { now: t.clock.now() })).toMatchObject({ code: 'vn-share.KEY_UNKNOWN' })
    expect(await verifyQr(qr, after, { now: t.clock.now() })).toMatchObject({ ok: true })
  })
})

describe('a foreign resident holds offline credentials of the basic profile only', () => {
  test('a level-2 foreign resident gets basic credentials (the name whole as family_name, the birth date), checked offline', async () => {
    const { res } = await requestBatch(kim, { profile: 'basic', count: 2 })
    expect(res.statusCode, res.body).toBe(200)
    const [credential] = res.json().credentials as string[]
    const result = await verifyNow(await presentForQr(credential as string, device.privateKey, t.clock.now()))
    expect(result).toMatchObject({ ok: true, profile: 'basic' })
    expect(result.ok && result.claims).toEqual({ family_name: 'Kim Min Jun', birth_date: '1985-07-07' })
    const row = await t.db
      .selectFrom('credentials_issued')
      .select(['subject_id', 'type'])
      .where('id', '=', inspectCredential(credential as string)?.id as string)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ subject_id: KIM, type: 'urn:vn:eid:share:basic:1' })
  })

  test('the credential ends with the residence card when it lapses first', async () => {
    const set = (expiresOn: string) =>
      t.db
        .updateTable('registry_foreigner')
        .set({ residence_card_expires_on: expiresOn })
        .where('foreigner_id', '=', KIM)
        .execute()
    await set('2026-12-01')
    try {
      const { res } = await requestBatch(kim, { profile: 'basic', count: 1 })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().expiresAt).toBe('2026-12-02T00:00:00.000Z')
      await set('2026-01-01')
      const lapsed = await requestBatch(kim, { profile: 'basic', count: 1 })
      expect(lapsed.res.statusCode).toBe(409)
      expect(lapsed.res.json()).toMatchObject({ code: 'credentials.DOCUMENT_EXPIRED' })
    } finally {
      await set('2027-12-31')
    }
  })

  test('the card profile and the identity credential (PID) are refused with credentials.CARD_FOR_CITIZENS_ONLY, the nonce left unused', async () => {
    const { res, proof } = await requestBatch(kim, { profile: 'card', count: 1 })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'credentials.CARD_FOR_CITIZENS_ONLY' })
    const basic = await kim.call(
      'POST',
      '/api/v1/credentials/compact',
      { profile: 'basic', proof },
      kim.csrf(),
    )
    expect(basic.statusCode, basic.body).toBe(200)
    const pid = await requestCredential(t, kim, await holderKey(), { format: 'dc+sd-jwt', type: 'pid' })
    expect(pid.statusCode).toBe(403)
    expect(pid.json()).toMatchObject({ code: 'credentials.CARD_FOR_CITIZENS_ONLY' })
  })

  test('a document profile is refused with credentials.DOCUMENTS_FOR_CITIZENS_ONLY', async () => {
    const { res } = await requestBatch(kim, { profile: 'document', documentId: licenceId, count: 1 })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'credentials.DOCUMENTS_FOR_CITIZENS_ONLY' })
  })
})
