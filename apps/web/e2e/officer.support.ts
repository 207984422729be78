import type { BrowserContext } from 'playwright-core'
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
