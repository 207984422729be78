import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { AppError } from '../../platform/errors.js'
import { issueOtp, type OtpRequest, verifyOtp } from './authn.otp.js'
import { type AuthnTest, codeOf, givenAuthn, messageOf } from './authn.test-support.js'

let t: AuthnTest
beforeAll(async () => {
  t = await givenAuthn()
})
afterAll(() => t.close())
beforeEach(async () => {
  await t.handle.db.deleteFrom('authn_otp').execute()
  await t.handle.db.deleteFrom('authn_rate_limit').execute()
  await t.handle.db.deleteFrom('platform_outbox').execute()
  t.clock.set('2026-11-23T03:00:00Z')
})

const PERSON = '079095001234'
const PHONE = '+84912345678'
const request = (over: Partial<OtpRequest> = {}): OtpRequest => ({
  purpose: 'login_new_device',
  subject: `${PERSON}:${PHONE}`,
  recipient: PHONE,
  channel: 'sms',
  ...over,
})
const verify = (code: string, over: Partial<OtpRequest> = {}) => {
  const r = request(over)
  return verifyOtp(t.deps, { purpose: r.purpose, subject: r.subject, code })
}
const rejection = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`)
  return { code: err.code, status: err.status, details: err.details }
}

describe('one-time codes', () => {
  test('the code is stored hashed, never in clear; only the message carries it', async () => {
    const { id } = await issueOtp(t.deps, request())
    const code = await codeOf(t, id)
    expect(code).toMatch(/^\d{6}$/)
    const row = await t.handle.db
      .selectFrom('authn_otp')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const stored = JSON.stringify(row)
    expect(stored).not.toContain(code)
    expect(stored).not.toContain(PERSON)
    expect(stored).not.toContain(PHONE)
    const msg = await messageOf(t, id)
    expect(msg.body).toContain(code)
    expect(JSON.stringify(msg.data)).not.toContain(code)
    expect(msg.template).toBe('otp.login_new_device')
    const limiter = JSON.stringify(await t.handle.db.selectFrom('authn_rate_limit').selectAll().execute())
    expect(limiter).not.toContain(PERSON)
    expect(limiter).not.toContain(PHONE.slice(1))
  })

  test('the SMS is Vietnamese without diacritics and says what the code is for; e-mail keeps them', async () => {
    const sms = await issueOtp(t.deps, request())
    const code = await codeOf(t, sms.id)
    expect((await messageOf(t, sms.id)).body).toBe(
      `Ma xac thuc dinhdanh de dang nhap tren thiet bi moi la ${code}, hieu luc 5 phut. Khong chia se ma nay voi bat ky ai.`,
    )
    expect((await messageOf(t, sms.id)).body).toMatch(/^[\x20-\x7e]+$/)
    const mail = await issueOtp(
      t.deps,
      request({ channel: 'email', recipient: 'An@Example.vn', purpose: 'email_change' }),
    )
    const m = await messageOf(t, mail.id)
    expect(m).toMatchObject({ recipient: 'an@example.vn', subject: 'Mã xác thực dinhdanh' })
    expect(m.body).toContain('Mã xác thực dinhdanh để xác nhận địa chỉ email là')
  })

  test('the right code verifies once', async () => {
    const { id } = await issueOtp(t.deps, request())
    expect(await verify(await codeOf(t, id))).toEqual({ ok: true })
  })

  test('a code expires after 5 minutes', async () => {
    const { id, expiresAt } = await issueOtp(t.deps, request())
    expect(expiresAt.toISOString()).toBe('2026-11-23T03:05:00.000Z')
    const code = await codeOf(t, id)
    t.clock.advance(5 * 60_000)
    expect(await verify(code)).toEqual({ ok: false, reason: 'expired' })
  })

  test('a code is still good one second before it expires', async () => {
    const { id } = await issueOtp(t.deps, request())
    t.clock.advance(5 * 60_000 - 1000)
    expect(await verify(await codeOf(t, id))).toEqual({ ok: true })
  })

  test('five wrong guesses kill the code', async () => {
    const { id } = await issueOtp(t.deps, request())
    const code = await codeOf(t, id)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const verdicts = []
    for (let i = 0; i < 5; i++) verdicts.push(await verify(wrong))
    expect(verdicts.map((v) => (v.ok ? 'ok' : v.reason))).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'too_many_attempts',
    ])
    expect(await verify(code)).toEqual({ ok: false, reason: 'too_many_attempts' })
  })

  test('a new code invalidates the previous one', async () => {
    const first = await issueOtp(t.deps, request())
    const old = await codeOf(t, first.id)
    t.clock.advance(60_000)
    const second = await issueOtp(t.deps, request())
    const fresh = await codeOf(t, second.id)
    if (old !== fresh) expect(await verify(old)).toEqual({ ok: false, reason: 'invalid' })
    expect(await verify(fresh)).toEqual({ ok: true })
  })

  test('a code is bound to its purpose and subject', async () => {
    const { id } = await issueOtp(t.deps, request())
    const code = await codeOf(t, id)
    expect(await verify(code, { purpose: 'password_reset' })).toEqual({ ok: false, reason: 'invalid' })
    expect(await verify(code, { subject: `${PERSON}:+84987654321` })).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(await verify(code)).toEqual({ ok: true })
  })

  test('issuing is limited per subject: one a minute, five an hour', async () => {
    await issueOtp(t.deps, request())
    expect(await rejection(issueOtp(t.deps, request()))).toEqual({
      code: 'authn.RATE_LIMITED',
      status: 429,
      details: { retryAfterSeconds: 60 },
    })
    t.clock.advance(45_000)
    expect((await rejection(issueOtp(t.deps, request()))).details).toEqual({ retryAfterSeconds: 15 })
    for (let i = 0; i < 4; i++) {
      t.clock.advance(60_000)
      await issueOtp(t.deps, request())
    }
    t.clock.advance(60_000)
    const sixth = await rejection(issueOtp(t.deps, request()))
    expect(sixth.code).toBe('authn.RATE_LIMITED')
    expect(Number(sixth.details?.retryAfterSeconds)).toBeGreaterThan(60)
    // Another purpose for the same person has its own allowance.
    await issueOtp(t.deps, request({ purpose: 'step_up' }))
    expect(await t.handle.db.selectFrom('platform_outbox').select('id').execute()).toHaveLength(6)
  })

  test('after a code is used, the next one can be issued at once (two step-ups in a minute)', async () => {
    const first = await issueOtp(t.deps, request({ purpose: 'step_up' }))
    expect(await verify(await codeOf(t, first.id), { purpose: 'step_up' })).toEqual({ ok: true })
    t.clock.advance(5_000)
    const second = await issueOtp(t.deps, request({ purpose: 'step_up' }))
    expect(await verify(await codeOf(t, second.id), { purpose: 'step_up' })).toEqual({ ok: true })
  })

  test('one phone cannot be flooded with codes through many subjects', async () => {
    for (let i = 0; i < 10; i++) await issueOtp(t.deps, request({ subject: `07909500${1000 + i}:${PHONE}` }))
    expect((await rejection(issueOtp(t.deps, request({ subject: `079095009999:${PHONE}` })))).code).toBe(
      'authn.RATE_LIMITED',
    )
  })

  test("a code issued in the caller's transaction that rolls back is neither stored nor sent", async () => {
    await t.handle.db
      .transaction()
      .execute(async (trx) => {
        await issueOtp({ ...t.deps, db: trx }, request())
        throw new Error('the caller fails later')
      })
      .catch(() => undefined)
    expect(await t.handle.db.selectFrom('authn_otp').select('id').execute()).toEqual([])
    expect(await t.handle.db.selectFrom('platform_outbox').select('id').execute()).toEqual([])
    await issueOtp(t.deps, request()) // and the failed attempt did not count against the limit
  })

  test('an invalid recipient stores no code', async () => {
    expect((await rejection(issueOtp(t.deps, request({ recipient: '0912345678' })))).code).toBe(
      'notify.INVALID_RECIPIENT',
    )
    expect(await t.handle.db.selectFrom('authn_otp').select('id').execute()).toEqual([])
  })
})
