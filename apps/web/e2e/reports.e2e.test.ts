import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { AN, BINH, CUONG, call } from '../../server/src/modules/enrolment/enrolment.test-support.js'
import { BASE as LOCKS, letter } from '../../server/src/modules/lock-requests/lock-requests.test-support.js'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { AS_OF, NOW } from '../../server/src/modules/registry/registry.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { violationsAtPhoneWidth } from './axe.support.js'
import { openOfficerContext } from './officer.support.js'

const BAO = '001216006789'
const DUNG = { personalId: '036155000777', phone: '0395000777' }

let t: TestContext
let browser: Browser
let base: string
let supervisor: OfficerSession
let lockId = ''

/**
 * Wednesday 18 November 2026: an authority's lock request is recorded at Ba Đình and never forwarded.
 * Monday 23 November: two dossiers opened at Ba Đình, one opened and cancelled at Sài Gòn; three accounts.
 */
beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  await givenAccount(t.db, { subjectId: BAO, at: NOW })
  await givenAccount(t.db, { subjectId: 'NN0000000001', status: 'approved', at: NOW })
  await givenAccount(t.db, { subjectId: BINH.personalId, level: 2, createdVia: 'counter', at: NOW })
  t.clock.set('2026-11-18T03:00:00Z')
  const early = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-001-BA-DINH' }))
    .headers
  const recorded = await call(t, early, 'POST', LOCKS, {
    ...letter(BAO),
    authority: { ...letter(BAO).authority, documentDate: '2026-11-17' },
  })
  expect(recorded.statusCode, recorded.body).toBe(201)
  lockId = recorded.json().id
  t.clock.set(NOW)
  const baDinh = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-001-BA-DINH' }))
    .headers
  const saiGon = (await officerSession(t, { roles: ['receiving_officer'], unitCode: 'CAX-079-SAI-GON' }))
    .headers
  for (const person of [CUONG, AN]) {
    const opened = await call(t, baDinh, 'POST', '/api/v1/counter/dossiers', person)
    expect(opened.statusCode, opened.body).toBe(201)
  }
  const dung = await call(t, saiGon, 'POST', '/api/v1/counter/dossiers', DUNG)
  await call(t, saiGon, 'POST', `/api/v1/counter/dossiers/${dung.json().id}/cancel`)
  supervisor = await officerSession(t, { roles: ['supervisor'], unitCode: 'C06' })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const supervisorContext = () => openOfficerContext(browser, supervisor, base)

