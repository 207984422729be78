import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { type OfficerSession, officerSession } from '../officers/officers.test-support.js'
import { issueCard, seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { qrOf } from './card-check.test-support.js'

// Demo people (registry.demo.ts).
const AN = '079095001234' // chip CCCD 2021-05-20, old CMND 025123456
const BINH = '001190012345' // căn cước card 2024-09-10
const CUONG = '001088004321' // chip CCCD 2021-06-01, given a newer card below
const DUNG = '036155000777' // born 1955, only the year on record
const DUC = '038045000321' // deceased, card revoked

let t: TestContext
let officer: OfficerSession
const check = (qr: string, headers: Record<string, string> = officer.headers) =>
  t.app.inject({ method: 'POST', url: '/api/v1/officer/card-qr', headers, payload: { qr } })

beforeAll(async () => {
  t = await startTestApp()
  officer = await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-079-SAI-GON' })
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  // Cường lost nothing but renewed his card in 2025: the 2021 card is replaced.
  await issueCard(t.db, {
    personalId: CUONG,
    kind: 'CAN_CUOC_2024',
    issuedOn: '2025-03-01',
    expiresOn: '2028-11-20',
    authority: 'Cục Cảnh sát QLHC về TTXH',
  })
})
afterAll(() => t.close())

describe('a printed card QR checked against the registry', () => {
  test('the matching QR of the current, unexpired card is valid', async () => {
    const res = await check(await qrOf(t, AN))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      verdict: 'valid',
      checkedOn: AS_OF,
      parsed: { personalId: AN, oldCmnd: '025123456', fullName: 'Nguyễn Văn An', issueDate: '2021-05-20' },
      registry: {
        found: true,
        idCancelled: false,
        deceased: false,
        matches: { fullName: true, dateOfBirth: true, gender: true, oldCmnd: true, issueDate: true },
        card: { kind: 'CCCD_CHIP', status: 'valid', current: true, expiresOn: '2035-03-15', expired: false },
      },
      person: { personalId: AN, permanentAddress: '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh' },
    })
  })

  test('the 2024 căn cước QR with more than 7 fields is read and checked the same way', async () => {
    const res = await check(await qrOf(t, BINH, { extra: ['Lê Minh Cường', '', ''] }))
    expect(res.json()).toMatchObject({
      verdict: 'valid',
      parsed: { extra: ['Lê Minh Cường', '', ''], oldCmnd: null },
      registry: { matches: { oldCmnd: null }, card: { kind: 'CAN_CUOC_2024', current: true } },
    })
  })

  test('case and spacing of the printed name do not matter; its diacritics do', async () => {
    expect((await check(await qrOf(t, AN, { fullName: 'NGUYỄN  VĂN AN' }))).json()).toMatchObject({
      verdict: 'valid',
    })
    const res = await check(await qrOf(t, AN, { fullName: 'Nguyễn Văn Ân' }))
    expect(res.json()).toMatchObject({
      verdict: 'mismatch',
      registry: { matches: { fullName: false, dateOfBirth: true, gender: true } },
    })
  })

  test('another name, birth date or old CMND number in the QR is a mismatch on that field', async () => {
    const born = await check(await qrOf(t, AN, { dateOfBirth: '1995-03-16' }))
    expect(born.json()).toMatchObject({ verdict: 'mismatch', registry: { matches: { dateOfBirth: false } } })
    const cmnd = await check(await qrOf(t, AN, { oldCmnd: '025999999' }))
    expect(cmnd.json()).toMatchObject({
      verdict: 'mismatch',
      registry: { matches: { fullName: true, oldCmnd: false } },
    })
  })

  test('a QR whose issue date matches none of the person’s cards is a mismatch on issueDate', async () => {
    const res = await check(await qrOf(t, AN, { issueDate: '2022-01-05' }))
    expect(res.json()).toMatchObject({
      verdict: 'mismatch',
      registry: { matches: { issueDate: false }, card: null },
    })
  })

  test('a birth date recorded only by its year matches any date in that year', async () => {
    const res = await check(await qrOf(t, DUNG, { dateOfBirth: '1955-06-15' }))
    expect(res.json()).toMatchObject({
      verdict: 'valid',
      registry: { matches: { dateOfBirth: true }, card: { expiresOn: null, expired: false } },
    })
  })

  test('the QR of a card replaced by a newer one is genuine but not current', async () => {
    const res = await check(await qrOf(t, CUONG, { issueDate: '2021-06-01' }))
    expect(res.json()).toMatchObject({
      verdict: 'card_not_current',
      registry: {
        matches: { fullName: true, issueDate: true },
        card: { status: 'replaced', current: false, kind: 'CCCD_CHIP' },
      },
    })
    const current = await check(await qrOf(t, CUONG, { issueDate: '2025-03-01' }))
    expect(current.json()).toMatchObject({ verdict: 'valid', registry: { card: { current: true } } })
  })

  test('a card past its expiry date is expired, even while its recorded status still says valid', async () => {
    await t.db
      .updateTable('registry_card')
      .set({ expires_on: '2026-11-23' })
      .where('personal_id', '=', BINH)
      .execute()
    const res = await check(await qrOf(t, BINH))
    expect(res.json()).toMatchObject({
      verdict: 'expired',
      registry: { card: { status: 'valid', current: true, expired: true, expiresOn: '2026-11-23' } },
    })
    await t.db
      .updateTable('registry_card')
      .set({ expires_on: '2039-08-02' })
      .where('personal_id', '=', BINH)
      .execute()
  })

  test("a deceased person's card is refused as deceased, before its revoked status", async () => {
    const res = await check(await qrOf(t, DUC))
    expect(res.json()).toMatchObject({
      verdict: 'deceased',
      registry: { deceased: true, card: { status: 'revoked' } },
      person: { status: 'deceased', diedOn: '2025-06-30' },
    })
  })

  test('a lost card is card_lost and a revoked one card_revoked', async () => {
    await t.db.updateTable('registry_card').set({ status: 'lost' }).where('personal_id', '=', AN).execute()
    expect((await check(await qrOf(t, AN))).json()).toMatchObject({ verdict: 'card_lost' })
    await t.db.updateTable('registry_card').set({ status: 'revoked' }).where('personal_id', '=', AN).execute()
    expect((await check(await qrOf(t, AN))).json()).toMatchObject({ verdict: 'card_revoked' })
    await t.db.updateTable('registry_card').set({ status: 'valid' }).where('personal_id', '=', AN).execute()
  })

  test('a well-formed number nobody holds is not_found, and nothing is audited', async () => {
    const qr = '079095009999||Nguyễn Văn Nam|01011995|Nam|1 Lê Lợi, Quận 1, TP. Hồ Chí Minh|01062021'
    const res = await check(qr)
    expect(res.json()).toMatchObject({
      verdict: 'not_found',
      registry: { found: false, idCancelled: false, matches: null, card: null },
      person: null,
    })
    const audited = await t.db
      .selectFrom('platform_audit_event')
      .select('subject')
      .where('action', '=', 'card_check.qr.checked')
      .where('subject', '=', '079095009999')
      .execute()
    expect(audited).toEqual([])
  })

  test('a cancelled number is id_cancelled; the officer sees its holder’s current record', async () => {
    const cancelled = '079095007777'
    await t.db
      .insertInto('registry_old_id')
      .values({ number: cancelled, personal_id: AN, kind: 'cancelled' })
      .execute()
    const res = await check(await qrOf(t, AN, { personalId: cancelled }))
    expect(res.json()).toMatchObject({
      verdict: 'id_cancelled',
      registry: { found: false, idCancelled: true },
      person: { personalId: AN },
    })
  })

  test.each([
    [
      '079095001234|025123456|Nguyễn Văn An|31021995|Nam|12 Lê Lợi, Quận 1|20052021',
      'vn-id.QR_DATE_OF_BIRTH',
      4,
    ],
    ['079095001234|25123456|Nguyễn Văn An|15031995|Nam|12 Lê Lợi, Quận 1|20052021', 'vn-id.QR_OLD_CMND', 2],
    ['079095001234|025123456|Nguyễn Văn An|15031995|Male|12 Lê Lợi, Quận 1|20052021', 'vn-id.QR_GENDER', 5],
    [
      '079095001234|025123456|Nguyễn Văn An|15031995|Nữ|12 Lê Lợi, Quận 1|20052021',
      'vn-id.QR_ID_MISMATCH',
      1,
    ],
    ['079095001234|025123456|Nguyễn Văn An|15031995|Nam', 'vn-id.QR_FIELD_COUNT', undefined],
    [
      '079095001234|025123456|Nguyễn Văn An|15031995|Nam|12 Lê Lợi, Quận 1|01012027',
      'vn-id.QR_ISSUE_DATE',
      7,
    ],
  ])(
    'a malformed QR is card_check.QR_INVALID naming the vn-id code and field: %s',
    async (qr, reason, field) => {
      const res = await check(qr)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({
        code: 'card_check.QR_INVALID',
        details: { reason, ...(field === undefined ? {} : { field }) },
      })
    },
  )
})

