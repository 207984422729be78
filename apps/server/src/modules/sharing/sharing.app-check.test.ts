import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { givenPortrait } from '../biometrics/biometrics.test-support.js'
import { givenVerifier } from '../card-check/card-check.test-support.js'
import { AN, CUONG, citizen, DUNG, givenDemoSources } from '../documents/documents.test-support.js'
import { integrated, made, redeemAs, releasesOf, statusOf } from './sharing.test-support.js'

// Dispatch 1101/BCA-QLHC: the citizen shows a 1-minute QR; an officer scans it with their own level-2 account.
let t: TestContext
let an: TestBrowser
let cuong: TestBrowser
let dung: TestBrowser

beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  an = await citizen(t, AN)
  cuong = await citizen(t, CUONG)
  dung = await citizen(t, DUNG)
  await integrated(an, 'driving_licence', '7902 1901 2345')
}, 120_000)
afterAll(() => t.close())

const check = (b: TestBrowser, qr: string) =>
  b.call('POST', '/api/v1/shares/app-check/redeem', { qr }, b.csrf())

describe('an officer checks a citizen’s app is genuine (Dispatch 1101)', () => {
  test('the officer sees the holder, the account level and the integrated documents; the holder sees who scanned', async () => {
    const { id, qr } = await made(an, { kind: 'app-check' })
    const res = await check(cuong, qr)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      genuine: true,
      holder: {
        subjectKind: 'citizen',
        fullName: 'Nguyễn Văn An',
        personalId: AN,
        dateOfBirth: '1995-03-15',
        accountLevel: 2,
      },
      portrait: null,
      documents: [
        {
          kind: 'driving_licence',
          number: '790219012345',
          status: 'active',
          validFrom: '2019-08-01',
          validTo: '2029-08-01',
          sourceSystem: 'sandbox:mps.traffic-police.driving-licences',
        },
      ],
      checkedAt: t.clock.now().toISOString(),
    })
    const officerName = (
      await t.db
        .selectFrom('registry_person')
        .select('full_name')
        .where('personal_id', '=', CUONG)
        .executeTakeFirstOrThrow()
    ).full_name
    expect(await statusOf(an, id)).toMatchObject({
      status: 'redeemed',
      redeemedBy: { kind: 'app_check', name: officerName },
    })
    expect((await releasesOf(t, AN)).at(-1)).toMatchObject({
      recipient_kind: 'verifier',
      recipient_name: officerName,
      channel: 'qr.app_check',
      claims: ['account_level', 'birthdate', 'document:driving_licence', 'name', 'vn_id'],
    })
  })

  test('the same app-check QR scanned twice is refused', async () => {
    const { qr } = await made(an, { kind: 'app-check' })
    expect((await check(cuong, qr)).statusCode).toBe(200)
    const again = await check(cuong, qr)
    expect([again.statusCode, again.json().code]).toEqual([409, 'sharing.TOKEN_USED'])
  })

  test('a citizen cannot check their own app: refused, and the QR stays valid for the officer', async () => {
    const { id, qr } = await made(an, { kind: 'app-check' })
    const res = await check(an, qr)
    expect([res.statusCode, res.json().code]).toEqual([403, 'sharing.SELF_REDEEM'])
    expect((await statusOf(an, id)).status).toBe('pending')
    expect((await check(cuong, qr)).statusCode).toBe(200)
  })

  test('a level-1 account cannot check an app', async () => {
    const { id, qr } = await made(an, { kind: 'app-check' })
    const res = await check(dung, qr)
    expect([res.statusCode, res.json().code]).toEqual([403, 'sharing.LEVEL2_REQUIRED'])
    expect((await statusOf(an, id)).status).toBe('pending')
  })

  test('a data share is not an app check: refused, nothing consumed', async () => {
    const { id, qr } = await made(an, { kind: 'basic' })
    const res = await check(cuong, qr)
    expect([res.statusCode, res.json().code]).toEqual([409, 'sharing.WRONG_CHANNEL'])
    expect((await statusOf(an, id)).status).toBe('pending')
  })

  test('an app-check QR older than one minute is expired', async () => {
    const { qr } = await made(an, { kind: 'app-check' })
    t.clock.advance(61_000)
    const res = await check(cuong, qr)
    expect([res.statusCode, res.json().code]).toEqual([410, 'sharing.TOKEN_EXPIRED'])
  })

  test('a holder whose account was locked after showing the QR shares nothing', async () => {
    const { qr } = await made(an, { kind: 'app-check' })
    const before = (await releasesOf(t, AN)).length
    const lock = (status: 'locked' | 'active') =>
      t.db.updateTable('accounts_account').set({ status }).where('subject_id', '=', AN).execute()
    await lock('locked')
    try {
      const res = await check(cuong, qr)
      expect([res.statusCode, res.json().code]).toEqual([409, 'sharing.HOLDER_INACTIVE'])
      expect(res.body).not.toContain('Nguyễn Văn An')
    } finally {
      await lock('active')
    }
    expect(await releasesOf(t, AN)).toHaveLength(before)
  })

  test('without a session, no check', async () => {
    const { qr } = await made(an, { kind: 'app-check' })
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shares/app-check/redeem',
      payload: { qr },
    })
    expect(res.statusCode).toBe(401)
  })
})

describe('the officer compares the portrait on record with the person in front of them', () => {
  // Any bytes stand for the image: the check hands back what was sealed, unchanged.
  const PORTRAIT = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')

  test('the app check carries the portrait on record, and the holder’s log names it', async () => {
    await givenPortrait(t, AN, PORTRAIT, 'image/jpeg')
    const { qr } = await made(an, { kind: 'app-check' })
    const res = await check(cuong, qr)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().portrait).toBe(`data:image/jpeg;base64,${PORTRAIT.toString('base64')}`)
    expect((await releasesOf(t, AN)).at(-1)?.claims).toEqual([
      'account_level',
      'birthdate',
      'document:driving_licence',
      'name',
      'portrait',
      'vn_id',
    ])
  })

  test('a verifier redeeming the card data never gets the portrait', async () => {
    const verifier = await givenVerifier(t, { scope: 'share_redeem' })
    const { qr } = await made(an, { kind: 'card' })
    const res = await redeemAs(t, verifier.token, qr)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.body).not.toContain(PORTRAIT.toString('base64'))
    expect((await releasesOf(t, AN)).at(-1)?.claims).not.toContain('portrait')
  })
})
