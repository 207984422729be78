import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { createOfficer, type NewOfficer } from './enrolment.service.js'
import { seedDemoUnits } from './officers.demo.js'
import type { Role } from './officers.permissions.js'
import { initialPassword } from './officers.tokens.js'
import { base32Decode, totpAt } from './totp.js'

export type Jar = Record<string, string>
export type GivenOfficer = { id: string; officerNumber: string; password: string; secret: Buffer }
export type NewlyCreated = { id: string; officerNumber: string; oneTimePassword: string }

/** An officer who has been through the first login: their own password and an enrolled authenticator. */
export const givenOfficer = async (t: TestContext, input: NewOfficer): Promise<GivenOfficer> => {
  await seedDemoUnits(t.deps)
  const password = initialPassword()
  const secret = randomBytes(20)
  const e = await createOfficer(t.deps, { id: 'test', kind: 'system' }, input, {
    password,
    totpSecret: secret,
    confirmedAt: t.clock.now(),
  })
  return { id: e.officer.id, officerNumber: e.officer.officerNumber, password, secret }
}

/** An officer just created, as an administrator would: only a one-time password, no authenticator yet. */
export const givenNewOfficer = async (t: TestContext, input: NewOfficer): Promise<NewlyCreated> => {
  await seedDemoUnits(t.deps)
  const e = await createOfficer(t.deps, { id: 'test', kind: 'system' }, input)
  return { id: e.officer.id, officerNumber: e.officer.officerNumber, oneTimePassword: e.initialPassword }
}

/** The secret of an offered authenticator, read from its otpauth:// URI as an authenticator app does. */
export const secretOf = (otpauthUri: string) =>
  base32Decode(new URL(otpauthUri).searchParams.get('secret') ?? '')

export const codeNow = (t: TestContext, o: GivenOfficer) => totpAt(o.secret, t.clock.now())

/** A browser: keeps the cookies the server sets and sends them back. */
export const browser = (t: TestContext) => {
  const jar: Jar = {}
  const call = async (
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}), cookies: jar, headers })
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < t.clock.now().getTime())) delete jar[c.name]
      else jar[c.name] = c.value
    }
    return res
  }
  return { jar, call, csrf: () => ({ 'x-csrf-token': jar.dd_officer_csrf ?? '' }) }
}
export type Browser = ReturnType<typeof browser>

/**
 * The whole first login of a new officer in `b`: the one-time password, their own password, the offered
 * authenticator and its first code. Returns the officer as they can log in from then on.
 */
export const completeFirstLogin = async (
  t: TestContext,
  b: Browser,
  o: NewlyCreated,
  password = 'CanBo#Moi2026',
): Promise<GivenOfficer> => {
  const first = await b.call('POST', '/api/v1/officer/auth/login', {
    officerNumber: o.officerNumber,
    password: o.oneTimePassword,
  })
  expect(first.json(), first.body).toMatchObject({ status: 'first_login', stage: 'password_change' })
  const chosen = await b.call(
    'POST',
    '/api/v1/officer/first-login/password',
    { newPassword: password },
    b.csrf(),
  )
  expect(chosen.json(), chosen.body).toMatchObject({ stage: 'totp_enrolment' })
  const secret = secretOf(chosen.json().authenticator.otpauthUri)
  t.clock.advance(30_000)
  const done = await b.call(
    'POST',
    '/api/v1/officer/first-login/authenticator',
    { code: totpAt(secret, t.clock.now()) },
    b.csrf(),
  )
  expect(done.statusCode, done.body).toBe(200)
  return { id: o.id, officerNumber: o.officerNumber, password, secret }
}

/** Both factors, on a fresh time step so an earlier test's code is not a replay. */
export const logIn = async (t: TestContext, b: Browser, o: GivenOfficer) => {
  t.clock.advance(30_000)
  const first = await b.call('POST', '/api/v1/officer/auth/login', {
    officerNumber: o.officerNumber,
    password: o.password,
  })
  expect(first.statusCode, first.body).toBe(202)
  const done = await b.call('POST', '/api/v1/officer/auth/login/totp', {
    challengeId: first.json().challengeId,
    code: codeNow(t, o),
  })
  expect(done.statusCode, done.body).toBe(200)
  return done
}

export type OfficerSession = {
  officer: GivenOfficer
  /** The session and CSRF cookies, as a browser holds them after the login. */
  cookies: Jar
  /** `cookie` and `x-csrf-token` headers, for app.inject or fetch. */
  headers: Record<string, string>
}

let sessions = 0

/**
 * A logged-in officer for tests of officer routes: created with the given roles (in a demo unit) and
 * logged in through the real password and TOTP routes.
 */
export const officerSession = async (
  t: TestContext,
  opts: { roles: Role[]; unitCode?: string; officerNumber?: string; fullName?: string },
): Promise<OfficerSession> => {
  sessions++
  const officer = await givenOfficer(t, {
    officerNumber: opts.officerNumber ?? `CB-${String(9000 + sessions)}`,
    fullName: opts.fullName ?? `Cán bộ thử ${sessions}`,
    unitCode: opts.unitCode ?? (opts.roles.includes('immigration_officer') ? 'PA08-079' : 'CAX-001-BA-DINH'),
    roles: opts.roles,
  })
  const b = browser(t)
  await logIn(t, b, officer)
  const cookies = { ...b.jar }
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ')
  return { officer, cookies, headers: { cookie, ...b.csrf() } }
}
