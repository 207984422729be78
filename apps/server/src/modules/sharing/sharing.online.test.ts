import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../accounts/accounts.test-support.js'
import type { TestBrowser } from '../accounts/session.test-support.js'
import { CUONG, citizen, PASSWORD } from '../documents/documents.test-support.js'
import { seedDemoSources } from '../documents/index.js'
import { suspendClient } from '../oidc/index.js'
import { AN, BINH, useOidcTest } from '../oidc/oidc.test-support.js'
import { NOW } from '../registry/registry.test-support.js'
import {
  givenVerifier,
  integrated,
  made,
  redeemAs,
  releasesOf,
  share,
  statusOf,
} from './sharing.test-support.js'

const t = useOidcTest()
let an: TestBrowser
let binh: TestBrowser
let cuong: TestBrowser
let verifier: Awaited<ReturnType<typeof givenVerifier>>

beforeAll(async () => {
  await seedDemoSources(t.deps)
  await givenAccount(t.db, { subjectId: CUONG, level: 2, password: PASSWORD, phone: '+84912345679', at: NOW })
  an = await citizen(t, AN)
  binh = await citizen(t, BINH)
  cuong = await citizen(t, CUONG)
  verifier = await givenVerifier(t)
}, 120_000)

describe('a registered verifier redeems a one-time QR once, with the citizen’s release logged', () => {
  test('basic: name and date of birth only, logged as qr.online with the verifier’s name and purpose', async () => {
    const { id, qr, expiresAt } = await made(an, { kind: 'basic' })
    expect(qr).toMatch(/^VNS1:[A-Z2-7]{26}$/)
    expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBe(60_000)
    const before = (await releasesOf(t, AN)).length
    const res = await redeemAs(t, verifier.token, qr)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      scope: { kind: 'basic' },
      subjectKind: 'citizen',
      subject: { full_name: 'Nguyễn Văn An', birth_date: '1995-03-15' },
      sharedAt: t.clock.now().toISOString(),
      verifier: { id: verifier.creds.client_id, name: 'Ngân hàng Thử nghiệm — quầy giao dịch' },
    })
    const log = await releasesOf(t, AN)
    expect(log).toHaveLength(before + 1)
    expect(log.at(-1)).toEqual({
      recipient_kind: 'verifier',
      recipient_id: verifier.creds.client_id,
      recipient_name: 'Ngân hàng Thử nghiệm — quầy giao dịch',
      channel: 'qr.online',
      claims: ['birthdate', 'name'],
      purpose: 'Xác minh khách hàng mở tài khoản tại quầy',
    })
    expect(await statusOf(an, id)).toMatchObject({
      status: 'redeemed',
      redeemedBy: { kind: 'verifier', name: 'Ngân hàng Thử nghiệm — quầy giao dịch' },
      redeemedAt: t.clock.now().toISOString(),
    })
  })

  test('card: the chip card as the registry holds it', async () => {
    const { qr } = await made(an, { kind: 'card' })
    const res = await redeemAs(t, verifier.token, qr)
    expect(res.statusCode, res.body).toBe(200)
    const subject = res.json().subject
    expect(subject).toMatchObject({
      personal_id_number: AN,
      full_name: 'Nguyễn Văn An',
      birth_date: '1995-03-15',
      sex: 'male',
      nationality: expect.any(String),
      place_of_origin: expect.any(String),
      place_of_residence: expect.any(String),
      card_number: expect.any(String),
      card_issue_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
    expect((await releasesOf(t, AN)).at(-1)?.claims).toContain('card_number')
  })

  test('document: one of the holder’s own valid documents', async () => {
    const documentId = await integrated(an, 'driving_licence', '7902 1901 2345')
    const { qr } = await made(an, { kind: 'document', documentId })
    const res = await redeemAs(t, verifier.token, qr)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      scope: { kind: 'document', documentId },
      subject: {
        full_name: 'Nguyễn Văn An',
        document: {
          kind: 'driving_licence',
          number: '790219012345',
          status: 'active',
          data: { licenceClass: 'B' },
        },
      },
    })
    expect((await releasesOf(t, AN)).at(-1)?.claims).toEqual([
      'birthdate',
      'document:driving_licence',
      'name',
    ])
  })

  test('only a valid document is shared: suspended at the source, it is refused when made and when scanned', async () => {
    const documentId = await integrated(an, 'tax_code', AN)
    const { id, qr } = await made(an, { kind: 'document', documentId })
    const setStatus = (status: 'active' | 'suspended') =>
      t.db.updateTable('documents_integrated').set({ status }).where('id', '=', documentId).execute()
    await setStatus('suspended')
    const scan = await redeemAs(t, verifier.token, qr)
    expect([scan.statusCode, scan.json().code]).toEqual([409, 'sharing.DOCUMENT_NOT_VALID'])
    expect((await statusOf(an, id)).status).toBe('pending')
    const again = await share(an, { kind: 'document', documentId })
    expect([again.statusCode, again.json().code]).toEqual([409, 'sharing.DOCUMENT_NOT_VALID'])
    await setStatus('active')
    expect((await redeemAs(t, verifier.token, qr)).statusCode).toBe(200)
  })

  test('a citizen cannot share another person’s document: not found, as if it did not exist', async () => {
    const documentId = await integrated(an, 'vehicle_registration', '59-X1 234.56')
    const res = await share(cuong, { kind: 'document', documentId })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('sharing.DOCUMENT_NOT_FOUND')
  })
})

