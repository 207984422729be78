import { afterAll, beforeAll, expect, test } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { lastSmsCode } from './accounts.test-support.js'
import { BAO, BINH, givenFamily, loggedIn, phoneOf } from './dependents.test-support.js'

let t: TestContext
beforeAll(async () => {
  t = await givenFamily({}, { [BINH]: 2 })
}, 60_000)
afterAll(() => t.close())

const phoneOfAccount = async (subject: string) =>
  (
    await t.db
      .selectFrom('accounts_account')
      .select('phone')
      .where('subject_id', '=', subject)
      .executeTakeFirstOrThrow()
  ).phone

test("the child's account filed with the mother's phone follows her new phone until he takes it over", async () => {
  const binh = await loggedIn(t, BINH)
  expect((await binh('POST', '/api/v1/me/dependents', BAO)).statusCode).toBe(200)
  expect(await phoneOfAccount(BAO.personalId)).toBe(phoneOf(BINH))
  const next = '+84987654321'
  t.clock.advance(1000)
  const started = await binh('POST', '/api/v1/me/phone/start', { newPhone: next })
  expect(started.statusCode, started.body).toBe(202)
  const finished = await binh('POST', '/api/v1/me/phone/finish', {
    newPhone: next,
    currentCode: await lastSmsCode(t.db, 'otp.phone_change_old'),
    newCode: await lastSmsCode(t.db, 'otp.phone_change_new'),
  })
  expect(finished.statusCode, finished.body).toBe(200)
  expect(await phoneOfAccount(BINH)).toBe(next)
  // Otherwise the activation code for the takeover, and every SMS about him, would go to a number she left.
  expect(await phoneOfAccount(BAO.personalId)).toBe(next)
})
