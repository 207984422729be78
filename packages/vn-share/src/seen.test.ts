import { beforeAll, describe, expect, test } from 'vitest'
import { presentForQr } from './presentation.js'
import { memorySeenStore, type SharedSeenAnswer, seenKeyDigest, sharedSeenStore } from './seen.js'
import { AN_BASIC, givenIssuer, keyPair, NOW } from './share.test-support.js'
import { verifyQr } from './verify.js'

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000)
let issuer: Awaited<ReturnType<typeof givenIssuer>>
let qr: string

beforeAll(async () => {
  issuer = await givenIssuer()
  const device = await keyPair()
  qr = await presentForQr(await issuer.issue(device.publicKey, 'basic', AN_BASIC), device.privateKey, NOW)
})

/** What the server does per verifier (one INSERT … ON CONFLICT DO NOTHING), as a Map here. */
const sharedMemory = () => {
  const rows = new Map<string, Date>()
  const record = async (digest: string, until: Date): Promise<SharedSeenAnswer> => {
    if (rows.has(digest)) return 'replay'
    rows.set(digest, until)
    return 'first_seen'
  }
  return { rows, record }
}

/** A scanner of the verifier: its own device store in front of the shared one; notes which one decided. */
const scanner = (record: (d: string, u: Date) => Promise<SharedSeenAnswer>) => {
  const answers: string[] = []
  const seen = sharedSeenStore(record, memorySeenStore(), (by) => answers.push(by))
  const verify = (now: Date) => verifyQr(qr, [issuer.jwk], { now, seen })
  return { answers, verify }
}

describe('a replay store shared by the scanners of one verifier', () => {
  test('the digest is base64url SHA-256 of the key (43 characters), the same on every scanner', async () => {
    // FIPS 180-2 test vector: SHA-256("abc").
    expect(await seenKeyDigest('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0')
    expect(await seenKeyDigest('abc')).toHaveLength(43)
  })

  test('a QR photographed and shown to a second scanner of the same verifier is a replay there', async () => {
    const shared = sharedMemory()
    const door = scanner(shared.record)
    const desk = scanner(shared.record)
    expect(await door.verify(at(1))).toMatchObject({ ok: true, replayChecked: true })
    expect(await desk.verify(at(2))).toMatchObject({ ok: false, code: 'vn-share.REPLAYED' })
    expect([door.answers, desk.answers]).toEqual([['shared'], ['shared']])
    // Kept until the QR could no longer be accepted (its time + 61 s), as the device store does.
    expect([...shared.rows.values()]).toEqual([at(61)])
  })

  test("without the shared store (offline) the device's own store still refuses its own second scan", async () => {
    const offline = scanner(async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await offline.verify(at(1))).toMatchObject({ ok: true })
    expect(await offline.verify(at(2))).toMatchObject({ ok: false, code: 'vn-share.REPLAYED' })
    expect(offline.answers).toEqual(['local', 'local'])
  })

  test('a scanner that saw the QR does not ask the shared store again', async () => {
    const shared = sharedMemory()
    let asked = 0
    const door = scanner(async (d, u) => {
      asked += 1
      return shared.record(d, u)
    })
    await door.verify(at(1))
    expect(await door.verify(at(2))).toMatchObject({ code: 'vn-share.REPLAYED' })
    expect(asked).toBe(1)
  })
})