describe('replay, expiry, cancellation and tampering are detected', () => {
  test('a replayed QR is refused: each code is valid once', async () => {
    const { qr } = await made(an, { kind: 'basic' })
    expect((await redeemAs(t, verifier.token, qr)).statusCode).toBe(200)
    const before = (await releasesOf(t, AN)).length
    const again = await redeemAs(t, verifier.token, qr)
    expect(again.statusCode).toBe(409)
    expect(again.json()).toEqual({ code: 'sharing.TOKEN_USED', message: expect.any(String) })
    expect(await releasesOf(t, AN)).toHaveLength(before)
  })

  test('two verifiers scanning the same QR at once: exactly one gets the data', async () => {
    const other = await givenVerifier(t, { name: 'Bệnh viện Thử nghiệm' })
    const { qr } = await made(an, { kind: 'basic' })
    const results = await Promise.all([redeemAs(t, verifier.token, qr), redeemAs(t, other.token, qr)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })

  test('a QR scanned 61 seconds after it was made has expired, and releases nothing', async () => {
    const { id, qr } = await made(an, { kind: 'basic' })
    t.clock.advance(61_000)
    const res = await redeemAs(t, verifier.token, qr)
    expect(res.statusCode).toBe(410)
    expect(res.json().code).toBe('sharing.TOKEN_EXPIRED')
    expect((await statusOf(an, id)).status).toBe('expired')
  })

  test('a cancelled QR is refused; a cancelled or scanned share cannot be cancelled again', async () => {
    const { id, qr } = await made(an, { kind: 'basic' })
    const cancel = await an.call('DELETE', `/api/v1/shares/${id}`, undefined, an.csrf())
    expect(cancel.statusCode, cancel.body).toBe(200)
    expect(cancel.json().status).toBe('cancelled')
    const res = await redeemAs(t, verifier.token, qr)
    expect(res.statusCode).toBe(410)
    expect(res.json().code).toBe('sharing.SHARE_CANCELLED')
    const twice = await an.call('DELETE', `/api/v1/shares/${id}`, undefined, an.csrf())
    expect(twice.json().code).toBe('sharing.NOT_PENDING')
  })

  test('another citizen can neither see nor cancel my share', async () => {
    const { id } = await made(an, { kind: 'basic' })
    expect((await cuong.call('GET', `/api/v1/shares/${id}`)).json().code).toBe('sharing.NOT_FOUND')
    const res = await cuong.call('DELETE', `/api/v1/shares/${id}`, undefined, cuong.csrf())
    expect(res.statusCode).toBe(404)
    expect((await statusOf(an, id)).status).toBe('pending')
  })

  test.each([
    ['an empty text', ' '],
    ['a URL', 'https://example.com/?VNS1:AAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['an offline QR', 'VNO1:6BFOXN*TS0BI$ZD-ZK'],
    ['a lower-case token', 'VNS1:abcdefghijklmnopqrstuvwxya'],
    ['a short token', 'VNS1:ABCDEFGHIJKLMNOPQRSTUVWXY'],
    ['non-zero padding bits', 'VNS1:ABCDEFGHIJKLMNOPQRSTUVWXYB'],
  ])('malformed QR text (%s) is QR_INVALID', async (_what, qr) => {
    const res = await redeemAs(t, verifier.token, qr)
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toMatch(/^(sharing\.QR_INVALID|platform\.VALIDATION)$/)
  })

  test('a tampered token is unknown, consumes nothing, and the genuine one still works', async () => {
    const { qr } = await made(an, { kind: 'basic' })
    const i = 10
    const flipped = qr.slice(0, i) + (qr[i] === 'A' ? 'B' : 'A') + qr.slice(i + 1)
    const res = await redeemAs(t, verifier.token, flipped)
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('sharing.TOKEN_UNKNOWN')
    expect((await redeemAs(t, verifier.token, qr)).statusCode).toBe(200)
  })
})

describe('only a level-2 citizen shares, only a registered verifier with share_redeem redeems', () => {
  test('a level-1 citizen cannot make a share', async () => {
    const res = await share(binh, { kind: 'basic' })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('sharing.LEVEL2_REQUIRED')
  })

  test('without a session, no share', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/shares',
      payload: { scope: { kind: 'basic' } },
    })
    expect(res.statusCode).toBe(401)
  })

  test('a holder has at most three codes waiting', async () => {
    t.clock.advance(61_000)
    for (let i = 0; i < 3; i++) await made(cuong, { kind: 'basic' })
    const res = await share(cuong, { kind: 'basic' })
    expect(res.statusCode).toBe(429)
    expect(res.json().code).toBe('sharing.TOO_MANY_PENDING')
    t.clock.advance(61_000)
    await made(cuong, { kind: 'basic' })
  })

  test('no token, a made-up token, a token without share_redeem: refused, and the share stays pending', async () => {
    const { id, qr } = await made(an, { kind: 'basic' })
    const none = await redeemAs(t, undefined, qr)
    expect([none.statusCode, none.json().code]).toEqual([401, 'oidc.MACHINE_TOKEN_REQUIRED'])
    const madeUp = await redeemAs(t, 'x'.repeat(43), qr)
    expect([madeUp.statusCode, madeUp.json().code]).toEqual([401, 'oidc.MACHINE_TOKEN_INVALID'])
    expect(madeUp.headers['www-authenticate']).toBe('Bearer error="invalid_token"')
    const unscoped = await givenVerifier(t, {}, '')
    const res = await redeemAs(t, unscoped.token, qr)
    expect([res.statusCode, res.json().code]).toEqual([403, 'oidc.MACHINE_SCOPE_REQUIRED'])
    expect((await statusOf(an, id)).status).toBe('pending')
  })

  test('a suspended verifier is refused at once, with the token it already holds', async () => {
    const suspended = await givenVerifier(t, { name: 'Đơn vị bị đình chỉ' })
    const { id, qr } = await made(an, { kind: 'basic' })
    await suspendClient(
      t.deps,
      { id: 'test', kind: 'system' },
      suspended.creds.client_id,
      'agreement expired',
    )
    const res = await redeemAs(t, suspended.token, qr)
    expect([res.statusCode, res.json().code]).toEqual([401, 'oidc.MACHINE_TOKEN_INVALID'])
    expect((await statusOf(an, id)).status).toBe('pending')
  })

  test('a verifier cannot redeem an app-check QR: that one is for an officer’s app', async () => {
    const { id, qr } = await made(an, { kind: 'app-check' })
    const res = await redeemAs(t, verifier.token, qr)
    expect([res.statusCode, res.json().code]).toEqual([409, 'sharing.WRONG_CHANNEL'])
    expect((await statusOf(an, id)).status).toBe('pending')
  })
})

