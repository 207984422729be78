import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { lastSmsCode } from '../../server/src/modules/accounts/accounts.test-support.js'
import {
  AN,
  BINH,
  type OidcTest,
  PASSWORD,
  startOidcTest,
} from '../../server/src/modules/oidc/oidc.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { tryLoginVi } from '../src/i18n/tryLogin.vi.js'
import { violationsAtPhoneWidth } from './axe.support.js'
import { openCitizenContext } from './citizen.support.js'

const SLOW = { timeout: 240_000 }
const CLIENT = 'Ứng dụng thử của An'
const CALLBACK = () => `${t.issuer}/developers/try/callback`

let t: OidcTest
let browser: Browser
beforeAll(async () => {
  // A sandbox on a real port (the page talks to the provider's endpoints), with An (level 2) and Bình (level 1).
  t = await startOidcTest({ OIDC_SANDBOX: 'true' })
  // Cookies and token lifetimes are the server's clock: the browser's own time.
  t.clock.set(new Date())
  if (browserAvailable) browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const main = (page: Page) => page.getByRole('main')
const accessible = async (page: Page) => {
  const found = await violationsAtPhoneWidth(page)
  expect(JSON.stringify(found)).toBe('[]')
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/developers-try-${name}.png`, fullPage: true })

/**
 * Bình through the provider's own pages: ID number and password, then the new device's SMS code and consent
 * when they are asked (a consent given before is remembered), until the provider sends her back.
 */
const binhLogsIn = async (page: Page) => {
  await page.waitForURL(/\/oidc\/interaction\//).catch(async (e) => {
    await shot(page, 'stuck')
    throw e
  })
  await page.getByLabel(/^Số định danh cá nhân/).fill(BINH)
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  t.clock.advance(1000)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  const code = page.getByLabel('Mã xác thực')
  const consent = page.getByRole('button', { name: 'Đồng ý chia sẻ' })
  const done = new Set<string>()
  for (let i = 0; i < 300 && !page.url().startsWith(CALLBACK()); i++) {
    if (!done.has('code') && (await code.isVisible())) {
      done.add('code')
      await code.fill(await lastSmsCode(t.db, 'otp.login_new_device'))
      await page.getByRole('button', { name: 'Xác nhận' }).click()
    } else if (!done.has('consent') && (await consent.isVisible())) {
      done.add('consent')
      await consent.click()
    } else await page.waitForTimeout(100)
  }
  await page.waitForURL(CALLBACK())
}

describe.skipIf(!browserAvailable)('try a login from the developer console (sandbox)', () => {
  test(
    'a developer registers a test client, logs a demo citizen in with it and sees the decoded claims',
    SLOW,
    async () => {
      const context = await openCitizenContext(browser, t, t.issuer, { username: AN, password: PASSWORD })
      const page = await context.newPage()
      await page.goto(`${t.issuer}/developers`)
      await page.getByLabel(/^Tên ứng dụng thử nghiệm/).fill(CLIENT)
      await page.getByRole('button', { name: 'Tạo ứng dụng thử nghiệm' }).click()
      const panel = page.getByRole('region', { name: 'Thông tin xác thực của ứng dụng' })
      const secret = (await panel.getByTestId('Khóa bí mật (client_secret)').textContent()) ?? ''
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)

      await page.getByRole('link', { name: tryLoginVi.card.try.replace('{{name}}', CLIENT) }).click()
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(tryLoginVi.page.title)
      await expect.poll(() => main(page).textContent()).toContain('/developers/try/callback')
      await expect.poll(() => main(page).textContent()).toContain('079095001234')
      await page.getByLabel(/^Khóa bí mật/).fill(secret)
      await shot(page, '1-form')
      await accessible(page)
      await page.getByRole('button', { name: tryLoginVi.page.submit }).click()

      await binhLogsIn(page)
      await expect
        .poll(() => main(page).textContent(), { timeout: 60_000 })
        .toContain('Đăng nhập thành công: Trần Thị Bình')
      const text = (await main(page).textContent()) ?? ''
      expect(text).toContain(tryLoginVi.result.signatureValid)
      expect(text).toContain('urn:dinhdanh:loa:1')
      expect(text).toContain('Mức độ tài khoản đã xác thực: Mức độ 1')
      expect(text).toContain('mật khẩu, mã một lần (SMS)')
      expect(text).not.toContain(tryLoginVi.result.notPassed)
      expect(JSON.parse((await page.getByTestId('try-id-token-header').textContent()) ?? '')).toMatchObject({
        alg: 'ES256',
      })
      expect(JSON.parse((await page.getByTestId('try-userinfo').textContent()) ?? '')).toMatchObject({
        name: 'Trần Thị Bình',
        birthdate: '1990-08-02',
      })
      expect(text).toContain('600 giây')
      // The code left the address bar at once, and a reload cannot replay it.
      expect(page.url()).toBe(`${t.issuer}/developers/try/callback`)
      await shot(page, '2-result')
      await accessible(page)
      await page.reload()
      await expect
        .poll(() => main(page).textContent())
        .toContain(tryLoginVi.callback.local.no_login_in_progress)
      await context.close()
    },
  )

  test("a wrong secret shows the token endpoint's error and its description", SLOW, async () => {
    // The pages' own security policy stays on: the token request must pass connect-src 'self'.
    const context = await openCitizenContext(
      browser,
      t,
      t.issuer,
      { username: AN, password: PASSWORD },
      { bypassCSP: false },
    )
    const page = await context.newPage()
    await page.goto(`${t.issuer}/developers/try`)
    await page.getByLabel(/^Khóa bí mật/).fill('not-the-secret')
    await page.getByRole('button', { name: tryLoginVi.page.submit }).click()
    await binhLogsIn(page)
    await expect
      .poll(() => main(page).textContent(), { timeout: 60_000 })
      .toContain(tryLoginVi.callback.step.token)
    expect(await page.getByTestId('try-error').textContent()).toContain('error=invalid_client')
    await shot(page, '3-error')
    await context.close()
  })
})