describe('officer checks are audited like registry reads', () => {
  test('the check is audited under the person found, with the officer, unit, purpose and verdict', async () => {
    const res = await check(await qrOf(t, BINH), { ...officer.headers, 'x-purpose': 'counter-card-check' })
    expect(res.statusCode).toBe(200)
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .selectAll()
      .where('action', '=', 'card_check.qr.checked')
      .where('subject', '=', BINH)
      .orderBy('seq', 'desc')
      .execute()
    expect(audit[0]).toMatchObject({
      actor: officer.officer.officerNumber,
      actor_kind: 'officer',
      purpose: 'counter-card-check',
      data: { unit: 'CAX-079-SAI-GON', verdict: 'valid' },
    })
  })

  test('without a session, without the CSRF header, or without registry.read, nothing is checked', async () => {
    const qr = await qrOf(t, AN)
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/officer/card-qr', payload: { qr } })
    expect(none.json()).toMatchObject({ code: 'officers.SESSION_REQUIRED' })
    const { cookie } = officer.headers
    const noCsrf = await check(qr, { cookie: cookie ?? '' })
    expect(noCsrf.json()).toMatchObject({ code: 'officers.CSRF_INVALID' })
    const admin = await officerSession(t, { roles: ['administrator'] })
    const denied = await check(qr, admin.headers)
    expect(denied.statusCode).toBe(403)
    expect(denied.json()).toMatchObject({ code: 'officers.PERMISSION_DENIED' })
  })
})
