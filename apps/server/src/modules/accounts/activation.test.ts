import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { parsePhc } from '../authn/index.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { givenAccount } from './accounts.test-support.js'

let t: TestContext
const AN = '079095001234'
const PHONE = '+84912345678'
const GOOD = {
  password: 'Hanoi@2026x',
  passcode: '482915',
  securityQuestions: [
    { questionId: 'first_primary_school', answer: 'Tiểu học Kim Đồng' },
    { questionId: 'best_childhood_friend', answer: 'Minh' },
  ],
}

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  // An account approved by the registration check, waiting to be activated.
  await givenAccount(t.db, { subjectId: AN, status: 'approved', phone: PHONE, at: NOW })
}, 60_000)
afterAll(() => t.close())

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload })
const lastCode = async () => {
  const sms = await t.db
    .selectFrom('platform_outbox')
    .select('body')
    .where('template', 'like', 'otp.%')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1] ?? ''
}
const otpCount = async () =>
  (await t.db.selectFrom('platform_outbox').select('id').where('template', 'like', 'otp.%').execute()).length

describe('activation: ID number + phone, one-time code, password, passcode, two security questions', () => {
  test('the first step answers the same whether or not an approved account has this phone', async () => {
    const unknown = await post('/api/v1/accounts/activation/start', {
      personalId: '001190099999',
      phone: '0912345678',
    })
    const wrongPhone = await post('/api/v1/accounts/activation/start', {
      personalId: AN,
      phone: '0987654321',
    })
    expect(await otpCount()).toBe(0)
    const known = await post('/api/v1/accounts/activation/start', { personalId: AN, phone: '0912 345 678' })
    expect([unknown, wrongPhone, known].map((r) => [r.statusCode, r.body])).toEqual([
      [202, '{"sent":true}'],
      [202, '{"sent":true}'],
      [202, '{"sent":true}'],
    ])
    expect(await otpCount()).toBe(1)
  })

  test('a password or passcode that breaks the rules is refused with each rule, and the code is not spent', async () => {
    const res = await post('/api/v1/accounts/activation/finish', {
      personalId: AN,
      phone: PHONE,
      code: await lastCode(),
      ...GOOD,
      password: 'password',
      passcode: '123456',
    })
    expect(res.statusCode).toBe(400)
    const codes = res.json().details.failures.map((f: { code: string }) => f.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'policy.PASSWORD_NO_DIGIT',
        'policy.PASSWORD_NO_UPPERCASE',
        'policy.PASSCODE_SEQUENCE',
      ]),
    )
  })

  test('a wrong code is refused; the right one then activates the account with Argon2id hashes only', async () => {
    const code = await lastCode()
    const wrong = await post('/api/v1/accounts/activation/finish', {
      personalId: AN,
      phone: PHONE,
      code: code === '000000' ? '111111' : '000000',
      ...GOOD,
    })
    expect(wrong.json().code).toBe('authn.OTP_INVALID')
    const ok = await post('/api/v1/accounts/activation/finish', {
      personalId: AN,
      phone: PHONE,
      code,
      ...GOOD,
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toEqual({ username: AN, level: 1, status: 'active' })
    const row = await t.db
      .selectFrom('accounts_account')
      .selectAll()
      .where('subject_id', '=', AN)
      .executeTakeFirstOrThrow()
    expect(parsePhc(row.password_hash ?? '')).toMatchObject({ algorithm: 'argon2id', m: 19456, t: 2, p: 1 })
    expect(row.passcode_hash).not.toContain(GOOD.passcode)
    expect(JSON.stringify(row.security_qa)).not.toContain('Minh')
    const activated = await t.db
      .selectFrom('platform_outbox')
      .select('recipient')
      .where('template', '=', 'accounts.account.activated')
      .execute()
    expect(activated).toEqual([{ recipient: PHONE }])
  })

  test('the code is single use, and an active account gets no new activation code', async () => {
    const again = await post('/api/v1/accounts/activation/finish', {
      personalId: AN,
      phone: PHONE,
      code: await lastCode(),
      ...GOOD,
    })
    expect(again.json().code).toBe('authn.OTP_INVALID')
    const before = await otpCount()
    await post('/api/v1/accounts/activation/start', { personalId: AN, phone: PHONE })
    expect(await otpCount()).toBe(before)
  })
})
