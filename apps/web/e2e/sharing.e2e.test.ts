import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { givenPortrait } from '../../server/src/modules/biometrics/biometrics.test-support.js'
import { demoPortraits } from '../../server/src/modules/biometrics/index.js'
import { qrOf } from '../../server/src/modules/card-check/card-check.test-support.js'
import {
  changeSourceRecord,
  createConnectors,
  integrateDocument,
  syncDocuments,
} from '../../server/src/modules/documents/index.js'
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
  // An's portrait on record (a real face), for the officer's app check to show.
  const [anPortrait] = demoPortraits()
  if (anPortrait) await givenPortrait(t, AN, await anPortrait.image(), 'image/jpeg')
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
const verify = async (text: string, page = verifierPage) => {
  const result = page.getByTestId('verify-result')
  const before = (await result.count()) > 0 ? Number(await result.getAttribute('data-seq')) : 0
  await page.getByLabel('Hoặc dán nội dung mã QR').fill(text)
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
  await expect.poll(async () => Number(await result.getAttribute('data-seq'))).toBeGreaterThan(before)
  return result
}

const startSharing = async (what: string, how: 'Trực tuyến' | 'Ngoại tuyến', page = citizenPage) => {
  await page.goto(`${t.issuer}/app/share`)
  await page.getByRole('radio', { name: what }).check()
  await page.getByRole('radio', { name: how }).check()
  await page.getByRole('button', { name: 'Tạo mã QR' }).click()
  await expect.poll(() => page.getByTestId('share-countdown').textContent()).toMatch(/Còn \d+ giây/)
}

