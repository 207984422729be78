import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { giveOfficerCookies } from './officer.support.js'

let t: TestContext
let browser: Browser
let base: string
let officer: OfficerSession

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: '2026-11-23', population: 0 })
  officer = await officerSession(t, { roles: ['receiving_officer'] })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const open = async (path: string, lang: 'vi' | 'en' = 'vi'): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  // The officer pages need a logged-in officer (the login itself is officer-login.e2e's subject).
  if (path.startsWith('/officer')) await giveOfficerCookies(context, officer, base)
  const page = await context.newPage()
  await page.addInitScript((l) => localStorage.setItem('dinhdanh.language', l), lang)
  await page.goto(`${base}${path}`)
  return page
}

describe.skipIf(!browserAvailable)('the web shell in Chromium', () => {
  test('the landing page speaks Vietnamese first', async () => {
    const page = await open('/')
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi')
    await expect.poll(() => page.getByRole('main').textContent()).toContain('định danh')
    await page.close()
  })

  test('an officer finds a demo citizen by ID number and sees the record', async () => {
    const page = await open('/officer/search')
    await page.getByText('Số định danh', { exact: true }).click()
    await page
      .getByLabel(/Số định danh cá nhân/)
      .first()
      .fill('079095001234')
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).first().click()
    await page.waitForURL(/\/officer\/persons\/079095001234/)
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Nguyễn Văn An')
    await expect.poll(() => page.getByRole('main').textContent()).toContain('025123456')
    await page.close()
  })

  test('an officer searches by name without diacritics and gets the person', async () => {
    const page = await open('/officer/search?mode=name&name=tran%20thi%20binh&dob=1990&page=1')
    await expect
      .poll(() => page.getByRole('main').textContent(), { timeout: 10_000 })
      .toContain('Trần Thị Bình')
    await page.close()
  })

  test('deep links into the app fall back to the single-page app, API paths do not', async () => {
    const page = await open('/admin')
    await expect
      .poll(() => page.getByRole('main').textContent(), { timeout: 10_000 })
      .toMatch(/sẵn sàng|ready/i)
    const api = await fetch(`${base}/api/v1/nope`)
    expect(api.status).toBe(404)
    expect(((await api.json()) as { code: string }).code).toBe('platform.NOT_FOUND')
    await page.close()
  })
})
