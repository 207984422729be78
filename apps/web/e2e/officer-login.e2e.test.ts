import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type GivenOfficer, givenOfficer } from '../../server/src/modules/officers/officers.test-support.js'
import { totpAt } from '../../server/src/modules/officers/totp.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'

let t: TestContext
let browser: Browser
let base: string
let lan: GivenOfficer

beforeAll(async () => {
  t = await startTestApp()
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
  lan = await givenOfficer(t, {
    officerNumber: 'CB-0042',
    fullName: 'Trần Thị Lan',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
  })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const shot = (page: import('playwright-core').Page, name: string) =>
  page.screenshot({ path: `/tmp/officer-${name}.png`, fullPage: true })

describe.skipIf(!browserAvailable)('officer login in Chromium', () => {
  test('a logged-out officer is sent to the login, signs in with password and TOTP, and searches the registry', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
    await page.goto(`${base}/officer/persons/079095001234`)
    await page.waitForURL(/\/officer\/login$/)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Đăng nhập cán bộ')
    await shot(page, 'login')

    await page.getByLabel(/Số hiệu cán bộ/).fill('cb-0042')
    await page.getByLabel(/Mật khẩu/).fill(lan.password)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    const code = page.getByRole('textbox', { name: /^Mã xác thực/ })
    await expect.poll(() => code.count()).toBe(1)
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code')
    expect(await code.getAttribute('inputmode')).toBe('numeric')

    // A wrong code is refused; the right one, from the known secret at the server's frozen clock, opens.
    const right = totpAt(lan.secret, t.clock.now())
    await code.fill(right === '000000' ? '111111' : '000000')
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Mã xác thực không đúng')
    await code.fill(right)
    await shot(page, 'login-totp')
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()

    // Back where the officer was going, with who they are and their unit shown.
    await page.waitForURL(/\/officer\/persons\/079095001234$/)
    const bar = page.getByRole('region', { name: 'Cán bộ đang đăng nhập' })
    await expect.poll(() => bar.textContent()).toContain('Trần Thị Lan')
    await expect.poll(() => bar.textContent()).toContain('CB-0042')
    await expect.poll(() => bar.textContent()).toContain('Công an phường Ba Đình')
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Nguyễn Văn An')

    // A search by ID number from the search page, audited under the officer's number.
    await page.getByRole('link', { name: /Quay lại tra cứu/ }).click()
    await page.waitForURL(/\/officer\/search/)
    await page.getByText('Số định danh', { exact: true }).click()
    await page.getByRole('textbox', { name: /Số định danh cá nhân/ }).fill('001190012345')
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click()
    await page.waitForURL(/\/officer\/persons\/001190012345$/)
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Trần Thị Bình')
    await shot(page, 'person')
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .select(['actor', 'actor_kind'])
      .where('action', '=', 'registry.person.read')
      .where('subject', '=', '001190012345')
      .executeTakeFirstOrThrow()
    expect(audit).toEqual({ actor: 'CB-0042', actor_kind: 'officer' })

    // The officer changes their password: the current one, a new one by the house rules, a fresh code.
    await bar.getByRole('link', { name: 'Đổi mật khẩu' }).click()
    await page.waitForURL(/\/officer\/password$/)
    await page.getByLabel(/^Mật khẩu hiện tại/).fill(lan.password)
    await page.getByLabel(/^Mật khẩu mới/).fill('Lan@BaDinh2026')
    await page.getByLabel(/^Nhập lại mật khẩu mới/).fill('Lan@BaDinh2026')
    t.clock.advance(30_000)
    await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(totpAt(lan.secret, t.clock.now()))
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Đã đổi mật khẩu')
    await shot(page, 'password')

    // Logging out ends the session: the portal asks for the login again.
    await bar.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.waitForURL(/\/officer\/login$/)
    await page.goto(`${base}/officer/search`)
    await page.waitForURL(/\/officer\/login$/)
    await page.close()
  }, 60_000)
})
