import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../../../../web/e2e/axe.support.js'
import { browserAvailable, launchBrowser } from '../../test/browser.js'
import { SoftAuthenticator } from '../accounts/passkey.test-support.js'
import { givenPasskey, startPasskeyOidcTest } from './oidc.passkey.test-support.js'
import {
  AN,
  authorizationRequest,
  CALLBACK,
  exchange,
  givenRelyingParty,
  type OidcTest,
} from './oidc.test-support.js'

let t: OidcTest
let browser: Browser
const phone = new SoftAuthenticator()

beforeAll(async () => {
  t = await startPasskeyOidcTest()
  // An's passkey, added in the citizen app; its private key then goes into Chromium's virtual authenticator.
  await givenPasskey(t, AN, phone)
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const b64 = (s: string) => Buffer.from(s, 'base64url').toString('base64')

/** A tab with Chromium's virtual platform authenticator (CDP), holding An's passkey; the callback answered here. */
const tabWithPasskey = async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await page.route(`${CALLBACK}**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: 'ok' }),
  )
  const cdp = await context.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  const cred = phone.credentials[0]
  if (!cred) throw new Error('An has no passkey')
  await cdp.send('WebAuthn.addCredential', {
    authenticatorId,
    credential: {
      credentialId: cred.id.toString('base64'),
      isResidentCredential: true,
      rpId: cred.rpId,
      privateKey: cred.key.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      userHandle: b64(cred.userHandle),
      signCount: cred.counter,
    },
  })
  return page
}

const passkeyButton = (page: Page) => page.getByRole('button', { name: 'Đăng nhập bằng khóa truy cập' })

describe.skipIf(!browserAvailable)('passkey login on the provider’s login page, in Chromium', () => {
  test('An signs in with the passkey alone, under the page’s security policy, and the ID token says hwk+mfa', async () => {
    const { config } = await givenRelyingParty(t)
    const req = await authorizationRequest(config)
    const page = await tabWithPasskey()
    const refused: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text())
    })
    await page.goto(req.url.href)
    await passkeyButton(page).waitFor()
    await page.screenshot({ path: '/tmp/oidc-passkey-login.png', fullPage: true })
    await passkeyButton(page).click()
    await page.getByRole('button', { name: 'Đồng ý chia sẻ' }).click()
    await page.waitForURL(`${CALLBACK}**`)
    const tokens = await exchange(config, new URL(page.url()), req)
    expect(tokens.claims()).toMatchObject({ acr: 'urn:dinhdanh:loa:2', amr: ['hwk', 'mfa'] })
    expect(refused).toEqual([])
    await page.context().close()
  })

  test('the page with its passkey button has no serious accessibility violations', async () => {
    const { config } = await givenRelyingParty(t)
    // axe is injected as an inline script: only a tab that ignores the page's policy lets it in.
    const context = await browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await page.goto((await authorizationRequest(config)).url.href)
    await passkeyButton(page).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  test('in a browser without WebAuthn the button stays hidden and the password form is the way in', async () => {
    const { config } = await givenRelyingParty(t)
    const context = await browser.newContext()
    await context.addInitScript(() => {
      Reflect.deleteProperty(globalThis, 'PublicKeyCredential')
    })
    const page = await context.newPage()
    await page.goto((await authorizationRequest(config)).url.href)
    await page.getByLabel('Mật khẩu').waitFor()
    expect(await passkeyButton(page).isVisible()).toBe(false)
    await context.close()
  })
})
