import type { Browser, BrowserContext } from 'playwright-core'
import { lastSmsCode } from '../../server/src/modules/accounts/accounts.test-support.js'
import { testBrowser } from '../../server/src/modules/accounts/session.test-support.js'
import type { TestContext } from '../../server/src/test/harness.js'

/**
 * A desktop-width browser context in Vietnamese holding a citizen-app session, logged in through the real
 * routes (password, then the new device's SMS code). bypassCSP lets axe inject its script; a test of the
 * pages' own policy turns it off.
 */
export const openCitizenContext = async (
  browser: Browser,
  t: TestContext,
  base: string,
  who: { username: string; password: string },
  opts: { bypassCSP?: boolean } = {},
): Promise<BrowserContext> => {
  const b = testBrowser(t.app)
  // The clock is frozen: a second of its own makes the SMS code sent now the newest one.
  t.clock.advance(1000)
  const first = await b.call('POST', '/api/v1/auth/login', who)
  await b.call('POST', '/api/v1/auth/login/verify', {
    challengeId: first.json().challengeId,
    code: await lastSmsCode(t.db, 'otp.login_new_device'),
  })
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: opts.bypassCSP ?? true,
  })
  await context.addCookies(
    Object.entries(b.jar).map(([name, value]) => ({ name, value, url: base, httpOnly: name !== 'dd_csrf' })),
  )
  await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
  return context
}
