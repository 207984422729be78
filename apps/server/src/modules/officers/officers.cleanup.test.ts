import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { cleanupOfficers } from './officers.cleanup.js'
import { browser, givenNewOfficer, officerSession } from './officers.test-support.js'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
}, 120_000)
afterAll(() => t.close())

const HOUR = 3_600_000
const rows = async () => ({
  challenges: (await t.db.selectFrom('officers_login_challenge').select('id').execute()).length,
  sessions: await t.db.selectFrom('officers_session').select(['stage', 'pending_password_hash']).execute(),
})

test('an abandoned first login loses its pending password and authenticator secret once over; full sessions stay a month after they end', async () => {
  const live = await officerSession(t, { roles: ['receiving_officer'] })
  const o = await givenNewOfficer(t, {
    officerNumber: 'CB-0777',
    fullName: 'Đinh Văn Mới',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })
  const b = browser(t)
  await b.call('POST', '/api/v1/officer/auth/login', {
    officerNumber: o.officerNumber,
    password: o.oneTimePassword,
  })
  const chosen = await b.call(
    'POST',
    '/api/v1/officer/first-login/password',
    { newPassword: 'CanBo#Moi2026' },
    b.csrf(),
  )
  expect(chosen.statusCode, chosen.body).toBe(200)
  expect((await rows()).sessions.filter((s) => s.pending_password_hash !== null)).toHaveLength(1)

  // Nothing is due while the first login could still finish.
  expect(await cleanupOfficers(t.deps)).toEqual({ loginChallenges: 0, setupSessions: 0, sessions: 0 })

  // Abandoned: past its lifetime the first-login session goes at once, secrets and all.
  t.clock.advance(HOUR)
  const abandoned = await cleanupOfficers(t.deps)
  expect(abandoned.setupSessions).toBe(1)
  expect((await rows()).sessions.every((s) => s.stage === 'full' && s.pending_password_hash === null)).toBe(
    true,
  )

  // The login challenge of the session opened above goes a day after it expired.
  t.clock.advance(24 * HOUR)
  expect((await cleanupOfficers(t.deps)).loginChallenges).toBeGreaterThan(0)
  expect((await rows()).challenges).toBe(0)

  // The full session, expired now, is kept a month for the officer's list of sessions, then deleted.
  expect((await rows()).sessions).toHaveLength(1)
  t.clock.advance(30 * 24 * HOUR)
  expect((await cleanupOfficers(t.deps)).sessions).toBe(1)
  expect((await rows()).sessions).toHaveLength(0)
  // The live officer's cookie opens nothing afterwards.
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/officer/me', headers: live.headers })
  expect(me.statusCode).toBe(401)
})
