import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { issueOtp, verifyOtp } from './authn.otp.js'
import { type AuthnTest, codeOf, givenAuthn } from './authn.test-support.js'

let t: AuthnTest
beforeAll(async () => {
  t = await givenAuthn()
})
afterAll(() => t.close())

let phones = 0
// A phone of its own per code: one phone gets at most 10 codes an hour.
const issue = (subject: string) =>
  issueOtp(t.deps, {
    purpose: 'step_up',
    subject,
    recipient: `+8491200${String(phones++).padStart(4, '0')}`,
    channel: 'sms',
  })

// On PostgreSQL the pool has several connections, so the verifications really run at once; PGlite
// serialises them, and the rule must hold there too.
describe('a one-time code is used once', () => {
  test('two scanners of the same code: exactly one wins', async () => {
    for (let round = 0; round < 10; round++) {
      const subject = `079095001234:race-${round}`
      const { id } = await issue(subject)
      const code = await codeOf(t, id)
      const verdicts = await Promise.all(
        Array.from({ length: 4 }, () => verifyOtp(t.deps, { purpose: 'step_up', subject, code })),
      )
      expect(verdicts.filter((v) => v.ok)).toHaveLength(1)
      expect(verdicts.filter((v) => !v.ok)).toEqual(
        Array.from({ length: 3 }, () => ({ ok: false, reason: 'invalid' })),
      )
    }
  })

  test('a used code does not verify a second time', async () => {
    const subject = '079095001234:replay'
    const { id } = await issue(subject)
    const code = await codeOf(t, id)
    expect(await verifyOtp(t.deps, { purpose: 'step_up', subject, code })).toEqual({ ok: true })
    expect(await verifyOtp(t.deps, { purpose: 'step_up', subject, code })).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  test('concurrent wrong guesses cannot count past the limit, and the right code is then dead', async () => {
    const subject = '079095001234:guessing'
    const { id } = await issue(subject)
    const code = await codeOf(t, id)
    const wrong = code === '000000' ? '000001' : '000000'
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, () => verifyOtp(t.deps, { purpose: 'step_up', subject, code: wrong })),
    )
    expect(verdicts.every((v) => !v.ok)).toBe(true)
    const row = await t.handle.db
      .selectFrom('authn_otp')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.attempts).toBe(5)
    expect(await verifyOtp(t.deps, { purpose: 'step_up', subject, code })).toEqual({
      ok: false,
      reason: 'too_many_attempts',
    })
  })
})
