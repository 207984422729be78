import * as client from 'openid-client'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../../../../web/e2e/axe.support.js'
import { browserAvailable, launchBrowser } from '../../test/browser.js'
import {
  AN,
  authorizationRequest,
  CALLBACK,
  exchange,
  givenRelyingParty,
  logIn,
  type OidcTest,
  startOidcTest,
  testAgent,
} from './oidc.test-support.js'

const LOGGED_OUT = `${CALLBACK}/logged-out`

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

/** A browser tab already logged in at the provider (the login pages have their own browser test). */
const loggedInTab = async (opts: { bypassCSP: boolean }) => {
  const rp = await givenRelyingParty(t, { postLogoutRedirectUris: [LOGGED_OUT] })
  const agent = testAgent()
  const req = await authorizationRequest(rp.config)
  const tokens = await exchange(rp.config, (await logIn(t, agent, req.url, { username: AN })).callback, req)
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    bypassCSP: opts.bypassCSP,
  })
  await context.addCookies([...agent.jar].map(([name, value]) => ({ name, value, url: t.issuer })))
  const page = await context.newPage()
  await page.route(`${CALLBACK}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: 'ok' }),
  )
  const url = client.buildEndSessionUrl(rp.config, {
    id_token_hint: tokens.id_token ?? '',
    post_logout_redirect_uri: LOGGED_OUT,
    state: 'browser-logout',
  })
  return { page, url }
}

describe.skipIf(!browserAvailable)('the logout page in a browser', () => {
  test('Yes works without a script under the page security policy and returns to the relying party', async () => {
    const { page, url } = await loggedInTab({ bypassCSP: false })
    await page.goto(url.href)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Đăng xuất khỏi')
    await page.getByRole('button', { name: 'Có, đăng xuất' }).click()
    await page.waitForURL(`${LOGGED_OUT}**`)
    expect(new URL(page.url()).searchParams.get('state')).toBe('browser-logout')
    await page.context().close()
  })

  test('it has no serious accessibility violations, in Vietnamese and in English', async () => {
    const { page, url } = await loggedInTab({ bypassCSP: true })
    await page.goto(url.href)
    await page.getByRole('button', { name: 'Có, đăng xuất' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('link', { name: 'English' }).click()
    await page.getByRole('button', { name: 'Yes, log out' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.context().close()
  })
})
