import { compactVerify, decodeProtectedHeader, importJWK } from 'jose'
import QRCode from 'qrcode'
import { describe, expect, test } from 'vitest'
import { batchKey, QR_LIFETIME_MS, takeFromBatch } from './compactBatch'
import { secondsLeft, shouldAnnounce } from './countdown'
import { vnDate } from './dates'
import { publicJwkOf, signHolderProof } from './holderProof'
import { qrPath } from './qrPath'

const NOW = new Date('2026-11-23T03:00:00Z')

describe('the holder proof binds the device key the way the issuer checks it (OpenID4VCI jwt proof)', () => {
  test('a non-extractable WebCrypto key signs a JWS that verifies with the jwk of its own header', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])
    const publicJwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey))
    const proof = await signHolderProof(
      { privateKey: pair.privateKey, publicJwk },
      { aud: 'https://id.example.vn', nonce: 'n-123', now: NOW },
    )
    const header = decodeProtectedHeader(proof)
    expect(header).toEqual({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: publicJwk })
    const { payload } = await compactVerify(proof, await importJWK({ ...publicJwk, alg: 'ES256' }, 'ES256'))
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({
      aud: 'https://id.example.vn',
      iat: NOW.getTime() / 1000,
      nonce: 'n-123',
    })
  })

  test('a tampered payload no longer verifies (the signature is raw r||s over header.payload)', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])
    const publicJwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey))
    const proof = await signHolderProof(
      { privateKey: pair.privateKey, publicJwk },
      { aud: 'a', nonce: 'n', now: NOW },
    )
    const [h, , s] = proof.split('.')
    const forged = `${h}.${Buffer.from(JSON.stringify({ aud: 'a', iat: 1, nonce: 'n' })).toString('base64url')}.${s}`
    await expect(
      compactVerify(forged, await importJWK({ ...publicJwk, alg: 'ES256' }, 'ES256')),
    ).rejects.toThrow()
  })

  test('only the public members of the key go into the header, and a non-P-256 key is refused', () => {
    expect(
      publicJwkOf({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'secret', ext: true, key_ops: ['verify'] }),
    ).toEqual({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' })
    expect(() => publicJwkOf({ kty: 'EC', crv: 'P-384', x: 'x', y: 'y' })).toThrow()
  })
})

describe('offline credentials: one per QR, never one that would expire while its QR is shown', () => {
  const batch = { credentials: ['c1', 'c2'], expiresAt: '2026-12-23T03:00:00Z' }

  test('the first credential is taken and the rest kept', () => {
    expect(takeFromBatch(batch, NOW)).toEqual({
      credential: 'c1',
      rest: { credentials: ['c2'], expiresAt: batch.expiresAt },
    })
  })

  test('a used-up, missing or expiring batch serves nothing (the wallet then fetches a new one)', () => {
    expect(takeFromBatch({ ...batch, credentials: [] }, NOW)).toBeNull()
    expect(takeFromBatch(undefined, NOW)).toBeNull()
    const expiring = new Date(Date.parse(batch.expiresAt) - QR_LIFETIME_MS + 1)
    expect(takeFromBatch(batch, expiring)).toBeNull()
    expect(takeFromBatch({ ...batch, expiresAt: 'not a date' }, NOW)).toBeNull()
  })

  test('batches are kept apart per account, profile and document', () => {
    expect(
      new Set([
        batchKey('a', 'basic'),
        batchKey('b', 'basic'),
        batchKey('a', 'card'),
        batchKey('a', 'document', 'd1'),
      ]).size,
    ).toBe(4)
  })
})

describe('the 60-second countdown', () => {
  test('counts whole seconds up, never below zero', () => {
    const deadline = NOW.getTime() + 60_000
    expect(secondsLeft(deadline, NOW.getTime())).toBe(60)
    expect(secondsLeft(deadline, NOW.getTime() + 800)).toBe(60)
    expect(secondsLeft(deadline, NOW.getTime() + 59_001)).toBe(1)
    expect(secondsLeft(deadline, NOW.getTime() + 61_000)).toBe(0)
  })

  test('speaks at 30 s, 10 s and 0 only', () => {
    expect([60, 45, 30, 11, 10, 1, 0].filter(shouldAnnounce)).toEqual([30, 10, 0])
  })
})

describe('the QR drawn as one SVG path', () => {
  test('every dark module of the symbol is covered by exactly one run, and no light one', () => {
    const qr = QRCode.create('VNS1:ABCDEFGHIJKLMNOPQRSTUVWXYZ', { errorCorrectionLevel: 'M' })
    const { size } = qr.modules
    const path = qrPath({ size, get: (r, c) => qr.modules.get(r, c) })
    const covered = new Set<string>()
    for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])]
      for (let c = x; c < x + w; c++) {
        const cell = `${y}:${c}`
        expect(covered.has(cell)).toBe(false)
        covered.add(cell)
      }
    }
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) expect(covered.has(`${r}:${c}`)).toBe(Boolean(qr.modules.get(r, c)))
  })
})

test('dates are shown as Vietnamese write them, partial ones too', () => {
  expect(vnDate('1995-03-07')).toBe('07/03/1995')
  expect(vnDate('1995-03')).toBe('03/1995')
  expect(vnDate('1995')).toBe('1995')
})
