import { deflateSync } from 'node:zlib'
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { base45Decode, base45Encode } from './base45.js'
import { base64urlDecode, base64urlEncode } from './bytes.js'
import { inspectCredential } from './credential.js'
import { type WebCryptoKey, webShareCrypto } from './crypto.js'
import { trustKeys } from './keys.js'
import { nodeShareCrypto } from './node.js'
import { presentForQr, QR_PREFIX } from './presentation.js'
import { memorySeenStore } from './seen.js'
import { AN_BASIC, AN_CARD, givenIssuer, keyPair, NOW } from './share.test-support.js'
import { readStatusList, statusListChecker } from './status-list.js'
import { verifyQr } from './verify.js'

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000)
let issuer: Awaited<ReturnType<typeof givenIssuer>>
let device: Awaited<ReturnType<typeof keyPair>>
let credential: string
let qr: string

beforeAll(async () => {
  issuer = await givenIssuer()
  device = await keyPair()
  credential = await issuer.issue(device.publicKey, 'basic', AN_BASIC)
  qr = await presentForQr(credential, device.privateKey, NOW)
})
const verify = (text: string, now = NOW, opts = {}) => verifyQr(text, [issuer.jwk], { now, ...opts })

describe('offline QR: issue, present, verify', () => {
  test('name and birth date round-trip through a QR in alphanumeric mode, on WebCrypto and node:crypto', async () => {
    expect(qr.startsWith(QR_PREFIX)).toBe(true)
    expect(qr).toMatch(/^[0-9A-Z $%*+\-./:]+$/)
    for (const crypto of [webShareCrypto, nodeShareCrypto]) {
      const result = await verifyQr(qr, await trustKeys([issuer.jwk], crypto), { now: at(5) })
      expect(result).toMatchObject({
        ok: true,
        profile: 'basic',
        claims: AN_BASIC,
        issuedAt: new Date('2026-12-02T00:00:00Z'),
        expiresAt: new Date('2027-01-01T00:00:00Z'),
        kid: issuer.jwk.kid,
        presentedAt: NOW,
        status: { list: 1, index: 42, checked: 'unknown' },
        replayChecked: false,
      })
    }
  })

  test('the card profile carries the card data; the app can read its own credential', async () => {
    const card = await issuer.issue(device.publicKey, 'card', AN_CARD)
    expect(inspectCredential(card)).toMatchObject({ profile: 'card', claims: AN_CARD })
    const result = await verify(await presentForQr(card, device.privateKey, NOW))
    expect(result).toMatchObject({ ok: true, profile: 'card', claims: AN_CARD })
  })

  test('a document share carries the document and its holder', async () => {
    const claims = {
      ...AN_BASIC,
      document_kind: 'driving_licence',
      document_number: '790123456789',
      issuance_date: '2022-06-01',
      expiry_date: '2032-06-01',
      issuing_authority: 'Sở Giao thông Vận tải TP. Hồ Chí Minh',
      licence_class: 'B',
    }
    const doc = await issuer.issue(device.publicKey, 'document', claims)
    expect(await verify(await presentForQr(doc, device.privateKey, NOW))).toMatchObject({ ok: true, claims })
  })

  test('an issuer cannot put a claim outside the profile (the basic profile never holds the ID number)', async () => {
    await expect(
      issuer.issue(device.publicKey, 'basic', {
        ...AN_BASIC,
        personal_administrative_number: '079095001234',
      }),
    ).rejects.toThrow(RangeError)
  })
})