const main = (page: Page) => page.getByRole('main')
/** The page has no serious or critical WCAG violations (axe-core), at phone width like the other pages. */
const accessible = async (page: Page) => expect(await violationsAtPhoneWidth(page)).toEqual([])
/** A table's rows as the text of their cells. */
const rowsOf = (page: Page, caption: string) =>
  page
    .getByRole('table', { name: caption })
    .locator('tbody tr, tfoot tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim())),
    )
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/reports-${name}.png`, fullPage: true })

describe.skipIf(!browserAvailable)('the supervisor’s reports in Chromium', () => {
  test('the reports page: a chart and its table per report, the figures the counters produced, another period', async () => {
    const context = await supervisorContext()
    const page = await context.newPage()
    await page.goto(`${base}/officer/reports`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Báo cáo thống kê')
    const menu = page.getByRole('navigation', { name: 'Chức năng cán bộ' })
    await expect
      .poll(() => menu.getByRole('link', { name: 'Báo cáo thống kê' }).getAttribute('aria-current'))
      .toBe('page')
    const caption = 'Hồ sơ theo đơn vị và trạng thái'
    await expect
      .poll(() => rowsOf(page, caption))
      .toEqual([
        ['Công an phường Ba Đình', '2', '0', '0', '0', '0', '0', '2'],
        ['Công an phường Sài Gòn', '0', '0', '0', '0', '0', '1', '1'],
        ['Tổng cộng', '2', '0', '0', '0', '0', '1', '3'],
      ])
    const chart = page.getByRole('img', { name: /^Hồ sơ theo đơn vị tiếp nhận và trạng thái\./ })
    expect(await chart.getAttribute('aria-label')).toBe(
      'Hồ sơ theo đơn vị tiếp nhận và trạng thái. Công an phường Ba Đình: 2 (Đang lập 2, Chờ công dân ký 0, Chờ phê duyệt 0, Đã phê duyệt 0, Không được phê duyệt 0, Đã huỷ 0); Công an phường Sài Gòn: 1 (Đang lập 0, Chờ công dân ký 0, Chờ phê duyệt 0, Đã phê duyệt 0, Không được phê duyệt 0, Đã huỷ 1)',
    )
    expect(await chart.locator('rect').count()).toBe(2)
    await expect
      .poll(() => rowsOf(page, 'Tài khoản theo tỉnh, thành phố và mức độ'))
      .toEqual([
        ['Hà Nội', '1', '1', '2'],
        ['Không xác định (người nước ngoài tự đăng ký)', '1', '0', '1'],
        ['Tổng cộng', '2', '1', '3'],
      ])
    await expect
      .poll(() => main(page).textContent())
      .toContain('Từ 25/10/2026 đến 23/11/2026 (30 ngày, theo giờ Việt Nam)')
    await shot(page, '1-reports')
    await accessible(page)

    // Another period: the day the lock request was recorded, and a reversed one refused in the browser.
    await page.getByLabel(/^Từ ngày/).fill('2026-11-18')
    await page.getByLabel(/^Đến ngày/).fill('2026-11-17')
    await page.getByRole('button', { name: 'Xem báo cáo' }).click()
    await expect
      .poll(() => main(page).textContent())
      .toContain('Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.')
    await page.getByLabel(/^Đến ngày/).fill('2026-11-18')
    await page.getByRole('button', { name: 'Xem báo cáo' }).click()
    await expect.poll(() => page.url()).toContain('from=2026-11-18&to=2026-11-18')
    await expect
      .poll(() => rowsOf(page, 'Đề nghị khóa, mở khóa theo loại và trạng thái'))
      .toEqual([
        ['Khóa tài khoản', '1', '0', '0', '0', '0', '1'],
        ['Mở khóa tài khoản', '0', '0', '0', '0', '0', '0'],
        ['Tổng cộng', '1', '0', '0', '0', '0', '1'],
      ])
    await expect.poll(() => rowsOf(page, caption)).toEqual([['Không có số liệu.']])
    await context.close()
  }, 120_000)

  test('overdue cases per unit, then one unit’s list with days and working days late, linking to the request', async () => {
    const context = await supervisorContext()
    const page = await context.newPage()
    await page.goto(`${base}/officer/overdue`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hồ sơ quá hạn')
    await expect
      .poll(() => rowsOf(page, 'Hồ sơ quá hạn và đến hạn hôm nay theo đơn vị'))
      .toEqual([
        ['Công an phường Ba Đình', '0', '0', '1', '0', 'Danh sách của Công an phường Ba Đình'],
        ['Tổng cộng', '0', '0', '1', '0', ''],
      ])
    await expect.poll(() => main(page).textContent()).toContain('Tính đến ngày 23/11/2026')
    await shot(page, '2-overdue')
    await accessible(page)
    await page.getByRole('link', { name: 'Danh sách của Công an phường Ba Đình' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Hồ sơ quá hạn: Công an phường Ba Đình')
    const list = page.getByRole('table', { name: 'Đề nghị khóa, mở khóa quá hạn hoặc đến hạn hôm nay' })
    await expect
      .poll(() => list.locator('tbody tr td').allTextContents())
      .toEqual([
        lockId.slice(0, 8),
        'Khóa tài khoản',
        'Chuyển lên cơ quan quyết định',
        '18/11/2026',
        '19/11/2026',
        '4',
        '2',
      ])
    expect(await list.getByRole('link').getAttribute('href')).toBe(`/officer/lock-requests/${lockId}`)
    await shot(page, '3-unit')
    await accessible(page)
    await context.close()
  }, 120_000)
})
