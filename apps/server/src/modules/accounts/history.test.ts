import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { officerSession } from '../officers/officers.test-support.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { givenAccount } from './accounts.test-support.js'

let t: TestContext
const AN = '079095001234'
const PASSWORD = 'Hanoi@2026x'
const cookies: Record<string, string> = {}

const logIn = async () => {
  t.clock.advance(1000)
  const first = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: AN, password: PASSWORD },
    cookies,
  })
  for (const c of first.cookies) cookies[c.name] = c.value
  if (first.statusCode === 202) {
    const sms = await t.db
      .selectFrom('platform_outbox')
      .select('body')
      .where('template', '=', 'otp.login_new_device')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    const code = /\b(\d{6})\b/.exec(sms.body)?.[1]
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/verify',
      payload: { challengeId: first.json().challengeId, code },
      cookies,
    })
    for (const c of done.cookies) cookies[c.name] = c.value
  } else for (const c of first.cookies) cookies[c.name] = c.value
}
const history = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/me/history', cookies })).json()

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  await givenAccount(t.db, { subjectId: AN, password: PASSWORD, at: NOW })
}, 60_000)
afterAll(() => t.close())

describe('usage history', () => {
  test("the holder sees their logins and every officer's read of their record, with who and why", async () => {
    await logIn()
    const officer = await officerSession(t, {
      roles: ['receiving_officer'],
      officerNumber: 'CB-0707',
      unitCode: 'CAX-079-SAI-GON',
    })
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/registry/persons/${AN}`,
      headers: { ...officer.headers, 'x-purpose': 'xac minh ho so' },
    })
    expect(read.statusCode, read.body).toBe(200)
    const { events } = await history()
    expect(events[0]).toMatchObject({
      action: 'registry.person.read',
      actor: 'CB-0707',
      actorKind: 'officer',
      purpose: 'xac minh ho so',
    })
    expect(events.map((e: { action: string }) => e.action)).toContain('accounts.session.started')
  })

  test('only the holder: without a session there is no history', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/history' })
    expect(res.statusCode).toBe(401)
  })

  test('the history shows five years: older events drop out', async () => {
    t.clock.advance(6 * 366 * 86_400_000)
    for (const k of Object.keys(cookies)) if (k !== 'dd_device') delete cookies[k]
    await logIn()
    const { events } = await history()
    expect(events.map((e: { action: string }) => e.action)).not.toContain('registry.person.read')
    expect(events.length).toBeGreaterThan(0)
  })
})
