import * as client from 'openid-client'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  AN,
  authorizationRequest,
  exchange,
  givenRelyingParty,
  logIn as logInAtProvider,
  type OidcTest,
  PASSWORD,
  startOidcTest,
  testAgent,
} from '../../server/src/modules/oidc/oidc.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { seriousViolations } from './axe.support.js'
import { latestSmsCode } from './outbox.support.js'

const PHONE_E164 = '+84912345678'

let t: OidcTest
let browser: Browser

beforeAll(async () => {
  // The citizen app stays logged in while the provider's login page logs An in for the relying party.
  t = await startOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

/** An logs in to a hospital's portal through the provider, and the portal reads his profile. */
const givenConnectedHospital = async () => {
  const rp = await givenRelyingParty(t, {
    name: 'Bệnh viện Đa khoa Thử',
    purpose: 'Đăng ký khám bệnh trực tuyến',
    scopes: ['openid', 'profile', 'offline_access'],
  })
  const req = await authorizationRequest(rp.config, {
    scope: 'openid profile offline_access',
    prompt: 'consent',
  })
  const end = await logInAtProvider(t, testAgent(), req.url, { username: AN })
  const tokens = await exchange(rp.config, end.callback, req)
  await client.fetchUserInfo(rp.config, tokens.access_token, tokens.claims()?.sub ?? '')
  return { ...rp, tokens }
}

const main = (page: Page) => page.getByRole('main')

/** The citizen app's login, with the SMS code on this new browser. */
const logInToApp = async (page: Page) => {
  await page.goto(`${t.issuer}/app/login`)
  await page.getByLabel(/^Số định danh cá nhân/).fill(AN)
  await page.getByLabel(/^Mật khẩu/).fill(PASSWORD)
  t.clock.advance(1000)
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await expect
    .poll(async () => (page.url().endsWith('/app/home') ? 'home' : await main(page).textContent()))
    .toMatch(/home|Xác nhận thiết bị mới/)
  if (page.url().endsWith('/app/home')) return
  await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(await latestSmsCode(t.issuer, PHONE_E164))
  await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click()
  await page.waitForURL(/\/app\/home$/)
}

describe.skipIf(!browserAvailable)('connected services and the data-access log, in Chromium', () => {
  test('An sees the hospital he logged in to and what it read, disconnects it, and the portal loses access', async () => {
    const { creds, config, tokens } = await givenConnectedHospital()
    // bypassCSP: axe is injected as an inline script.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true })
    await logInToApp(page)

    // The data-access log: who, what in words, why, when in Vietnam time.
    await page.getByRole('link', { name: /Nhật ký truy cập dữ liệu/ }).click()
    await page.waitForURL(/\/app\/data-access$/)
    const log = page.getByRole('list', { name: 'Các lần chia sẻ dữ liệu' })
    await expect.poll(() => log.textContent()).toContain('Bệnh viện Đa khoa Thử')
    const entry = await log.textContent()
    expect(entry).toContain('Họ và tên, Ngày sinh, Giới tính')
    expect(entry).toContain('Đăng ký khám bệnh trực tuyến')
    // The frozen clock is 03:00 UTC on 23/11/2026: 10:00 in Vietnam.
    expect(entry).toMatch(/23\/11\/2026 1\d:\d\d/)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: '/tmp/data-access-log.png', fullPage: true })

    // Connected services: the hospital with its purpose and what it may read.
    await page.goto(`${t.issuer}/app/connections`)
    const list = page.getByRole('list', { name: 'Các dịch vụ đã liên kết' })
    await expect.poll(() => list.textContent()).toContain('Bệnh viện Đa khoa Thử')
    const item = list.locator(`[data-client="${creds.client_id}"]`)
    expect(await item.textContent()).toContain('Họ tên, ngày sinh, giới tính')
    expect(await item.textContent()).toContain('Đăng ký khám bệnh trực tuyến')
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: '/tmp/connections.png', fullPage: true })

    // Disconnecting asks first; cancelling changes nothing.
    await item.getByRole('button', { name: 'Hủy liên kết với Bệnh viện Đa khoa Thử' }).click()
    const dialog = page.getByRole('dialog', { name: 'Hủy liên kết với Bệnh viện Đa khoa Thử?' })
    await dialog.waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Không hủy' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(true)

    await item.getByRole('button', { name: 'Hủy liên kết với Bệnh viện Đa khoa Thử' }).click()
    await dialog.getByRole('button', { name: 'Hủy liên kết', exact: true }).click()
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Đã hủy liên kết với Bệnh viện Đa khoa Thử.')
    await expect.poll(() => main(page).textContent()).toContain('Bạn chưa liên kết với dịch vụ nào.')
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false)
    expect((await client.tokenIntrospection(config, tokens.refresh_token ?? '')).active).toBe(false)

    // In English too.
    await page.evaluate(() => localStorage.setItem('dinhdanh.language', 'en'))
    await page.reload()
    await expect.poll(() => main(page).textContent()).toContain('You are not connected to any service.')
    await page.close()
  }, 180_000)
})
