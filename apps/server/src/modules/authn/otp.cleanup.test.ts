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

test('the scheduled cleanup also clears old rate windows, so the tables do not grow without end', async () => {
  const { cleanupAuthn } = await import('./authn.cleanup.js')
  const { hit } = await import('./authn.rate-limit.js')
  await hit(t.deps, 'login:ip:192.0.2.1', { limit: 5, windowSeconds: 60 })
  t.clock.advance(3 * 3_600_000)
  const out = await cleanupAuthn(t.deps)
  expect(out.rateWindows).toBeGreaterThanOrEqual(1)
  expect(await t.handle.db.selectFrom('authn_rate_limit').select('key').execute()).toEqual([])
})
