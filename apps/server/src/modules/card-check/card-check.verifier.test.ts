import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { suspendClient } from '../oidc/index.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { givenVerifier, qrOf } from './card-check.test-support.js'

const AN = '079095001234'
const DUC = '038045000321' // deceased, card revoked

let t: TestContext
let verifier: Awaited<ReturnType<typeof givenVerifier>>
const check = (qr: string, headers: Record<string, string> = verifier.headers) =>
  t.app.inject({ method: 'POST', url: '/api/v1/verifier/card-qr', headers, payload: { qr } })
const releasesOf = (subjectId: string) =>
  t.db
    .selectFrom('data_access_log')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('id', 'desc')
    .execute()

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  verifier = await givenVerifier(t, { scope: 'share_redeem' })
})
afterAll(() => t.close())

describe('a registered verifier checks a card QR with a share_redeem machine token', () => {
  test("the check is written to the citizen's data-access log before the answer leaves", async () => {
    const res = await check(await qrOf(t, AN))
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      verdict: 'valid',
      registry: { card: { status: 'valid', current: true } },
    })
    const [entry] = await releasesOf(AN)
    expect(entry).toMatchObject({
      recipient_kind: 'verifier',
      recipient_id: verifier.creds.client_id,
      recipient_name: 'Ngân hàng Thử nghiệm (quầy)',
      channel: 'card_qr.check',
      claims: ['birthdate', 'card_status', 'gender', 'name', 'old_id_number', 'vital_status', 'vn_id'],
      purpose: 'Mở tài khoản tại quầy giao dịch',
      request_id: res.headers['x-request-id'] ?? expect.any(String),
    })
  })

  test("the answer never holds the registry's data: no record, no address, no real name", async () => {
    const res = await check(await qrOf(t, AN, { fullName: 'Trần Văn Giả', address: 'Không rõ, Hà Nội' }))
    const body = res.json()
    expect(body).not.toHaveProperty('person')
    expect(res.body).not.toContain('Nguyễn Văn An')
    expect(res.body).not.toContain('Lê Lợi')
    expect(Object.keys(body.registry).sort()).toEqual(['card', 'deceased', 'found', 'idCancelled', 'matches'])
    // Someone who knows only the number learns whether it exists and which fields differ, no more.
    expect(body).toMatchObject({
      verdict: 'mismatch',
      registry: { found: true, matches: { fullName: false }, deceased: null, card: null },
    })
    const [entry] = await releasesOf(AN)
    expect(entry?.claims).toEqual(['birthdate', 'gender', 'name', 'old_id_number', 'vn_id'])
  })

  test("a deceased holder's card is refused; the log names the vital status released", async () => {
    const res = await check(await qrOf(t, DUC))
    expect(res.json()).toMatchObject({ verdict: 'deceased', registry: { deceased: true } })
    const [entry] = await releasesOf(DUC)
    expect(entry?.claims).toContain('vital_status')
  })

  test('a number nobody holds is not_found and logs nothing (there is no one to log for)', async () => {
    const before = await t.db.selectFrom('data_access_log').select('id').execute()
    const qr = '079095009999||Nguyễn Văn Nam|01011995|Nam|1 Lê Lợi, Quận 1, TP. Hồ Chí Minh|01062021'
    expect((await check(qr)).json()).toMatchObject({ verdict: 'not_found' })
    expect(await t.db.selectFrom('data_access_log').select('id').execute()).toHaveLength(before.length)
  })

  test('a malformed QR is refused with the vn-id code and logs nothing', async () => {
    const res = await check('079095001234|025123456|Nguyễn Văn An|31021995|Nam|12 Lê Lợi|20052021')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({
      code: 'card_check.QR_INVALID',
      details: { reason: 'vn-id.QR_DATE_OF_BIRTH', field: 4 },
    })
  })
})

describe('only a live share_redeem machine token of an active verifier is accepted', () => {
  test('without a token: 401 oidc.MACHINE_TOKEN_REQUIRED with a Bearer challenge', async () => {
    const res = await check(await qrOf(t, AN), {})
    expect(res.statusCode).toBe(401)
    expect(res.headers['www-authenticate']).toBe('Bearer')
    expect(res.json()).toMatchObject({ code: 'oidc.MACHINE_TOKEN_REQUIRED' })
  })

  test('a token without the share_redeem scope is refused with insufficient_scope', async () => {
    const scopeless = await givenVerifier(t, { name: 'Máy quét không phạm vi' })
    const before = (await releasesOf(AN)).length
    const res = await check(await qrOf(t, AN), scopeless.headers)
    expect(res.statusCode).toBe(403)
    expect(res.headers['www-authenticate']).toBe('Bearer error="insufficient_scope", scope="share_redeem"')
    expect(res.json()).toMatchObject({ code: 'oidc.MACHINE_SCOPE_REQUIRED' })
    expect(await releasesOf(AN)).toHaveLength(before)
  })

  test('an unknown token, or one that has expired, is invalid_token', async () => {
    const unknown = await check(await qrOf(t, AN), { authorization: 'Bearer x'.padEnd(50, 'A') })
    expect(unknown.statusCode).toBe(401)
    expect(unknown.headers['www-authenticate']).toBe('Bearer error="invalid_token"')
    t.clock.advance(11 * 60_000)
    try {
      const expired = await check(await qrOf(t, AN))
      expect(expired.json()).toMatchObject({ code: 'oidc.MACHINE_TOKEN_INVALID' })
    } finally {
      t.clock.advance(-11 * 60_000)
    }
  })

  test("a citizen's access token, even one naming share_redeem, is not a machine token", async () => {
    const id = 'citizenAccessToken0123456789abcdefghijklmnop'
    await t.db
      .insertInto('oidc_payload')
      .values({
        model: 'AccessToken',
        id,
        payload: JSON.stringify({ accountId: AN, clientId: verifier.creds.client_id, scope: 'share_redeem' }),
        expires_at: new Date(t.clock.now().getTime() + 600_000),
      })
      .execute()
    const res = await check(await qrOf(t, AN), { authorization: `Bearer ${id}` })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'oidc.MACHINE_TOKEN_INVALID' })
  })

  test("a suspended verifier's token stops working at once", async () => {
    const other = await givenVerifier(t, { scope: 'share_redeem', name: 'Cửa hàng bị đình chỉ' })
    expect((await check(await qrOf(t, AN), other.headers)).statusCode).toBe(200)
    await suspendClient(t.deps, { id: 'test', kind: 'system' }, other.creds.client_id, 'agreement ended')
    const res = await check(await qrOf(t, AN), other.headers)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: 'oidc.MACHINE_TOKEN_INVALID' })
  })
})
