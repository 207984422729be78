import { createServer } from 'node:net'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { latestSmsCode } from './outbox.support.js'

// Nguyễn Văn An of the demo registry, with an active account (as after activation).
const AN = '079095001234'
const PASSWORD = 'Hanoi@2026x'
const PASSCODE = '739128'
const PHONE = '+84912345678'

let t: TestContext
let browser: Browser
let base: string

// Passkeys need a domain as relying-party ID: the app is published as localhost on a port known up front.
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

beforeAll(async () => {
  const port = await freePort()
  base = `http://localhost:${port}`
  t = await startTestApp({ PUBLIC_URL: base })
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
  await givenAccount(t.db, { subjectId: AN, phone: PHONE, password: PASSWORD, passcode: PASSCODE, at: now })
  await t.app.listen({ host: '127.0.0.1', port })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

/** Chromium's virtual authenticator: a platform authenticator that checks the user (as a fingerprint would). */
const withAuthenticator = async (page: Page): Promise<CDPSession> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  return cdp
}

const main = (page: Page) => page.getByRole('main')
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/passkeys-${name}.png`, fullPage: true })
const latestCode = () => latestSmsCode(base, PHONE)

describe.skipIf(!browserAvailable)('passkeys in the citizen app, in Chromium', () => {
  test('An adds a passkey, logs in with it alone, and confirms its removal with the passcode', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
    await withAuthenticator(page)

    // A password login on a new device, with the SMS code: a fresh two-factor session.
    await page.goto(`${base}/app/login`)
    await page.getByLabel(/^Số định danh cá nhân/).fill(AN)
    await page.getByLabel(/^Mật khẩu/).fill(PASSWORD)
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await expect.poll(() => main(page).textContent()).toContain('Xác nhận thiết bị mới')
    await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(await latestCode())
    await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click()
    await page.waitForURL(/\/app\/home$/)

    await page.goto(`${base}/app/security`)
    await expect.poll(() => main(page).textContent()).toContain('Bạn chưa có khóa truy cập nào.')
    await page.getByRole('button', { name: 'Thêm khóa truy cập', exact: true }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Đã thêm khóa truy cập')
    await expect.poll(() => page.locator('li[data-passkey]').count()).toBe(1)
    await shot(page, 'security')

    // Logged out, the passkey alone signs An in: no ID number, password or SMS code.
    await page.getByRole('link', { name: /Về trang tài khoản/ }).click()
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.waitForURL(/\/app\/login$/)
    await shot(page, 'login')
    await page.getByRole('button', { name: 'Đăng nhập bằng khóa truy cập' }).click()
    await page.waitForURL(/\/app\/home$/)
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()))
    expect(me).toMatchObject({ username: AN, methods: ['hwk', 'mfa'] })

    // Later in the session, removing the passkey asks An to confirm: a wrong passcode, then the right one.
    t.clock.advance(6 * 60_000)
    await page.goto(`${base}/app/security`)
    await page.getByRole('button', { name: /^Gỡ khóa truy cập/ }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('Xác nhận đó là bạn')
    await dialog.getByLabel(/^Mã passcode/).fill('111111')
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Mã passcode không đúng.')
    await dialog.getByLabel(/^Mã passcode/).fill(PASSCODE)
    await expect
      .poll(() => dialog.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).opacity))
      .toBe('1')
    await shot(page, 'step-up')
    await dialog.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await expect.poll(() => page.locator('li[data-passkey]').count()).toBe(0)
    await expect.poll(() => main(page).textContent()).toContain('Bạn chưa có khóa truy cập nào.')

    // The step-up still holds for a few minutes: a new passcode needs no second confirmation.
    await page.getByLabel(/^Mã passcode mới/).fill('520417')
    await page.getByRole('button', { name: 'Đổi mã passcode' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Đã đổi mã passcode.')
    await shot(page, 'credentials')
    await page.close()
  }, 120_000)
})
