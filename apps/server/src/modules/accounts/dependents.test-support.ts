import { startTestApp, type TestContext } from '../../test/harness.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { givenAccount, lastSmsCode } from './accounts.test-support.js'

// The demo registry's family: Bình and Cường are Bảo's parents; An is no relative of theirs.
export const BINH = '001190012345'
export const CUONG = '001088004321'
export const AN = '079095001234'
export const DUNG = '036155000777'
export const BAO = { personalId: '001216006789', fullName: 'Lê Gia Bảo', dateOfBirth: '2016-04-09' }
export const PASSWORD = 'Hanoi@2026x'
export const phoneOf = (subject: string) => `+8491${subject.slice(-7)}`

/** A test server with the demo registry, and active accounts of the given levels. */
export const givenFamily = async (env: Record<string, string>, levels: Record<string, 1 | 2>) => {
  const t = await startTestApp(env)
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  for (const [subject, level] of Object.entries(levels))
    await givenAccount(t.db, {
      subjectId: subject,
      level,
      phone: phoneOf(subject),
      password: PASSWORD,
      createdVia: 'counter',
      at: NOW,
    })
  return t
}

export type Caller = Awaited<ReturnType<typeof loggedIn>>

/** Logs a holder in (new device: the code from the outbox) and returns a caller with their cookies and CSRF token. */
export const loggedIn = async (t: TestContext, username: string) => {
  const jar: Record<string, string> = {}
  const call = async (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
    opts = { csrf: true },
  ) => {
    const res = await t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      cookies: jar,
      headers: opts.csrf ? { 'x-csrf-token': jar.dd_csrf ?? '' } : {},
    })
    for (const c of res.cookies) jar[c.name] = c.value
    return res
  }
  t.clock.advance(1000)
  const first = await call('POST', '/api/v1/auth/login', { username, password: PASSWORD })
  const sms = await t.db
    .selectFrom('platform_outbox')
    .select('body')
    .where('template', '=', 'otp.login_new_device')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  await call('POST', '/api/v1/auth/login/verify', {
    challengeId: first.json().challengeId,
    code: /\b(\d{6})\b/.exec(sms.body)?.[1],
  })
  return call
}

/** The audit events of one action under one subject, oldest first. */
export const auditUnder = (t: TestContext, subject: string, action: string) =>
  t.db
    .selectFrom('platform_audit_event')
    .select(['actor', 'actor_kind', 'action', 'purpose', 'data'])
    .where('subject', '=', subject)
    .where('action', '=', action)
    .orderBy('seq')
    .execute()

/** Bảo's own mobile number, for his takeover. */
export const BAO_PHONE = { typed: '0987000111', e164: '+84987000111' }

/**
 * Bảo takes over the account his parent filed (from his 14th birthday): he proves who he is, the code goes to
 * his own phone, and he sets his password (PASSWORD unless given). Returns the activation's answer.
 */
export const takeOverBao = async (t: TestContext, password = PASSWORD) => {
  const who = { fullName: BAO.fullName, dateOfBirth: BAO.dateOfBirth, cardIssuedOn: '2025-01-15' }
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/accounts/activation/start',
    payload: { personalId: BAO.personalId, phone: BAO_PHONE.typed, ...who },
  })
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/accounts/activation/finish',
    payload: {
      personalId: BAO.personalId,
      phone: BAO_PHONE.typed,
      code: await lastSmsCode(t.db, 'otp.activation', BAO_PHONE.e164),
      password,
      passcode: '385926',
      securityQuestions: [
        { questionId: 'first_pet', answer: 'Mun' },
        { questionId: 'favourite_dish', answer: 'Phở' },
      ],
    },
  })
}
