import type { Browser, BrowserContext } from 'playwright-core'
import type { OfficerSession } from '../../server/src/modules/officers/officers.test-support.js'

/** Hands a logged-in officer's cookies to a browser context, as if the officer had logged in there. */
export const giveOfficerCookies = (context: BrowserContext, session: OfficerSession, base: string) =>
  context.addCookies(
    Object.entries(session.cookies).map(([name, value]) => ({
      name,
      value,
      url: base,
      sameSite: 'Strict' as const,
      httpOnly: name === 'dd_officer',
    })),
  )

/** A desktop-width browser context in Vietnamese, logged in as the officer; bypassCSP lets axe inject its script. */
export const openOfficerContext = async (browser: Browser, session: OfficerSession, base: string) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })
  await giveOfficerCookies(context, session, base)
  await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
  return context
}