/** The texts of a page's status messages (role="status"). */
const statuses = (page: Page) => page.getByRole('status').allTextContents()

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
      expect(text).toContain('Công dân Việt Nam')
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
    'online: the 60-second countdown runs out, the code shows as expired, and the new code is redeemed',
    async () => {
      // The phone's own clock, to let the minute pass; the server's clock moves with it.
      const phone = await citizenContext.newPage()
      await phone.clock.install()
      await startSharing('Họ tên và ngày sinh', 'Trực tuyến', phone)
      const old = await qrText(phone)
      await phone.clock.fastForward(61_000)
      t.clock.advance(61_000)
      await expect.poll(() => statuses(phone)).toContainEqual(expect.stringContaining('Mã QR đã hết hạn'))
      expect(await phone.getByTestId('share-countdown').count()).toBe(0)
      expect(await phone.getByRole('img', { name: /Mã QR chia sẻ/ }).count()).toBe(0)
      expect(await seriousViolations(phone)).toEqual([])
      await shot(phone, 'share-online-expired')
      const late = await verify(old)
      await expect.poll(() => late.textContent()).toContain('sharing.TOKEN_EXPIRED')

      await phone.getByRole('button', { name: 'Tạo mã mới' }).click()
      await expect.poll(() => phone.getByTestId('share-countdown').textContent()).toMatch(/Còn (60|59) giây/)
      const fresh = await qrText(phone)
      expect(fresh).toMatch(/^VNS1:[A-Z2-7]{26}$/)
      expect(fresh).not.toBe(old)
      const result = await verify(fresh)
      await expect.poll(() => result.textContent()).toContain('Hợp lệ')
      await expect
        .poll(() => statuses(phone), { timeout: 20_000 })
        .toContainEqual(expect.stringContaining(`Đã được quét bởi ${VERIFIER}`))
      await shot(phone, 'share-online-renewed')
      await phone.close()
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
      // Dispatch 1101: the officer compares the portrait on record with the person in front of them.
      const portrait = page.getByRole('img', { name: 'Ảnh chân dung của Nguyễn Văn An trong cơ sở dữ liệu' })
      await expect
        .poll(() => portrait.evaluate((img: { naturalWidth?: number }) => img.naturalWidth ?? 0))
        .toBeGreaterThan(0)
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

  test(
    'revocation: the licence suspended at its source, its offline QR is refused once the status list is fetched again',
    async () => {
      // A phone and a verifier's scanner with clocks of their own, so that the verifier's status list can age.
      const phone = await citizenContext.newPage()
      await phone.clock.install()
      const scannerContext = await browser.newContext({
        viewport: { width: 414, height: 900 },
        bypassCSP: true,
      })
      await scannerContext.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
      const scanner = await scannerContext.newPage()
      await scanner.clock.install()
      await scanner.goto(`${t.issuer}/verify`)

      await startSharing('Giấy phép lái xe số 790219012345', 'Ngoại tuyến', phone)
      const first = await verify(await qrText(phone), scanner)
      await expect.poll(() => first.textContent()).toContain('Hợp lệ')
      expect(await first.textContent()).toContain('Chưa bị thu hồi')

      // The traffic police suspend the licence; the platform's sync revokes the credentials issued from it.
      await changeSourceRecord(
        t.db,
        'driving_licence',
        '790219012345',
        { status: 'suspended' },
        t.clock.now(),
      )
      await syncDocuments(t.deps, createConnectors(t.db))
      const revoked = await t.db
        .selectFrom('credentials_issued')
        .select('id')
        .where('subject_id', '=', AN)
        .where('format', '=', 'vn-compact')
        .where('revoked_at', 'is not', null)
        .execute()
      expect(revoked.length).toBeGreaterThan(0)

      // The phone shows the next credential of its batch; the scanner's list, fetched a moment ago, still
      // says valid: it is kept for its ttl (5 minutes).
      await phone.getByRole('button', { name: 'Tạo mã mới' }).click()
      const cached = await verify(await qrText(phone), scanner)
      await expect.poll(() => cached.textContent()).toContain('Hợp lệ')

      // Past the ttl the scanner fetches the list again: the credential is revoked.
      await phone.clock.fastForward(301_000)
      await scanner.clock.fastForward(301_000)
      await phone.getByRole('button', { name: 'Tạo mã mới' }).click()
      await expect.poll(() => phone.getByTestId('share-countdown').textContent()).toMatch(/Còn (60|59) giây/)
      const refused = await verify(await qrText(phone), scanner)
      await expect.poll(() => refused.textContent()).toContain('Không hợp lệ')
      expect(await refused.textContent()).toContain('vn-share.REVOKED')
      expect(await seriousViolations(scanner)).toEqual([])
      await shot(scanner, 'verify-offline-revoked')
      await scannerContext.close()
      await phone.close()
    },
    SLOW,
  )

  test(
    'a foreign resident: no card to share; name, date of birth and nationality online and offline; an officer sees the foreigner ID number',
    async () => {
      const KIM = 'NN0000000001'
      await givenAccount(t.db, {
        subjectId: KIM,
        level: 2,
        password: PASSWORD,
        phone: '+84700000001',
        at: NOW,
      })
      const kimContext = await openCitizenContext(browser, t, t.issuer, { username: KIM, password: PASSWORD })
      const phone = await kimContext.newPage()
      await phone.goto(`${t.issuer}/app/share`)
      await phone.getByRole('radio', { name: 'Họ tên, ngày sinh và quốc tịch' }).waitFor()
      expect(await phone.getByRole('radio', { name: 'Thông tin thẻ căn cước' }).count()).toBe(0)
      expect(await phone.getByRole('main').textContent()).toContain(
        'Thẻ căn cước chỉ cấp cho công dân Việt Nam',
      )
      expect(await seriousViolations(phone)).toEqual([])
      await shot(phone, 'share-foreigner-choose')

      // A verifier's scanner of its own (clock untouched), with the verifier's credentials for online codes.
      const scannerContext = await browser.newContext({
        viewport: { width: 414, height: 900 },
        bypassCSP: true,
      })
      await scannerContext.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
      const scanner = await scannerContext.newPage()
      await scanner.goto(`${t.issuer}/verify`)
      await scanner.getByLabel('Mã ứng dụng (client_id)').fill(verifier.clientId)
      await scanner.getByLabel('Khóa bí mật (client_secret)').fill(verifier.secret)
      await scanner.getByRole('button', { name: 'Lưu cho phiên này' }).click()

      await startSharing('Họ tên, ngày sinh và quốc tịch', 'Trực tuyến', phone)
      const online = await verify(await qrText(phone), scanner)
      await expect.poll(() => online.textContent()).toContain('Hợp lệ')
      expect(await online.textContent()).toContain('Kim Min Jun')
      expect(await online.textContent()).toContain('Quốc tịch')
      // The verifier is told the number is a foreigner ID, not a citizen's card number.
      expect(await online.textContent()).toContain('Người nước ngoài (số định danh của người nước ngoài')

      // Offline: the name whole and the birth date.
      await startSharing('Họ tên, ngày sinh và quốc tịch', 'Ngoại tuyến', phone)
      const offline = await verify(await qrText(phone), scanner)
      await expect.poll(() => offline.textContent()).toContain('Hợp lệ')
      expect(await offline.textContent()).toContain('Kim Min Jun')
      await shot(scanner, 'verify-foreigner-offline')
      await scannerContext.close()

      await startSharing('Xác thực ứng dụng với cán bộ', 'Trực tuyến', phone)
      const qr = await qrText(phone)
      const officer = await openCitizenContext(browser, t, t.issuer, { username: CUONG, password: PASSWORD })
      const page = await officer.newPage()
      await page.goto(`${t.issuer}/app/check-app`)
      await page.getByLabel('Hoặc dán nội dung mã').fill(qr)
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click()
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Ứng dụng hợp lệ')
      const main = (await page.getByRole('main').textContent()) ?? ''
      expect(main).toContain('Người nước ngoài cư trú tại Việt Nam')
      expect(main).toContain('Số định danh của người nước ngoài')
      expect(main).toContain(KIM)
      expect(main).toContain('(KR)')
      expect(main).not.toContain('Số định danh cá nhân')
      expect(await seriousViolations(page)).toEqual([])
      await shot(page, 'check-app-foreigner')
      await officer.close()
      await kimContext.close()
    },
    SLOW,
  )
})
