import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { createSandboxPhoneOwnership } from '../telecom/index.js'
import { insertSubscriptions } from '../telecom/telecom.repository.js'
import { givenAccount, lastSmsCode } from './accounts.test-support.js'

let t: TestContext
const PASSWORD = 'Hanoi@2026x'
// At the sandbox carrier: An's own numbers are 0395 001 234 and 0909 001 234, Kim Min Jun's 0700 000 001.
const AN = { id: '079095001234', phone: '+84395001234' }
const KIM = { id: 'NN0000000001', phone: '+84700000001' }

type Jar = Record<string, string>
const call = async (jar: Jar, url: string, payload: object) => {
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload,
    cookies: jar,
    headers: { 'x-csrf-token': jar.dd_csrf ?? '' },
  })
  for (const c of res.cookies) jar[c.name] = c.value
  return res
}
const logIn = async (who: { id: string; phone: string }): Promise<Jar> => {
  const jar: Jar = {}
  t.clock.advance(1000)
  const first = await call(jar, '/api/v1/auth/login', { username: who.id, password: PASSWORD })
  await call(jar, '/api/v1/auth/login/verify', {
    challengeId: first.json().challengeId,
    code: await lastSmsCode(t.db, 'otp.login_new_device', who.phone),
  })
  return jar
}
const codesSent = async () =>
  (
    await t.db
      .selectFrom('platform_outbox')
      .select('id')
      .where('template', 'like', 'otp.phone_change%')
      .execute()
  ).length

let an: Jar
beforeAll(async () => {
  t = await startTestApp()
  for (const who of [AN, KIM])
    await givenAccount(t.db, { subjectId: who.id, phone: who.phone, password: PASSWORD, at: t.clock.now() })
  an = await logIn(AN)
}, 60_000)
afterAll(() => t.close())

describe('the new phone must be in the holder’s own name (D69 Art 10)', () => {
  test("a number in someone else's name, or no subscriber's, is refused before any code is sent", async () => {
    const family = await call(an, '/api/v1/me/phone/start', { newPhone: '0911 111 111' })
    expect([family.statusCode, family.json().code]).toEqual([422, 'accounts.PHONE_NOT_OWN_NAME'])
    const nobody = await call(an, '/api/v1/me/phone/start', { newPhone: '0999 999 999' })
    expect([nobody.statusCode, nobody.json().code]).toEqual([422, 'accounts.PHONE_NOT_OWN_NAME'])
    expect(await codesSent()).toBe(0)
    const checks = await t.db
      .selectFrom('platform_audit_event')
      .select(['actor', 'subject', 'data'])
      .where('action', '=', 'accounts.phone.ownership_checked')
      .orderBy('seq')
      .execute()
    expect(checks).toEqual([
      {
        actor: AN.id,
        subject: AN.id,
        data: expect.objectContaining({ phone: '+84 91*****11', result: 'not_own_name' }),
      },
      {
        actor: AN.id,
        subject: AN.id,
        data: expect.objectContaining({ phone: '+84 99*****99', result: 'unknown_subscriber' }),
      },
    ])
  })

  test('while the carrier does not answer, the change cannot start (503), and can once it does', async () => {
    const sandbox = createSandboxPhoneOwnership(t.db, { outage: true })
    const configured = t.deps.phoneOwnership
    t.deps.phoneOwnership = sandbox
    try {
      const res = await call(an, '/api/v1/me/phone/start', { newPhone: '0909 001 234' })
      expect([res.statusCode, res.json().code]).toEqual([503, 'accounts.CARRIER_UNAVAILABLE'])
      expect(await codesSent()).toBe(0)
      sandbox.simulate({})
      const again = await call(an, '/api/v1/me/phone/start', { newPhone: '0909 001 234' })
      expect(again.statusCode, again.body).toBe(202)
    } finally {
      t.deps.phoneOwnership = configured
    }
  })

  test("a foreigner's new number is checked against their foreigner ID", async () => {
    await insertSubscriptions(t.db, [
      {
        phone: '+84700000111',
        personal_id: null,
        foreigner_id: KIM.id,
        passport_nationality: null,
        passport_number: null,
        registered_on: '2026-11-01',
      },
    ])
    const kim = await logIn(KIM)
    const own = await call(kim, '/api/v1/me/phone/start', { newPhone: '0700 000 111' })
    expect(own.statusCode, own.body).toBe(202)
    const ans = await call(kim, '/api/v1/me/phone/start', { newPhone: '0909 001 234' })
    expect(ans.json().code).toBe('accounts.PHONE_NOT_OWN_NAME')
    const last = await t.db
      .selectFrom('platform_audit_event')
      .select(['subject_kind', 'data'])
      .where('action', '=', 'accounts.phone.ownership_checked')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(last).toMatchObject({ subject_kind: 'foreigner', data: { result: 'not_own_name' } })
  })
})
