import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../../../../web/e2e/axe.support.js'
import { browserAvailable, launchBrowser } from '../../test/browser.js'
import { lastSmsCode } from '../accounts/accounts.test-support.js'
import {
  AN,
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
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(() => browser?.close())

/** A browser tab whose visits to the relying party's callback are answered here (nobody listens there). */
const openTab = async (opts: { bypassCSP: boolean }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    bypassCSP: opts.bypassCSP,
  })
  const page = await context.newPage()
  await page.route(`${CALLBACK}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: 'ok' }),
  )
  return page
}

/** Through the real pages by their labels: ID number and password, the SMS code, then consent. */
const logInThrough = async (page: Page, check: (name: string) => Promise<void> = async () => {}) => {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Đăng nhập')
  await check('login')
  await page.getByLabel(/^Số định danh cá nhân/).fill(AN)
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  // The clock is frozen: a second of its own makes the SMS code sent now the newest one.
  t.clock.advance(1000)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByLabel('Mã xác thực').waitFor()
  await check('code')
  await page.getByLabel('Mã xác thực').fill(await lastSmsCode(t.db, 'otp.login_new_device'))
  await page.getByRole('button', { name: 'Xác nhận' }).click()
  await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).waitFor()
  await check('consent')
  await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()
  await page.waitForURL(`${CALLBACK}**`)
  return new URL(page.url())
}

describe.skipIf(!browserAvailable)('the login and consent pages in a browser', () => {
  test('a citizen gets through them under their own security policy, back to the relying party with a code', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config)
    const page = await openTab({ bypassCSP: false })
    await page.goto(req.url.href)
    const callback = await logInThrough(page)
    const tokens = await exchange(config, callback, req)
    expect(tokens.claims()?.acr).toBe('urn:dinhdanh:loa:2')
    await page.context().close()
  })

  test('they have no serious accessibility violations, in Vietnamese and in English', async () => {
    const { config } = await givenRelyingParty(t)
    const page = await openTab({ bypassCSP: true })
    await page.goto((await authorizationRequest(config)).url.href)
    await logInThrough(page, async (name) => {
      expect([name, await seriousViolations(page)]).toEqual([name, []])
    })
    const english = await openTab({ bypassCSP: true })
    await english.goto((await authorizationRequest(config)).url.href)
    await english.getByRole('link', { name: 'English' }).click()
    await expect.poll(() => english.getByRole('heading', { level: 1 }).textContent()).toContain('Log in')
    expect(await seriousViolations(english)).toEqual([])
    await page.context().close()
    await english.context().close()
  })
})
