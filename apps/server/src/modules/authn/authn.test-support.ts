import { sql } from 'kysely'
import { type FrozenClock, frozenClock } from '../../platform/clock.js'
import { openTestDb, TEST_KEK, type TestDb } from '../../test/harness.js'
import { deriveOtpKey } from './authn.otp.crypto.js'
import type { OtpDeps } from './authn.otp.js'

export type AuthnTest = { handle: TestDb; clock: FrozenClock; deps: OtpDeps; close(): Promise<void> }

/** A migrated database of the file's own, a frozen clock and the OTP key derived from the test KEK. */
export const givenAuthn = async (): Promise<AuthnTest> => {
  const handle = await openTestDb()
  const clock = frozenClock()
  const deps: OtpDeps = { db: handle.db, clock, otpKey: deriveOtpKey(Buffer.from(TEST_KEK, 'base64url')) }
  return { handle, clock, deps, close: () => handle.close() }
}

/** The queued message of an issued code, as the citizen's phone would receive it. */
export const messageOf = (t: AuthnTest, otpId: string) =>
  t.handle.db
    .selectFrom('platform_outbox')
    .selectAll()
    .where(sql<string>`data->>'otpId'`, '=', otpId)
    .executeTakeFirstOrThrow()

/** The code in an issued code's message. */
export const codeOf = async (t: AuthnTest, otpId: string): Promise<string> => {
  const code = /\b(\d{6})\b/.exec((await messageOf(t, otpId)).body)?.[1]
  if (!code) throw new Error('no code in the message')
  return code
}
