import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { qrOf } from '../../server/src/modules/card-check/card-check.test-support.js'
import { createConnectors, integrateDocument } from '../../server/src/modules/documents/index.js'
import { seedDemoSources } from '../../server/src/modules/documents/sandbox.demo.js'
import { addClient } from '../../server/src/modules/oidc/index.js'
import {
  AN,
  type OidcTest,
  PASSWORD,
  startOidcTest,
} from '../../server/src/modules/oidc/oidc.test-support.js'
import { NOW } from '../../server/src/modules/registry/registry.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { seriousViolations } from './axe.support.js'
import { openCitizenContext } from './citizen.support.js'

// QR sharing end to end in Chromium (docs/sharing.md): An shares from /app/share, a verifier checks the code
// on the public /verify page, Cường (an officer with his own level-2 account) checks An's app.

const CUONG = '001088004321'
const VERIFIER = 'Ngân hàng Thử nghiệm — quầy giao dịch'
const SLOW = 240_000

let t: OidcTest
let browser: Browser
let verifier: { clientId: string; secret: string }
let citizenContext: BrowserContext
let verifierContext: BrowserContext
let citizenPage: Page
let verifierPage: Page

beforeAll(async () => {
  t = await startOidcTest()
  // The browser's clock is the real one: the server's (shares' 60 s, sessions) follows it.
  t.clock.set(new Date())
  await seedDemoSources(t.deps)
  await givenAccount(t.db, { subjectId: CUONG, level: 2, password: PASSWORD, phone: '+84912345679', at: NOW })
  await integrateDocument(
    t.deps,
    createConnectors(t.db),
    { kind: 'citizen' },
    {
      subjectId: AN,
      kind: 'driving_licence',
      number: '790219012345',
    },
  )
  const creds = await addClient(
    t.deps,
    { id: 'test', kind: 'system' },
    {
      name: VERIFIER,
      purpose: 'Xác minh khách hàng mở tài khoản tại quầy',
      redirectUris: ['http://localhost:9/callback'],
      clientCredentials: true,
    },
  )
  verifier = { clientId: creds.client_id, secret: creds.client_secret ?? '' }
  if (browserAvailable) {
    browser = await launchBrowser()
    citizenContext = await openCitizenContext(browser, t, t.issuer, { username: AN, password: PASSWORD })
    citizenPage = await citizenContext.newPage()
    // The verifier: no account, a phone-width screen, its own clock so that a QR can be made to age.
    verifierContext = await browser.newContext({ viewport: { width: 414, height: 900 }, bypassCSP: true })
    await verifierContext.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
    verifierPage = await verifierContext.newPage()
    await verifierPage.clock.install()
  }
}, SLOW)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/b2-${name}.png`, fullPage: true })

/** The QR text the citizen's page shows (also in "Mã dạng văn bản" for screen readers). */
const qrText = async (page: Page) => {
  await page.getByText('Mã dạng văn bản').click()
  const text = page.getByTestId('share-qr-text')
  await expect.poll(() => text.textContent()).toMatch(/^VN[SO]1:/)
  return ((await text.textContent()) ?? '').trim()
}

/** Pastes a code into /verify and waits for this check's answer (data-seq counts the checks made). */
const verify = async (text: string) => {
  const result = verifierPage.getByTestId('verify-result')
  const before = (await result.count()) > 0 ? Number(await result.getAttribute('data-seq')) : 0
  await verifierPage.getByLabel('Hoặc dán nội dung mã QR').fill(text)
  await verifierPage.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
  await expect.poll(async () => Number(await result.getAttribute('data-seq'))).toBeGreaterThan(before)
  return result
}

const startSharing = async (what: string, how: 'Trực tuyến' | 'Ngoại tuyến') => {
  await citizenPage.goto(`${t.issuer}/app/share`)
  await citizenPage.getByRole('radio', { name: what }).check()
  await citizenPage.getByRole('radio', { name: how }).check()
  await citizenPage.getByRole('button', { name: 'Tạo mã QR' }).click()
  await expect.poll(() => citizenPage.getByTestId('share-countdown').textContent()).toMatch(/Còn \d+ giây/)
}

describe.skipIf(!browserAvailable)('sharing by QR, from the citizen app to the public verifier page', () => {
  test(
    'online: An shares name and birth date, a registered verifier redeems it, An sees who scanned',
    async () => {
      await citizenPage.goto(`${t.issuer}/app/home`)
      const link = citizenPage.getByRole('link', { name: /Chia sẻ thông tin qua QR/ })
      await link.waitFor()
      await shot(citizenPage, 'home')
      await link.click()
      await citizenPage.waitForURL(/\/app\/share$/)
      expect(await seriousViolations(citizenPage)).toEqual([])
      await shot(citizenPage, 'share-choose')
      await startSharing('Họ tên và ngày sinh', 'Trực tuyến')
      const qr = await qrText(citizenPage)
      expect(qr).toMatch(/^VNS1:[A-Z2-7]{26}$/)
      expect(await citizenPage.getByRole('img', { name: /Mã QR chia sẻ/ }).count()).toBe(1)
      expect(await seriousViolations(citizenPage)).toEqual([])
      await shot(citizenPage, 'share-online-qr')

      await verifierPage.goto(`${t.issuer}/verify`)
      // Without a verifier account, an online code cannot be redeemed: the page says what is missing.
      const missing = await verify(qr)
      expect(await missing.textContent()).toContain('cần tài khoản bên xác minh')
      await verifierPage.getByLabel('Mã ứng dụng (client_id)').fill(verifier.clientId)
      await verifierPage.getByLabel('Khóa bí mật (client_secret)').fill(verifier.secret)
      await verifierPage.getByRole('button', { name: 'Lưu cho phiên này' }).click()
      const result = await verify(qr)
      await expect.poll(() => result.textContent()).toContain('Hợp lệ')
      const text = (await result.textContent()) ?? ''
      expect(text).toContain('Họ và tên')
      expect(text).toContain('Ngày sinh')
      expect(text).not.toContain('Số định danh cá nhân')
      expect(await seriousViolations(verifierPage)).toEqual([])
      await shot(verifierPage, 'verify-online-valid')

      await expect
        .poll(() => citizenPage.getByRole('status').allTextContents(), { timeout: 20_000 })
        .toContainEqual(expect.stringContaining(`Đã được quét bởi ${VERIFIER}`))
      await shot(citizenPage, 'share-online-scanned')

      // The same code again: used once already.
      const again = await verify(qr)
      await expect.poll(() => again.textContent()).toContain('Không hợp lệ')
      expect(await again.textContent()).toContain('sharing.TOKEN_USED')
    },
    SLOW,
  )

  test(
    'offline: the card data verified in the browser, then refused as replayed, tampered and expired',
    async () => {
      await startSharing('Thông tin thẻ căn cước', 'Ngoại tuyến')
      const qr = await qrText(citizenPage)
      expect(qr).toMatch(/^VNO1:/)
      await shot(citizenPage, 'share-offline-qr')

      await verifierPage.goto(`${t.issuer}/verify`)
      const result = await verify(qr)
      await expect.poll(() => result.textContent()).toContain('Hợp lệ')
      const text = (await result.textContent()) ?? ''
      expect(text).toContain(AN)
      expect(text).toContain('Số định danh cá nhân')
      expect(text).toMatch(/Đã kiểm tra (ngoại tuyến|bằng khóa công khai)/)
      // The credential's status list was fetched and read: not revoked.
      expect(text).toContain('Chưa bị thu hồi')
      await shot(verifierPage, 'verify-offline-valid')

      const replayed = await verify(qr)
      await expect.poll(() => replayed.textContent()).toContain('Không hợp lệ')
      expect(await replayed.textContent()).toContain('vn-share.REPLAYED')
      await shot(verifierPage, 'verify-offline-replayed')

      // One character of the signed data changed.
      const at = qr.length - 20
      const tampered = qr.slice(0, at) + (qr[at] === 'A' ? 'B' : 'A') + qr.slice(at + 1)
      const refused = await verify(tampered)
      await expect.poll(() => refused.textContent()).toContain('Không hợp lệ')
      expect(await refused.textContent()).toMatch(
        /vn-share\.(SIGNATURE_INVALID|DEVICE_SIGNATURE_INVALID|MALFORMED)/,
      )

      // A fresh code, scanned 61 seconds after it was made.
      await citizenPage.getByRole('button', { name: 'Tạo mã mới' }).click()
      await expect.poll(() => qrText(citizenPage)).not.toBe(qr)
      const fresh = await qrText(citizenPage)
      await verifierPage.clock.fastForward(61_000)
      const expired = await verify(fresh)
      await expect.poll(() => expired.textContent()).toContain('Không hợp lệ')
      expect(await expired.textContent()).toContain('vn-share.EXPIRED')
      await shot(verifierPage, 'verify-offline-expired')
    },
    SLOW,
  )

  test(
    'a printed card QR is read on the page and checked against the registry with the verifier account',
    async () => {
      const card = await qrOf(t, AN)
      const result = await verify(card)
      await expect.poll(() => result.textContent()).toContain('Đã đọc mã QR của thẻ')
      await expect.poll(() => result.textContent()).toContain('Thẻ khớp với cơ sở dữ liệu')
      expect(await seriousViolations(verifierPage)).toEqual([])
      await shot(verifierPage, 'verify-card')
    },
    SLOW,
  )

  test(
    'the verifier page in English: a card QR read without a verifier account, which the page says it needs',
    async () => {
      const context = await browser.newContext({ viewport: { width: 414, height: 900 }, bypassCSP: true })
      await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'en'))
      const page = await context.newPage()
      await page.goto(`${t.issuer}/verify`)
      await page.getByLabel('Or paste the QR code text').fill(await qrOf(t, AN))
      await page.getByRole('button', { name: 'Verify', exact: true }).click()
      const result = page.getByTestId('verify-result')
      await expect.poll(() => result.textContent()).toContain('ID card QR code read')
      const text = (await result.textContent()) ?? ''
      expect(text).toContain('Personal ID number')
      expect(text).toContain('Enter your verifier credentials below to check.')
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, 'verify-card-en')
      await context.close()
    },
    SLOW,
  )

  test(
    'Dispatch 1101: Cường, with his own level-2 account, checks An’s app and sees her documents',
    async () => {
      await startSharing('Xác thực ứng dụng với cán bộ', 'Trực tuyến')
      const qr = await qrText(citizenPage)
      const officer = await openCitizenContext(browser, t, t.issuer, { username: CUONG, password: PASSWORD })
      const page = await officer.newPage()
      await page.goto(`${t.issuer}/app/home`)
      await page.getByRole('link', { name: /Kiểm tra ứng dụng VNeID của công dân/ }).click()
      await page.getByLabel('Hoặc dán nội dung mã').fill(qr)
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Ứng dụng hợp lệ')
      const main = (await page.getByRole('main').textContent()) ?? ''
      expect(main).toContain(AN)
      expect(main).toContain('Giấy phép lái xe')
      expect(main).toContain('790219012345')
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, 'check-app-genuine')
      await expect
        .poll(() => citizenPage.getByRole('status').allTextContents(), { timeout: 20_000 })
        .toContainEqual(expect.stringContaining('Đã được quét bởi'))

      // The same code a second time: refused, with the reason.
      await page.getByRole('button', { name: 'Kiểm tra mã khác' }).click()
      await page.getByLabel('Hoặc dán nội dung mã').fill(qr)
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toContain('Không xác nhận được ứng dụng')
      await shot(page, 'check-app-refused')
      await officer.close()
    },
    SLOW,
  )
})