describe('offline QR: threats', () => {
  test('a changed claim byte breaks the issuer signature, even re-presented by the holder', async () => {
    const bytes = base64urlDecode(credential) as Uint8Array
    const name = new TextEncoder().encode('Văn An')
    const at = bytes.findIndex((_, i) => name.every((b, j) => bytes[i + j] === b))
    expect(at).toBeGreaterThan(0)
    const forged = bytes.slice()
    forged[at] = 'X'.charCodeAt(0) // Xăn An
    const result = await verify(await presentForQr(forged, device.privateKey, NOW))
    expect(result).toMatchObject({ ok: false, code: 'vn-share.SIGNATURE_INVALID' })
  })

  test('a changed issuer signature is refused', async () => {
    const forged = (base64urlDecode(credential) as Uint8Array).slice()
    forged[forged.length - 1] = (forged[forged.length - 1] as number) ^ 1
    expect(await verify(await presentForQr(forged, device.privateKey, NOW))).toMatchObject({
      code: 'vn-share.SIGNATURE_INVALID',
    })
  })

  test("a credential copied to another device is refused: the QR is not signed by the holder's key", async () => {
    const thief = await keyPair()
    expect(await verify(await presentForQr(credential, thief.privateKey, NOW))).toMatchObject({
      ok: false,
      code: 'vn-share.DEVICE_SIGNATURE_INVALID',
    })
  })

  test('a QR is good for 60 seconds: at 61 it has expired', async () => {
    expect(await verify(qr, at(60))).toMatchObject({ ok: true })
    expect(await verify(qr, at(61))).toMatchObject({ ok: false, code: 'vn-share.EXPIRED' })
  })

  test('a QR from a holder whose clock runs ahead is accepted within the skew, refused beyond', async () => {
    expect(await verify(qr, at(-30))).toMatchObject({ ok: true })
    expect(await verify(qr, at(-31))).toMatchObject({ ok: false, code: 'vn-share.NOT_YET_VALID' })
  })

  test('an expired credential is refused even in a fresh QR', async () => {
    const old = await issuer.issue(device.publicKey, 'basic', AN_BASIC, {
      expiresAt: new Date('2026-12-03T00:00:00Z'),
    })
    const later = new Date('2026-12-03T00:00:10Z')
    expect(await verify(await presentForQr(old, device.privateKey, later), later)).toMatchObject({
      code: 'vn-share.CREDENTIAL_EXPIRED',
    })
  })

  test('the same QR scanned twice is a replay; a new QR from the same credential is not', async () => {
    const seen = memorySeenStore()
    expect(await verify(qr, at(1), { seen })).toMatchObject({ ok: true, replayChecked: true })
    expect(await verify(qr, at(2), { seen })).toMatchObject({ ok: false, code: 'vn-share.REPLAYED' })
    const again = await presentForQr(credential, device.privateKey, at(3))
    expect(await verify(again, at(4), { seen })).toMatchObject({ ok: true })
    // Entries go once their QR could not be accepted anyway.
    await verify(await presentForQr(credential, device.privateKey, at(120)), at(121), { seen })
    expect(seen.size()).toBe(1)
  })

  test('a refused QR does not take a place in the seen store', async () => {
    const seen = memorySeenStore()
    expect(await verify(qr, at(61), { seen })).toMatchObject({ code: 'vn-share.EXPIRED' })
    expect(seen.size()).toBe(0)
  })

  test('a key the verifier does not trust is reported as unknown', async () => {
    const other = await givenIssuer()
    expect(await verifyQr(qr, [other.jwk], { now: NOW })).toMatchObject({ code: 'vn-share.KEY_UNKNOWN' })
  })

  test('malformed input is refused with one code, never thrown', async () => {
    const payload = qr.slice(QR_PREFIX.length)
    for (const bad of [
      '',
      'VNS1:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      payload,
      `${QR_PREFIX}${payload.toLowerCase()}`,
      `${QR_PREFIX}${payload.slice(0, -5)}`,
      `${QR_PREFIX}${base45Encode(new TextEncoder().encode('not cbor at all'))}`,
      `${QR_PREFIX}${base45Encode(Uint8Array.of(0x84, 0x40, 0x00, 0x40, 0x40))}`,
    ])
      expect(await verify(bad), bad).toMatchObject({ ok: false, code: 'vn-share.MALFORMED' })
  })

  test('any single-character change of a valid QR is rejected', async () => {
    const keys = await trustKeys([issuer.jwk], nodeShareCrypto)
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a'
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: qr.length - 1 }), fc.constantFrom(...alphabet), async (i, c) => {
        fc.pre(qr[i] !== c)
        const mutated = qr.slice(0, i) + c + qr.slice(i + 1)
        expect((await verifyQr(mutated, keys, { now: NOW })).ok).toBe(false)
      }),
      { numRuns: 400 },
    )
  })

  test('any single-byte change of the decoded QR is rejected', async () => {
    const keys = await trustKeys([issuer.jwk], nodeShareCrypto)
    const bytes = base45Decode(qr.slice(QR_PREFIX.length)) as Uint8Array
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
        const mutated = bytes.slice()
        mutated[i] = (mutated[i] as number) ^ x
        expect((await verifyQr(QR_PREFIX + base45Encode(mutated), keys, { now: NOW })).ok).toBe(false)
      }),
      { numRuns: 400 },
    )
  })
})

describe('offline QR: revocation from a cached status list', () => {
  const statusListJwt = async (key: WebCryptoKey, kid: string, revoked: number[], exp: Date) => {
    const bits = new Uint8Array(16)
    for (const i of revoked) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7))
    const enc = (o: object) => base64urlEncode(new TextEncoder().encode(JSON.stringify(o)))
    const head = `${enc({ alg: 'ES256', kid, typ: 'statuslist+jwt' })}.${enc({
      sub: 'https://dinhdanh.example/api/v1/credentials/status-lists/1',
      iat: NOW.getTime() / 1000,
      exp: exp.getTime() / 1000,
      ttl: 300,
      status_list: { bits: 1, lst: base64urlEncode(deflateSync(bits)) },
    })}`
    const sig = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      new TextEncoder().encode(head),
    )
    return `${head}.${base64urlEncode(new Uint8Array(sig))}`
  }

  test('a revoked credential is refused; without a current list the result says revocation was not checked', async () => {
    const listKey = await keyPair()
    const jwk = { ...(await crypto.subtle.exportKey('jwk', listKey.publicKey)), kid: 'list-key' } as never
    const jwt = await statusListJwt(listKey.privateKey, 'list-key', [42], at(86_400))
    const read = await readStatusList(jwt, [jwk], NOW)
    if (!read.ok) throw new Error(read.reason)
    expect(read.list).toMatchObject({ listId: 1, ttlSeconds: 300 })
    const status = statusListChecker([read.list])
    expect(await verify(qr, NOW, { status })).toMatchObject({ ok: false, code: 'vn-share.REVOKED' })

    expect(status({ list: 1, index: 41 }, NOW)).toBe('valid')
    expect(status({ list: 2, index: 42 }, NOW)).toBe('unknown')
    expect(status({ list: 1, index: 42 }, at(86_400))).toBe('unknown')

    const otherKey = await keyPair()
    const forged = await statusListJwt(otherKey.privateKey, 'list-key', [], at(86_400))
    expect(await readStatusList(forged, [jwk], NOW)).toMatchObject({ ok: false, reason: 'signature invalid' })
    expect(await readStatusList(jwt, [jwk], at(86_400))).toMatchObject({ ok: false, reason: 'expired' })
  })

  test('a valid entry in a current list is reported as checked', async () => {
    const status = () => 'valid' as const
    expect(await verify(qr, NOW, { status })).toMatchObject({ ok: true, status: { checked: 'valid' } })
  })
})
