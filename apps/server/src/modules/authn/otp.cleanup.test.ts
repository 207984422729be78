import { afterAll, beforeAll, expect, test } from 'vitest'
import { cleanupOtps, issueOtp, verifyOtp } from './authn.otp.js'
import { type AuthnTest, codeOf, givenAuthn } from './authn.test-support.js'

let t: AuthnTest
beforeAll(async () => {
  t = await givenAuthn()
})
afterAll(() => t.close())

test('cleanup deletes expired codes and keeps live ones', async () => {
  const old = await issueOtp(t.deps, {
    purpose: 'activation',
    subject: 'a',
    recipient: '+84912345678',
    channel: 'sms',
  })
  t.clock.advance(4 * 60_000)
  const live = await issueOtp(t.deps, {
    purpose: 'activation',
    subject: 'b',
    recipient: '+84912345679',
    channel: 'sms',
  })
  t.clock.advance(60_000)
  expect(await cleanupOtps(t.deps)).toBe(1)
  const ids = (await t.handle.db.selectFrom('authn_otp').select('id').execute()).map((r) => r.id)
  expect(ids).toEqual([live.id])
  expect(ids).not.toContain(old.id)
  const code = await codeOf(t, live.id)
  expect(await verifyOtp(t.deps, { purpose: 'activation', subject: 'b', code })).toEqual({ ok: true })
})
