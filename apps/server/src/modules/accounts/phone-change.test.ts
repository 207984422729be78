import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount, lastSmsCode } from './accounts.test-support.js'

let t: TestContext
const AN = '079095001234'
const OLD = '+84912345678'
// An's second SIM in the sandbox carrier (modules/telecom/telecom.demo.ts): a number in his own name.
const NEW = '+84909001234'
const jar: Record<string, string> = {}

const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await t.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    cookies: jar,
    headers: { 'x-csrf-token': jar.dd_csrf ?? '' },
  })
  for (const c of res.cookies) jar[c.name] = c.value
  return res
}
const codeTo = (recipient: string, template: string) => lastSmsCode(t.db, template, recipient)

beforeAll(async () => {
  t = await startTestApp()
  await givenAccount(t.db, { subjectId: AN, phone: OLD, password: 'Hanoi@2026x', at: t.clock.now() })
  const first = await call('POST', '/api/v1/auth/login', { username: AN, password: 'Hanoi@2026x' })
  await call('POST', '/api/v1/auth/login/verify', {
    challengeId: first.json().challengeId,
    code: await codeTo(OLD, 'otp.login_new_device'),
  })
}, 60_000)
afterAll(() => t.close())

describe('changing the registered phone number', () => {
  test('both numbers must confirm: the code of the new number alone is not enough', async () => {
    t.clock.advance(1000)
    const start = await call('POST', '/api/v1/me/phone/start', { newPhone: '0909 001 234' })
    expect(start.statusCode, start.body).toBe(202)
    expect(start.json()).toEqual({ currentHint: '+84 91*****78', newHint: '+84 90*****34' })
    const newCode = await codeTo(NEW, 'otp.phone_change_new')
    const forged = await call('POST', '/api/v1/me/phone/finish', {
      newPhone: NEW,
      currentCode: newCode,
      newCode,
    })
    expect(forged.json().code).toBe('authn.OTP_INVALID')
  })

  test('with both codes the phone changes and both numbers are told', async () => {
    t.clock.advance(61_000)
    await call('POST', '/api/v1/me/phone/start', { newPhone: NEW })
    const res = await call('POST', '/api/v1/me/phone/finish', {
      newPhone: NEW,
      currentCode: await codeTo(OLD, 'otp.phone_change_old'),
      newCode: await codeTo(NEW, 'otp.phone_change_new'),
    })
    expect(res.statusCode, res.body).toBe(200)
    const row = await t.db
      .selectFrom('accounts_account')
      .select('phone')
      .where('subject_id', '=', AN)
      .executeTakeFirstOrThrow()
    expect(row.phone).toBe(NEW)
    const told = await t.db
      .selectFrom('platform_outbox')
      .select('recipient')
      .where('template', '=', 'accounts.phone.changed')
      .execute()
    expect(told.map((m) => m.recipient).sort()).toEqual([OLD, NEW].sort())
  })

  test('a change needs a session and its anti-forgery token', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/phone/start',
      payload: { newPhone: '0911111111' },
    })
    expect(anonymous.statusCode).toBe(401)
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/phone/start',
      payload: { newPhone: '0911111111' },
      cookies: { dd_session: jar.dd_session ?? '' },
    })
    expect(forged.json().code).toBe('accounts.CSRF_INVALID')
  })
})
