import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../../../../web/e2e/axe.support.js'
import { browserAvailable, launchBrowser } from '../../test/browser.js'
import { lastSmsCode } from '../accounts/accounts.test-support.js'
import { CUONG, givenRepresentative } from './oidc.dependents.test-support.js'
import {
  authorizationRequest,
  CALLBACK,
  exchange,
  givenRelyingParty,
  PASSWORD,
  useOidcTest,
} from './oidc.test-support.js'

const t = useOidcTest()
let browser: Browser
beforeAll(async () => {
  await givenRepresentative(t)
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(() => browser?.close())

describe.skipIf(!browserAvailable)('signing in for a dependent in a browser', () => {
  test('a father chooses his son on the page, agrees for him, and the relying party gets the son with act', async () => {
    const { config } = await givenRelyingParty(t, { allowDependents: true })
    const req = await authorizationRequest(config)
    // Axe is injected, so this tab bypasses the page's policy (oidc.pages.browser.test.ts runs with it).
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    const page = await context.newPage()
    await page.route(`${CALLBACK}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: 'ok' }),
    )
    await page.goto(req.url.href)
    await page.getByLabel(/^Số định danh cá nhân/).fill(CUONG)
    await page.getByLabel('Mật khẩu').fill(PASSWORD)
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByLabel('Mã xác thực').fill(await lastSmsCode(t.db, 'otp.login_new_device'))
    await page.getByRole('button', { name: 'Xác nhận' }).click()

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Bạn đăng nhập cho ai?')
    // Oneself, the son and the ward.
    expect(await page.getByRole('radio').count()).toBe(3)
    expect(await page.getByRole('radio', { name: /Chính tôi/ }).isChecked()).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('radio', { name: /Lê Gia Bảo/ }).check()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()

    await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('thông tin của Lê Gia Bảo')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()
    await page.waitForURL(`${CALLBACK}**`)

    const tokens = await exchange(config, new URL(page.url()), req)
    expect(tokens.claims()?.act).toMatchObject({ relationship: 'parent' })
    await context.close()
  }, 120_000)
})