describe('the release is logged before the data leaves', () => {
  test('when the data-access log cannot be written nothing is released and the share stays pending', async () => {
    // Earlier tests' codes still waiting expire first (a holder has at most three).
    t.clock.advance(61_000)
    const { id, qr } = await made(an, { kind: 'card' })
    const before = (await releasesOf(t, AN)).length
    // A real failure of the log's table, not a mock: every insert is refused while the trigger exists.
    await sql`create function sharing_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'data-access log unavailable'; end $$`.execute(t.db)
    await sql`create trigger sharing_test_refuse before insert on data_access_log
      for each row execute function sharing_test_refuse()`.execute(t.db)
    try {
      const res = await redeemAs(t, verifier.token, qr)
      expect(res.statusCode).toBe(500)
      expect(res.body).not.toContain('Nguyễn Văn An')
      expect(res.body).not.toContain(AN)
      expect((await statusOf(an, id)).status).toBe('pending')
    } finally {
      await sql`drop trigger sharing_test_refuse on data_access_log`.execute(t.db)
      await sql`drop function sharing_test_refuse()`.execute(t.db)
    }
    expect(await releasesOf(t, AN)).toHaveLength(before)
    const retry = await redeemAs(t, verifier.token, qr)
    expect(retry.statusCode, retry.body).toBe(200)
    expect(await releasesOf(t, AN)).toHaveLength(before + 1)
  })
})
