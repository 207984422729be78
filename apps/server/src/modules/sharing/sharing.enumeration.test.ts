import { beforeAll, describe, expect, test } from 'vitest'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { citizen } from '../documents/documents.test-support.js'
import { AN, useOidcTest } from '../oidc/oidc.test-support.js'
import { givenVerifier, made, redeemAs, releasesOf } from './sharing.test-support.js'
import { newShareToken, qrOf } from './sharing.token.js'

// A verifier collecting refusals learns the state of codes (never issued, used, expired, cancelled) in bulk;
// past a few refusals a minute it learns nothing more: the refusal is sharing.RATE_LIMITED.
const LIMIT = 3
const t = useOidcTest({ VERIFIER_REDEEM_FAILURES_PER_MINUTE: String(LIMIT) })
let an: TestBrowser

beforeAll(async () => {
  an = await citizen(t, AN)
}, 120_000)

/** A well-formed code nobody issued, as a verifier guessing codes would send. */
const guessed = () => qrOf(newShareToken())

describe('a verifier cannot probe online sharing codes in bulk', () => {
  test('past its refusals a minute, a refused code is 429 sharing.RATE_LIMITED with Retry-After, without the reason', async () => {
    const v = await givenVerifier(t, { name: 'Máy quét dò mã' })
    for (let i = 0; i < LIMIT; i++) {
      const res = await redeemAs(t, v.token, guessed())
      expect([res.statusCode, res.json().code]).toEqual([404, 'sharing.TOKEN_UNKNOWN'])
    }
    const limited = await redeemAs(t, v.token, guessed())
    expect(limited.statusCode).toBe(429)
    const body = limited.json()
    expect(body).toMatchObject({
      code: 'sharing.RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    })
    expect(limited.headers['retry-after']).toBe(String(body.details.retryAfterSeconds))
    // A used code no longer says it was used.
    const { qr } = await made(an, { kind: 'basic' })
    expect((await redeemAs(t, v.token, qr)).statusCode).toBe(200)
    expect((await redeemAs(t, v.token, qr)).json().code).toBe('sharing.RATE_LIMITED')
  })

  test('a code the citizen shows still redeems for a limited verifier, and is logged once', async () => {
    const v = await givenVerifier(t, { name: 'Quầy đông khách' })
    for (let i = 0; i <= LIMIT; i++) await redeemAs(t, v.token, guessed())
    expect((await redeemAs(t, v.token, guessed())).statusCode).toBe(429)
    const before = (await releasesOf(t, AN)).length
    const { qr } = await made(an, { kind: 'basic' })
    const res = await redeemAs(t, v.token, qr)
    expect(res.statusCode, res.body).toBe(200)
    expect(await releasesOf(t, AN)).toHaveLength(before + 1)
  })

  test('redemptions that succeed and malformed texts do not count, and verifiers are counted apart', async () => {
    const v = await givenVerifier(t, { name: 'Bệnh viện Thử nghiệm' })
    for (let i = 0; i < LIMIT + 1; i++) {
      const { qr } = await made(an, { kind: 'basic' })
      expect((await redeemAs(t, v.token, qr)).statusCode).toBe(200)
    }
    for (let i = 0; i < LIMIT + 1; i++)
      expect((await redeemAs(t, v.token, 'VNS1:not-a-code')).json().code).toBe('sharing.QR_INVALID')
    const other = await givenVerifier(t, { name: 'Máy quét bên cạnh' })
    for (let i = 0; i <= LIMIT; i++) await redeemAs(t, other.token, guessed())
    for (let i = 0; i < LIMIT; i++)
      expect((await redeemAs(t, v.token, guessed())).json().code).toBe('sharing.TOKEN_UNKNOWN')
    expect((await redeemAs(t, v.token, guessed())).json().code).toBe('sharing.RATE_LIMITED')
  })

  test('once Retry-After has passed on the clock, a refusal says why again', async () => {
    const v = await givenVerifier(t, { name: 'Máy quét kiên nhẫn' })
    for (let i = 0; i < LIMIT; i++) await redeemAs(t, v.token, guessed())
    const limited = await redeemAs(t, v.token, guessed())
    expect(limited.statusCode).toBe(429)
    const wait = Number(limited.headers['retry-after'])
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(120)
    t.clock.advance(wait * 1000)
    expect((await redeemAs(t, v.token, guessed())).json().code).toBe('sharing.TOKEN_UNKNOWN')
  })
})
