import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { AS_OF, NOW } from '../../server/src/modules/registry/registry.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { seriousViolations } from './axe.support.js'
import { openOfficerContext } from './officer.support.js'

// Three living people of the demo registry (registry.demo.ts).
const AN = '079095001234'
const BINH = '001190012345'
const CUONG = '001088004321'

let t: TestContext
let browser: Browser
let base: string
let approver: OfficerSession
let receiver: OfficerSession

/** Files a card application at a Hà Nội ward through the API, with a fresh officer session for the day. */
const file = async (personalId: string, kind: string, reason: string) => {
  const desk = await officerSession(t, { roles: ['receiving_officer'] })
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/counter/card-applications',
    headers: desk.headers,
    payload: { personalId, kind, reason },
  })
  expect(res.statusCode, res.body).toBe(201)
}

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  // Bình's falls due first (filed a week earlier, now overdue), then Cường's, then An's.
  t.clock.set('2026-11-09T03:00:00Z')
  await file(BINH, 'renewal', 'age_milestone')
  t.clock.set('2026-11-20T03:00:00Z')
  await file(AN, 'reissue', 'lost')
  t.clock.set('2026-11-18T03:00:00Z')
  await file(CUONG, 'renewal', 'damaged')
  t.clock.set('2026-11-23T03:00:00Z')
  approver = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  receiver = await officerSession(t, { roles: ['receiving_officer'] })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const officerContext = (officer: OfficerSession) => openOfficerContext(browser, officer, base)

const main = (page: Page) => page.getByRole('main')
const rows = (page: Page) => page.locator('tbody tr')
const ids = async (page: Page) =>
  (await rows(page).locator('td:first-child').allTextContents()).map((s) => s.trim())

describe.skipIf(!browserAvailable)('the list of ID-card applications in Chromium', () => {
  test('an approver finds the applications in the menu, earliest due first, filters them and opens one', async () => {
    const context = await officerContext(approver)
    const page = await context.newPage()
    await page.goto(`${base}/officer/counter/queue`)
    const menu = page.getByRole('navigation', { name: 'Chức năng cán bộ' })
    await menu.getByRole('link', { name: 'Đề nghị cấp thẻ' }).click()
    await page.waitForURL(/\/officer\/counter\/card-applications$/)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Đề nghị cấp thẻ căn cước')
    await expect.poll(() => ids(page)).toEqual([BINH, CUONG, AN])
    await expect.poll(() => main(page).textContent()).toContain('3 đề nghị cấp thẻ')
    // Bình's was due on 18 Nov: overdue; the others are not yet.
    expect(await rows(page).nth(0).getAttribute('data-overdue')).toBe('true')
    expect(await rows(page).nth(0).textContent()).toContain('Quá hạn')
    expect(await rows(page).nth(1).getAttribute('data-overdue')).toBe('false')
    expect(await rows(page).nth(2).textContent()).toContain('Cấp lại thẻ')
    await page.screenshot({ path: '/tmp/counter-cards-1-list.png', fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await seriousViolations(page)).toEqual([])
    await page.setViewportSize({ width: 1280, height: 900 })

    await page.getByLabel('Loại đề nghị').selectOption('renewal')
    await page.waitForURL(/kind=renewal/)
    await expect.poll(() => ids(page)).toEqual([BINH, CUONG])

    // One opens on its own page; approved there, it leaves the "received" filter for the "approved" one.
    await page.getByRole('link', { name: `Xem đề nghị cấp thẻ của ${CUONG}` }).click()
    await page.waitForURL(/\/officer\/counter\/card-applications\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Đã tiếp nhận')
    await page.getByRole('button', { name: 'Duyệt đề nghị' }).click()
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Đã duyệt')
    // The menu marks the list as the current page on an application's page too.
    await expect
      .poll(() => menu.getByRole('link', { name: 'Đề nghị cấp thẻ' }).getAttribute('aria-current'))
      .toBe('page')
    await page.goBack()
    await page.waitForURL(/kind=renewal/)
    await page.getByLabel('Trạng thái').selectOption('received')
    await expect.poll(() => ids(page)).toEqual([BINH])
    await page.getByLabel('Trạng thái').selectOption('approved')
    await expect.poll(() => ids(page)).toEqual([CUONG])
    await page.getByLabel('Loại đề nghị').selectOption('reissue')
    await expect.poll(() => main(page).textContent()).toContain('Không có đề nghị cấp thẻ nào khớp bộ lọc.')
    await page.getByLabel('Trạng thái').selectOption('all')
    await expect.poll(() => ids(page)).toEqual([AN])
    await page.screenshot({ path: '/tmp/counter-cards-2-filtered.png', fullPage: true })
    await context.close()
  }, 120_000)

  test('the receiving ward sees its own applications too and can open one to hand the card over', async () => {
    const context = await officerContext(receiver)
    const page = await context.newPage()
    await page.goto(`${base}/officer/counter/card-applications?state=all`)
    await expect.poll(() => ids(page)).toEqual([BINH, CUONG, AN])
    await page.getByRole('link', { name: `Xem đề nghị cấp thẻ của ${AN}` }).click()
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Đã tiếp nhận')
    // Approving is not the counter's step.
    expect(await page.getByRole('button', { name: 'Duyệt đề nghị' }).count()).toBe(0)
    await context.close()
  }, 60_000)
})
