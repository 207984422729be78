import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { OFFICERS } from '../../server/src/modules/officers/officers.errors.js'
import {
  type OfficerSession,
  officerSession,
  secretOf,
} from '../../server/src/modules/officers/officers.test-support.js'
import { totpAt } from '../../server/src/modules/officers/totp.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { OFFICER_ERROR_KEYS } from '../src/areas/officer/session/officerErrorKeys.js'
import { officerAdminVi } from '../src/i18n/officerAdmin.vi.js'
import { giveOfficerCookies } from './officer.support.js'

let t: TestContext
let browser: Browser
let base: string
let admin: OfficerSession

beforeAll(async () => {
  t = await startTestApp()
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
  admin = await officerSession(t, {
    roles: ['administrator'],
    unitCode: 'C06',
    officerNumber: 'CB-0001',
    fullName: 'Nguyễn Quốc Anh',
  })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const shot = (page: Page, name: string) =>
  page
    .screenshot({ path: `${process.cwd()}/.scratch/officer-admin-${name}.png`, fullPage: true })
    .catch(() => {})

const adminPage = async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } })
  await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
  await giveOfficerCookies(context, admin, base)
  return context.newPage()
}

// English has the same keys as Vietnamese (the web's typecheck: Translation), so Vietnamese is checked here.
test('every error code of the officers module has a message in the portal', () => {
  const keys: Readonly<Record<string, string>> = OFFICER_ERROR_KEYS
  const messages: Readonly<Record<string, string>> = officerAdminVi.errors
  for (const { code } of Object.values(OFFICERS)) {
    expect(keys[code], code).toBeDefined()
    expect(messages[keys[code] ?? ''], code).toBeTruthy()
  }
})

