import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { lastSmsCode } from '../../server/src/modules/accounts/accounts.test-support.js'
import { DEMO_PORTAL, registerDemoClients } from '../../server/src/modules/oidc/index.js'
import {
  AN,
  type OidcTest,
  PASSWORD,
  startOidcTest,
} from '../../server/src/modules/oidc/oidc.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { seriousViolations } from '../../web/e2e/axe.support.js'
import { BANK, PORTAL, type RelyingParty } from './relying-parties.js'
import { type RelyingPartyServer, startRelyingParty } from './server.js'

let t: OidcTest
let browser: Browser
let portal: RelyingPartyServer
let bank: RelyingPartyServer
beforeAll(async () => {
  t = await startOidcTest()
  const start = (rp: RelyingParty) =>
    startRelyingParty(rp, {
      issuer: new URL(t.issuer),
      portalSecret: DEMO_PORTAL.secret,
      origin: new URL('http://127.0.0.1'),
      host: '127.0.0.1',
      port: 0,
    })
  portal = await start(PORTAL)
  bank = await start(BANK)
  await registerDemoClients(t.deps, { portal: portal.url.origin, bank: bank.url.origin })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await portal?.close()
  await bank?.close()
  await t?.close()
})

const openTab = async (opts: { bypassCSP: boolean }) =>
  (await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: opts.bypassCSP })).newPage()

/** From a demo's home page through the provider's pages (login and SMS code when asked, consent) back. */
const logInAt = async (page: Page, rp: RelyingPartyServer) => {
  await page.goto(rp.url.href)
  await page.getByRole('link', { name: /^Đăng nhập bằng tài khoản định danh điện tử/ }).click()
  const consent = page.getByRole('button', { name: 'Đồng ý chia sẻ' })
  const idField = page.getByLabel(/^Số định danh cá nhân/)
  await Promise.race([consent.waitFor(), idField.waitFor()])
  if (await idField.isVisible()) {
    await idField.fill(AN)
    await page.getByLabel('Mật khẩu').fill(PASSWORD)
    // The clock is frozen: a second of its own makes the SMS code sent now the newest one.
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await page.getByLabel('Mã xác thực').waitFor()
    await page.getByLabel('Mã xác thực').fill(await lastSmsCode(t.db, 'otp.login_new_device'))
    await page.getByRole('button', { name: 'Xác nhận' }).click()
  }
  await consent.click()
  await page.waitForURL(`${rp.url.origin}/`)
}

describe.skipIf(!browserAvailable)('the demo relying parties in a browser', () => {
  test('a citizen logs in to the portal and out again under the pages’ own security policies', async () => {
    const page = await openTab({ bypassCSP: false })
    await logInAt(page, portal)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Nguyễn Văn An')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Mức độ 2')
    await page.getByRole('button', { name: /^Đăng xuất/ }).click()
    await page.getByRole('button', { name: 'Có, đăng xuất' }).click()
    await page.waitForURL(`${portal.url.origin}/logged-out`)
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Bạn đã đăng xuất')
    await page.context().close()
  }, 90_000)

  test('their pages have no serious accessibility violations', async () => {
    const page = await openTab({ bypassCSP: true })
    await page.goto(portal.url.href)
    expect(['portal home', await seriousViolations(page)]).toEqual(['portal home', []])
    await logInAt(page, bank)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Xin chào')
    expect(['bank account', await seriousViolations(page)]).toEqual(['bank account', []])
    await page.goto(new URL('/callback?code=x&state=y', bank.url).href)
    expect(['bank refusal', await seriousViolations(page)]).toEqual(['bank refusal', []])
    await page.context().close()
    // Two logins and three axe runs on a loaded 2-core machine.
  }, 90_000)
})
