import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { givenNewOfficer, officerSession } from '../../server/src/modules/officers/officers.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { seriousViolations } from './axe.support.js'
import { giveOfficerCookies } from './officer.support.js'

let t: TestContext
let browser: Browser
let base: string

beforeAll(async () => {
  t = await startTestApp()
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t.close()
})

/** The serious and critical WCAG 2 A/AA violations axe finds on a page once it has rendered. */
const violations = async (page: Page, path: string): Promise<string[]> => {
  await page.goto(`${base}${path}`)
  await page.waitForSelector('main h1, h1', { timeout: 15_000 })
  return (await seriousViolations(page)).map((v) => `${path}: ${v}`)
}

describe.skipIf(!browserAvailable)('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  test('the citizen app, the officer portal and the landing page have no serious or critical violations', async () => {
    // The app's CSP forbids inline scripts, axe's too: the test page bypasses it.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    const paths = [
      '/',
      '/app',
      '/app/register',
      '/app/activate',
      '/app/login',
      '/app/recover',
      '/app/unlock',
      '/officer/login',
      '/admin',
    ]
    const all: string[] = []
    for (const path of paths) all.push(...(await violations(page, path)))
    await page.close()
    expect(all).toEqual([])
  }, 120_000)

  test('at desktop width too, where the header shows the full brand and the menu', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true })
    const all: string[] = []
    for (const path of ['/', '/app/login', '/officer/login', '/developers'])
      all.push(...(await violations(page, path)))
    await page.close()
    expect(all).toEqual([])
  }, 120_000)

  test('the officer portal behind its login (search, biometrics, counter, queue) has none either', async () => {
    const officer = await officerSession(t, { roles: ['receiving_officer'] })
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    await giveOfficerCookies(context, officer, base)
    const page = await context.newPage()
    const all: string[] = []
    for (const path of ['/officer/search', '/officer/biometrics', '/officer/counter/new'])
      all.push(...(await violations(page, path)))
    await context.close()
    // The approval queue is an approver's page (the dossier page is checked in counter.e2e).
    const approver = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
    const second = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    await giveOfficerCookies(second, approver, base)
    const approverPage = await second.newPage()
    for (const path of ['/officer/counter/queue', '/officer/counter/card-applications'])
      all.push(...(await violations(approverPage, path)))
    await second.close()
    expect(all).toEqual([])
  }, 120_000)

  test("a supervisor's reports and overdue queue have none either", async () => {
    const supervisor = await officerSession(t, { roles: ['supervisor'], unitCode: 'PC06-001' })
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    await giveOfficerCookies(context, supervisor, base)
    const page = await context.newPage()
    const all: string[] = []
    for (const path of ['/officer/reports', '/officer/overdue', '/officer/overdue/CAX-001-BA-DINH'])
      all.push(...(await violations(page, path)))
    await context.close()
    expect(all).toEqual([])
  }, 120_000)

  test('the lock request pages (record form, the unit’s list, the decision queue) have none either', async () => {
    const all: string[] = []
    // The request page itself is checked in lock-requests.e2e, with a request on it.
    for (const [roles, unitCode, paths] of [
      [
        ['receiving_officer'],
        'CAX-001-BA-DINH',
        ['/officer/lock-requests/new', '/officer/lock-requests/recorded'],
      ],
      [['approver'], 'C06', ['/officer/lock-requests/queue']],
    ] as const) {
      const officer = await officerSession(t, { roles: [...roles], unitCode })
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true })
      await giveOfficerCookies(context, officer, base)
      const page = await context.newPage()
      for (const path of paths) all.push(...(await violations(page, path)))
      await context.close()
    }
    expect(all).toEqual([])
  }, 120_000)

  test("officer accounts (administrators' pages, own password, first login) have none either", async () => {
    const admin = await officerSession(t, { roles: ['administrator'], unitCode: 'C06' })
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    await giveOfficerCookies(context, admin, base)
    const page = await context.newPage()
    const all: string[] = []
    for (const path of [
      '/officer/admin/officers',
      '/officer/admin/officers/new',
      `/officer/admin/officers/${admin.officer.id}`,
      '/officer/admin/units',
      '/officer/password',
    ])
      all.push(...(await violations(page, path)))
    await context.close()
    // Both first-login steps of a new officer, reached through the login page with the one-time password.
    const fresh = await givenNewOfficer(t, {
      officerNumber: 'CB-0777',
      fullName: 'Đinh Văn Mới',
      unitCode: 'CAX-001-BA-DINH',
      roles: ['receiving_officer'],
    })
    const first = await browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    await first.goto(`${base}/officer/login`)
    await first.getByLabel(/Số hiệu cán bộ/).fill(fresh.officerNumber)
    await first.getByLabel(/Mật khẩu/).fill(fresh.oneTimePassword)
    await first.getByRole('button', { name: 'Tiếp tục' }).click()
    await first.waitForURL(/\/officer\/first-login$/)
    await first.getByLabel(/^Mật khẩu mới/).waitFor()
    all.push(...(await seriousViolations(first)).map((v) => `/officer/first-login (password): ${v}`))
    await first.getByLabel(/^Mật khẩu mới/).fill('Moi@CanBo2026')
    await first.getByLabel(/^Nhập lại mật khẩu mới/).fill('Moi@CanBo2026')
    await first.getByRole('button', { name: 'Tiếp tục' }).click()
    await first.getByRole('img', { name: /Mã QR/ }).waitFor()
    all.push(...(await seriousViolations(first)).map((v) => `/officer/first-login (authenticator): ${v}`))
    await first.close()
    expect(all).toEqual([])
  }, 120_000)

  test("the holder's pages (home, security, history) have none either", async () => {
    const now = t.clock.now()
    await givenAccount(t.db, { subjectId: '079095001234', password: 'Hanoi@2026x', at: now })
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    await page.goto(`${base}/app`)
    // Logged in through the API from the page, so the browser holds the session cookies.
    const post = (url: string, body: object) =>
      page.evaluate(
        async ([u, b]) =>
          (
            await fetch(u as string, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(b),
            })
          ).json(),
        [url, body] as const,
      )
    const first = (await post('/api/v1/auth/login', {
      username: '079095001234',
      password: 'Hanoi@2026x',
    })) as { challengeId: string }
    const sms = await t.db
      .selectFrom('platform_outbox')
      .select('body')
      .where('template', '=', 'otp.login_new_device')
      .executeTakeFirstOrThrow()
    await post('/api/v1/auth/login/verify', {
      challengeId: first.challengeId,
      code: /\b(\d{6})\b/.exec(sms.body)?.[1],
    })
    const all: string[] = []
    for (const path of ['/app/home', '/app/security', '/app/history', '/app/dependents'])
      all.push(...(await violations(page, path)))
    await page.close()
    expect(all).toEqual([])
  }, 120_000)
})
