import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { givenPortrait } from '../biometrics/biometrics.test-support.js'
import { givenVerifier } from '../card-check/card-check.test-support.js'
import { AN, CUONG, citizen, givenDemoSources } from '../documents/documents.test-support.js'
import { givenForeignResident, KIM, made, redeemAs, releasesOf, share } from './sharing.test-support.js'

// A foreign resident's level-2 account stands for their passport (DOMAIN §2.3): they share who they are, by
// foreigner ID number and nationality, but hold no ID card and (here) no integrated document.
let t: TestContext
let kim: TestBrowser
let cuong: TestBrowser
let verifier: Awaited<ReturnType<typeof givenVerifier>>

beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  kim = await givenForeignResident(t)
  cuong = await citizen(t, CUONG)
  verifier = await givenVerifier(t, { scope: 'share_redeem' })
}, 120_000)
afterAll(() => t.close())

const sharesOf = (subjectId: string) =>
  t.db.selectFrom('sharing_session').select('kind').where('subject_id', '=', subjectId).execute()

describe('a foreign resident shares by online QR what their travel document proves', () => {
  test('a foreign resident shares name, date of birth and nationality; the verifier learns it is a foreign resident, not a citizen', async () => {
    const { qr } = await made(kim, { kind: 'basic' })
    const res = await redeemAs(t, verifier.token, qr)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      scope: { kind: 'basic' },
      subjectKind: 'foreigner',
      subject: { full_name: 'Kim Min Jun', birth_date: '1985-07-07', nationality: 'KR' },
      sharedAt: t.clock.now().toISOString(),
      verifier: { id: verifier.creds.client_id, name: 'Ngân hàng Thử nghiệm (quầy)' },
    })
    expect((await releasesOf(t, KIM)).at(-1)).toMatchObject({
      recipient_kind: 'verifier',
      channel: 'qr.online',
      claims: ['birthdate', 'name', 'nationality'],
    })
  })

  test('a citizen’s share tells the verifier it is a citizen’s', async () => {
    const an = await citizen(t, AN)
    const res = await redeemAs(t, verifier.token, (await made(an, { kind: 'basic' })).qr)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ subjectKind: 'citizen', subject: { full_name: 'Nguyễn Văn An' } })
    expect(res.json().subject).not.toHaveProperty('nationality')
  })

  test('the card scope is refused with sharing.CARD_FOR_CITIZENS_ONLY, and no code is made', async () => {
    const res = await share(kim, { kind: 'card' })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'sharing.CARD_FOR_CITIZENS_ONLY' })
    expect((await sharesOf(KIM)).filter((s) => s.kind === 'card')).toEqual([])
  })

  test('a document is refused with sharing.DOCUMENTS_FOR_CITIZENS_ONLY: documents are matched by personal ID number', async () => {
    const res = await share(kim, { kind: 'document', documentId: randomUUID() })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'sharing.DOCUMENTS_FOR_CITIZENS_ONLY' })
    expect((await sharesOf(KIM)).filter((s) => s.kind === 'document')).toEqual([])
  })
})

describe('an officer checks a foreign resident’s app (Dispatch 1101)', () => {
  const PORTRAIT = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')

  test('app check for a foreigner: name, foreigner ID number, birth date, nationality, level and the portrait on record', async () => {
    await givenPortrait(t, KIM, PORTRAIT, 'image/jpeg')
    const { qr } = await made(kim, { kind: 'app-check' })
    const res = await cuong.call('POST', '/api/v1/shares/app-check/redeem', { qr }, cuong.csrf())
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      genuine: true,
      holder: {
        subjectKind: 'foreigner',
        fullName: 'Kim Min Jun',
        foreignerId: KIM,
        dateOfBirth: '1985-07-07',
        nationality: 'KR',
        accountLevel: 2,
      },
      portrait: `data:image/jpeg;base64,${PORTRAIT.toString('base64')}`,
      documents: [],
      checkedAt: t.clock.now().toISOString(),
    })
    // The foreigner ID number is logged as vn_id, as a login that releases it logs it.
    expect((await releasesOf(t, KIM)).at(-1)).toMatchObject({
      channel: 'qr.app_check',
      claims: ['account_level', 'birthdate', 'name', 'nationality', 'portrait', 'vn_id'],
    })
  })
})
