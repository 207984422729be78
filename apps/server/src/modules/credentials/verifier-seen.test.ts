import type { webcrypto } from 'node:crypto'
import {
  memorySeenStore,
  presentForQr,
  type SharedSeenAnswer,
  type ShareKeyJwk,
  seenKeyDigest,
  sharedSeenStore,
  verifyQr,
} from '@dinhdanh/vn-share'
import { exportJWK } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenVerifier, machineToken } from '../card-check/card-check.test-support.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { issueCompactCredentials } from './compact.service.js'
import { AN } from './credentials.test-support.js'
import { cleanupVerifierSeen } from './verifier-seen.service.js'

let t: TestContext
let device: webcrypto.CryptoKeyPair
let credentials: string[]
let keys: ShareKeyJwk[]
let bank: Awaited<ReturnType<typeof givenVerifier>>
let shop: Awaited<ReturnType<typeof givenVerifier>>

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  device = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
  const batch = await issueCompactCredentials(t.deps, {
    personalId: AN,
    profile: 'basic',
    holderJwk: await exportJWK(device.publicKey),
    count: 5,
  })
  credentials = batch.credentials
  keys = (await t.app.inject({ method: 'GET', url: '/api/v1/credentials/share-keys' })).json().keys
  bank = await givenVerifier(t, { scope: 'share_redeem', name: 'Ngân hàng Thử nghiệm' })
  shop = await givenVerifier(t, { scope: 'share_redeem', name: 'Cửa hàng điện thoại' })
}, 600_000)
afterAll(() => t.close())

const seenBy = (token: string | undefined, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/verifier/presentations/seen',
    payload: body as object,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  })

/** One scanner: its device store in front of the verifier's shared store on the server (its own token). */
const scanner = (token: string) => {
  const answers: string[] = []
  const record = async (presentation: string, until: Date): Promise<SharedSeenAnswer> => {
    const res = await seenBy(token, { presentation, until: until.toISOString() })
    if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`)
    return res.json().status
  }
  const seen = sharedSeenStore(record, memorySeenStore(), (by) => answers.push(by))
  return { answers, verify: (qr: string) => verifyQr(qr, keys, { now: t.clock.now(), seen }) }
}

const qrAt = (i: number) => presentForQr(credentials[i] ?? '', device.privateKey, t.clock.now())

describe("a verifier's scanners share one replay store for offline QRs", () => {
  test('a QR shown to a second scanner of the same verifier is a replay there', async () => {
    const qr = await qrAt(0)
    // Two devices of the bank, each with a token of its own for the bank's client.
    const door = scanner(bank.token)
    const desk = scanner(await machineToken(t, bank.creds, 'share_redeem'))
    expect(await door.verify(qr)).toMatchObject({ ok: true, replayChecked: true })
    t.clock.advance(5_000)
    expect(await desk.verify(qr)).toMatchObject({ ok: false, code: 'vn-share.REPLAYED' })
    expect([door.answers, desk.answers]).toEqual([['shared'], ['shared']])
    const [row, ...more] = await t.db.selectFrom('credentials_verifier_seen').selectAll().execute()
    expect(more).toHaveLength(0)
    // Only a 43-character digest, kept for the verifier until the QR's end (its time + 61 s) and a minute.
    expect(row?.client_id).toBe(bank.creds.client_id)
    expect(row?.presentation).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(row && row.expires_at.getTime() - row.seen_at.getTime()).toBe(121_000)
  })

  test('the same QR is first seen by another verifier: a presentation is for one verifier', async () => {
    const qr = await qrAt(1)
    expect(await scanner(bank.token).verify(qr)).toMatchObject({ ok: true })
    expect(await scanner(shop.token).verify(qr)).toMatchObject({ ok: true })
    expect(await scanner(bank.token).verify(qr)).toMatchObject({ code: 'vn-share.REPLAYED' })
  })

  test('scanners racing with one QR: exactly one is told first_seen', async () => {
    const presentation = await seenKeyDigest('race')
    const until = new Date(t.clock.now().getTime() + 61_000).toISOString()
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => seenBy(bank.token, { presentation, until })),
    )
    expect(answers.map((r) => r.json().status).sort()).toEqual([
      'first_seen',
      'replay',
      'replay',
      'replay',
      'replay',
      'replay',
    ])
  })

  test('only a verifier with the share_redeem scope, only a digest, only a QR-sized window', async () => {
    const presentation = await seenKeyDigest('input-checks')
    const until = new Date(t.clock.now().getTime() + 61_000).toISOString()
    const none = await seenBy(undefined, { presentation, until })
    expect(none.statusCode).toBe(401)
    expect(none.headers['www-authenticate']).toBe('Bearer')
    const scopeless = await givenVerifier(t, { name: 'Máy quét không phạm vi' })
    const noScope = await seenBy(scopeless.token, { presentation, until })
    expect(noScope.statusCode).toBe(403)
    expect(noScope.json().code).toBe('oidc.MACHINE_SCOPE_REQUIRED')
    // The QR itself (or any other text) is not what the store takes.
    expect((await seenBy(bank.token, { presentation: 'VNO1:ABC', until })).statusCode).toBe(400)
    const far = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString()
    const tooLong = await seenBy(bank.token, { presentation, until: far })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().code).toBe('credentials.SEEN_WINDOW_INVALID')
    expect(
      await t.db
        .selectFrom('credentials_verifier_seen')
        .select('presentation')
        .where('presentation', '=', presentation)
        .execute(),
    ).toEqual([])
  })

  test('rows go once their QR can no longer be shown; live ones stay', async () => {
    await t.db.deleteFrom('credentials_verifier_seen').execute()
    const old = await seenBy(bank.token, {
      presentation: await seenKeyDigest('old'),
      until: new Date(t.clock.now().getTime() + 61_000).toISOString(),
    })
    expect(old.json().status).toBe('first_seen')
    t.clock.advance(100_000)
    const live = await seenBy(bank.token, {
      presentation: await seenKeyDigest('live'),
      until: new Date(t.clock.now().getTime() + 61_000).toISOString(),
    })
    expect(live.json().status).toBe('first_seen')
    // The first is kept until its until + 60 s (121 s after it was seen): not yet.
    expect(await cleanupVerifierSeen(t.deps)).toEqual({ seen: 0 })
    t.clock.advance(21_000)
    expect(await cleanupVerifierSeen(t.deps)).toEqual({ seen: 1 })
    const left = await t.db.selectFrom('credentials_verifier_seen').select('presentation').execute()
    expect(left).toEqual([{ presentation: await seenKeyDigest('live') }])
  })
})