describe.skipIf(!browserAvailable)('officer accounts in Chromium', () => {
  test('an administrator creates an officer, whose first login sets a password and an authenticator, then opens the portal', async () => {
    const page = await adminPage()
    await page.goto(`${base}/officer/admin/officers`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Quản lý cán bộ')
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Chức năng cán bộ' }).textContent())
      .toContain('Đơn vị')
    await shot(page, 'list')

    await page.getByRole('link', { name: 'Thêm cán bộ' }).click()
    await page.waitForURL(/\/officer\/admin\/officers\/new$/)
    await page.getByLabel(/^Số hiệu cán bộ/).fill('cb-0300')
    await page.getByLabel(/^Họ và tên/).fill('Hoàng Minh Đức')
    await page.getByRole('combobox', { name: /^Đơn vị công tác/ }).click()
    await page.getByRole('option', { name: /Công an phường Hoàn Kiếm/ }).click()
    await page.getByRole('checkbox', { name: 'Cán bộ tiếp nhận' }).check()
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
    const created = page.getByRole('heading', { name: 'Đã tạo tài khoản cán bộ CB-0300' })
    await expect.poll(() => created.count()).toBe(1)
    const oneTime =
      (await page.locator('[data-one-time-password]').getAttribute('data-one-time-password')) ?? ''
    expect(oneTime).toMatch(/^[A-Za-z0-9]{6}(-[A-Za-z0-9]{6}){3}$/)
    await shot(page, 'created')

    // The new officer, on their own device: the one-time password opens only the first login.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
    const duc = await context.newPage()
    await duc.goto(`${base}/officer/login`)
    await duc.getByLabel(/Số hiệu cán bộ/).fill('CB-0300')
    await duc.getByLabel(/Mật khẩu/).fill(oneTime)
    await duc.getByRole('button', { name: 'Tiếp tục' }).click()
    await duc.waitForURL(/\/officer\/first-login$/)
    await expect.poll(() => duc.getByRole('heading', { level: 1 }).textContent()).toBe('Đăng nhập lần đầu')
    // Nothing else opens before the first login is done.
    await duc.goto(`${base}/officer/search`)
    await duc.waitForURL(/\/officer\/first-login$/)

    // A weak password is refused in the page with the rules it breaks; a good one is accepted.
    await duc.getByLabel(/^Mật khẩu mới/).fill('canbo2026')
    await duc.getByLabel(/^Nhập lại mật khẩu mới/).fill('canbo2026')
    await expect.poll(() => duc.locator('[data-rule="upper"]').getAttribute('data-met')).toBe('false')
    await duc.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect.poll(() => duc.getByRole('alert').first().textContent()).toContain('chưa đạt các yêu cầu')
    await shot(duc, 'first-login-password')
    await duc.getByLabel(/^Mật khẩu mới/).fill('Duc@CanBo2026')
    await duc.getByLabel(/^Nhập lại mật khẩu mới/).fill('Duc@CanBo2026')
    await duc.getByRole('button', { name: 'Tiếp tục' }).click()

    // The authenticator: a QR code of the otpauth URI, and the key for typing in by hand.
    const qr = duc.getByRole('img', { name: /Mã QR để thêm tài khoản CB-0300/ })
    await expect.poll(() => qr.count()).toBe(1)
    const uri = (await qr.getAttribute('data-otpauth')) ?? ''
    expect(uri).toMatch(/^otpauth:\/\/totp\/dinhdanh:CB-0300\?/)
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/)
    await shot(duc, 'first-login-authenticator')
    const secret = secretOf(uri)
    const code = duc.getByRole('textbox', { name: /^Mã xác thực từ ứng dụng/ })
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code')
    await code.fill(totpAt(secret, t.clock.now()))
    await duc.getByRole('button', { name: 'Xác nhận và vào cổng cán bộ' }).click()

    // In the portal, as a receiving officer of Hoàn Kiếm.
    await duc.waitForURL(/\/officer\/search$/)
    const bar = duc.getByRole('region', { name: 'Cán bộ đang đăng nhập' })
    await expect.poll(() => bar.textContent()).toContain('Hoàng Minh Đức')
    await expect.poll(() => bar.textContent()).toContain('Công an phường Hoàn Kiếm')
    await shot(duc, 'portal')
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor'])
      .where('subject', '=', 'CB-0300')
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'officers.officer.created',
      'officers.session.started',
      'officers.password.changed',
      'officers.enrolment.confirmed',
      'officers.session.started',
    ])
    expect(audit[0]?.actor).toBe('CB-0001')

    // The administrator suspends the officer from their page, after a confirmation: the officer is out.
    await page.getByRole('link', { name: 'Xem tài khoản' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('CB-0300')
    await page.getByRole('button', { name: 'Đình chỉ' }).click()
    const dialog = page.getByRole('dialog', { name: 'Đình chỉ cán bộ CB-0300?' })
    await expect.poll(() => dialog.count()).toBe(1)
    await shot(page, 'confirm-suspend')
    await dialog.getByRole('button', { name: 'Đình chỉ' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Đã đình chỉ cán bộ CB-0300')
    await shot(page, 'officer')
    await duc.reload()
    await duc.waitForURL(/\/officer\/login$/)
    await context.close()
    await page.context().close()
  }, 120_000)

  test('an administrator adds a unit, and a refused one says which rule it broke', async () => {
    const page = await adminPage()
    await page.goto(`${base}/officer/admin/units`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Đơn vị')
    await page.getByLabel(/^Mã đơn vị/).fill('CAX-001-CUA-NAM')
    await page.getByLabel(/^Tên đơn vị/).fill('Công an phường Cửa Nam')
    // A commune without a parent unit: the server's rule, in Vietnamese.
    await page.getByRole('combobox', { name: /^Tỉnh/ }).click()
    await page.getByRole('option', { name: 'Hà Nội (001)' }).click()
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click()
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('phải thuộc một đơn vị cấp tỉnh')
    await page.getByRole('combobox', { name: /^Đơn vị cấp trên/ }).click()
    await page.getByRole('option', { name: /\(PC06-001\)/ }).click()
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Đã thêm đơn vị CAX-001-CUA-NAM')
    await expect.poll(() => page.getByRole('table').textContent()).toContain('Công an phường Cửa Nam')
    await shot(page, 'units')
    await page.context().close()
  }, 120_000)
})
