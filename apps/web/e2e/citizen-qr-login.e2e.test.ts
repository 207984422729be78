import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { lastSmsCode } from '../../server/src/modules/accounts/accounts.test-support.js'
import {
  AN,
  authorizationRequest,
  CALLBACK,
  exchange,
  givenRelyingParty,
  type OidcTest,
  PASSWORD,
  startOidcTest,
} from '../../server/src/modules/oidc/oidc.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { seriousViolations } from './axe.support.js'

let t: OidcTest
let browser: Browser
beforeAll(async () => {
  t = await startOidcTest()
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

// axe is injected as a script: these tabs bypass the pages' CSP (the CSP itself is the oidc tests' concern).
const newTab = async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true })
  await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
  const page = await context.newPage()
  await page.route(`${CALLBACK}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: 'ok' }),
  )
  return page
}
const main = (page: Page) => page.getByRole('main')
const noSeriousViolations = async (page: Page, name: string) =>
  expect([name, await seriousViolations(page)]).toEqual([name, []])

describe.skipIf(!browserAvailable)('login on a website by a QR code approved in the citizen app', () => {
  test('An allows it, types the code shown on the login page in the app, approves, and the website logs her in', async () => {
    // The phone: the citizen app, logged in with the password and the SMS code.
    const phone = await newTab()
    await phone.goto(`${t.issuer}/app/login`)
    await phone.getByLabel(/^Số định danh cá nhân/).fill(AN)
    await phone.getByLabel(/^Mật khẩu/).fill(PASSWORD)
    t.clock.advance(1000)
    await phone.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await expect.poll(() => main(phone).textContent()).toContain('Xác nhận thiết bị mới')
    await phone
      .getByRole('textbox', { name: /^Mã xác thực/ })
      .fill(await lastSmsCode(t.db, 'otp.login_new_device'))
    await phone.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click()
    await phone.waitForURL(/\/app\/home$/)

    // Off by default; a fresh two-factor login counts as the step-up that turning it on needs.
    await phone.goto(`${t.issuer}/app/security`)
    const setting = phone.getByRole('switch', { name: 'Cho phép đăng nhập trên web bằng mã QR' })
    await expect.poll(() => setting.isChecked()).toBe(false)
    await setting.click({ force: true })
    await expect.poll(() => phone.getByRole('status').first().textContent()).toContain('Đã bật')
    await noSeriousViolations(phone, 'security')

    // The computer: the relying party's login page, then "log in by QR code".
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config)
    const computer = await newTab()
    await computer.goto(req.url.href)
    await noSeriousViolations(computer, 'login page')
    await computer.getByRole('button', { name: 'Quét mã QR bằng ứng dụng' }).click()
    await expect.poll(() => computer.getByRole('heading', { level: 1 }).textContent()).toContain('Quét mã')
    await expect.poll(() => computer.getByRole('img', { name: 'Mã QR đăng nhập' }).count()).toBe(1)
    await noSeriousViolations(computer, 'qr page')
    const code = (await computer.locator('strong.code').textContent()) ?? ''
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/)

    // Pressed too early: still waiting.
    await computer.getByRole('button', { name: 'Tôi đã xác nhận trên ứng dụng' }).click()
    await expect.poll(() => computer.getByRole('alert').textContent()).toContain('Chưa có xác nhận')

    // The phone: home, "scan to log in", the typed code, who asks, approve.
    await phone.goto(`${t.issuer}/app/home`)
    await phone.getByRole('link', { name: /Quét mã đăng nhập/ }).click()
    await phone.waitForURL(/\/app\/scan-login$/)
    await noSeriousViolations(phone, 'scan page')
    await phone.getByRole('textbox', { name: /^Mã đăng nhập/ }).fill(code)
    await phone.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect
      .poll(() => main(phone).textContent())
      .toContain('Cổng Dịch vụ công thử nghiệm đề nghị đăng nhập bằng tài khoản của bạn')
    await noSeriousViolations(phone, 'review')
    await phone.getByRole('button', { name: 'Đồng ý đăng nhập' }).click()
    await expect.poll(() => phone.getByRole('status').first().textContent()).toContain('Đã đồng ý')

    // The computer goes on: consent, then back to the relying party with a code.
    await computer.getByRole('button', { name: 'Tôi đã xác nhận trên ứng dụng' }).click()
    await computer.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()
    await computer.waitForURL(`${CALLBACK}**`)
    const tokens = await exchange(config, new URL(computer.url()), req)
    expect(tokens.claims()).toMatchObject({ acr: 'urn:dinhdanh:loa:2', amr: ['mca', 'otp'] })
    await phone.context().close()
    await computer.context().close()
  }, 240_000)
})
