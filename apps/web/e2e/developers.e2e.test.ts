import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { testBrowser } from '../../server/src/modules/accounts/session.test-support.js'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { ONBOARDING } from '../../server/src/modules/oidc/onboarding.errors.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { developersVi } from '../src/i18n/developers.vi.js'
import { violationsAtPhoneWidth } from './axe.support.js'
import { openOfficerContext } from './officer.support.js'

// Nguyễn Văn An of the demo registry: a level-2 account, applying for his organisation.
const AN = { personalId: '079095001234', phone: '+84912345678' }
const PASSWORD = 'Hanoi@2026x'
const SERVICE = 'Cổng Dịch vụ công tỉnh Thử Nghiệm'
const SLOW = { timeout: 240_000 }

let t: TestContext
let browser: Browser
let base: string
let recorder: OfficerSession
let approver: OfficerSession

beforeAll(async () => {
  t = await startTestApp()
  // The agreement's date is checked against the server's today: the same day as the browser's.
  t.clock.set(new Date())
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
  await givenAccount(t.db, {
    subjectId: AN.personalId,
    level: 2,
    phone: AN.phone,
    password: PASSWORD,
    at: now,
  })
  recorder = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  approver = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

/** A browser context in Vietnamese holding An's citizen-app session (logged in through the real routes). */
const citizenContext = async (): Promise<BrowserContext> => {
  const b = testBrowser(t.app)
  t.clock.advance(1000)
  const first = await b.call('POST', '/api/v1/auth/login', { username: AN.personalId, password: PASSWORD })
  const sms = await t.db
    .selectFrom('platform_outbox')
    .select('body')
    .where('template', '=', 'otp.login_new_device')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow()
  await b.call('POST', '/api/v1/auth/login/verify', {
    challengeId: first.json().challengeId,
    code: /\b(\d{6})\b/.exec(sms.body)?.[1],
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })
  await context.addCookies(
    Object.entries(b.jar).map(([name, value]) => ({ name, value, url: base, httpOnly: name !== 'dd_csrf' })),
  )
  await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
  return context
}

const main = (page: Page) => page.getByRole('main')
// At phone width, as the other pages are checked (at desktop width the header's brand link fails
// label-content-name-mismatch on every page: AppLayout, not these pages).
const accessible = async (page: Page) => expect(await violationsAtPhoneWidth(page)).toEqual([])
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/developers-${name}.png`, fullPage: true })

test('every error code of the onboarding routes has a Vietnamese sentence in the console', () => {
  const codes = Object.values(ONBOARDING).map((e) => e.code.replaceAll('.', '_'))
  expect(codes.filter((c) => !Object.hasOwn(developersVi.errors, c))).toEqual([])
})

describe.skipIf(!browserAvailable)('relying-party onboarding in Chromium (D69 Art 18)', () => {
  test(
    'a citizen applies for an organisation, two officers appraise it, the credentials are shown once',
    SLOW,
    async () => {
      const citizen = await citizenContext()
      const page = await citizen.newPage()
      await page.goto(`${base}/developers`)
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Cổng nhà phát triển')
      await page.getByLabel(/^Tên tổ chức/).fill('Văn phòng UBND tỉnh Thử Nghiệm')
      await page.getByLabel(/^Mã số thuế/).fill('0101234567')
      await page.getByLabel(/^Họ và tên người liên hệ/).fill('Trần Văn Kỹ')
      await page.getByLabel(/^Thư điện tử/).fill('ky.tran@example.gov.vn')
      await page.getByLabel(/^Số điện thoại/).fill('0912345678')
      await page.getByLabel(/^Tên dịch vụ/).fill(SERVICE)
      await page.getByLabel(/^Mục đích sử dụng dữ liệu/).fill('Xác định người nộp hồ sơ trực tuyến')
      await page.getByLabel(/^Địa chỉ chuyển hướng/).fill('https://dichvucong.example.gov.vn/cb')
      // The portal lets parents and guardians sign in for their children and wards.
      await page.getByLabel(/^Cho phép người đại diện đăng nhập thay cho người phụ thuộc/).check()
      await page.screenshot({ path: '/tmp/h-apply-allow-dependents.png', fullPage: true })
      // A system below security level 3 is refused with the stable code's sentence.
      await page.getByLabel(/^Cấp độ an toàn hệ thống thông tin/).selectOption('2')
      await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click()
      await expect
        .poll(() => main(page).textContent())
        .toContain(developersVi.errors.onboarding_SECURITY_LEVEL_TOO_LOW)
      await page.getByLabel(/^Cấp độ an toàn hệ thống thông tin/).selectOption('3')
      await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click()
      await expect.poll(() => main(page).textContent()).toContain('Đã nộp hồ sơ')
      await expect.poll(() => main(page).textContent()).toContain(SERVICE)
      await shot(page, '1-applied')
      await accessible(page)

      // The first officer records the signed agreement from the queue.
      const first = await openOfficerContext(browser, recorder, base)
      const queue = await first.newPage()
      await queue.goto(`${base}/officer/relying-parties`)
      await queue.getByRole('link', { name: SERVICE }).click()
      await expect
        .poll(() => main(queue).textContent())
        .toContain('Có: cha, mẹ, người giám hộ được đăng nhập thay')
      await queue.screenshot({ path: '/tmp/h-officer-rp-dependents.png', fullPage: true })
      await queue.getByLabel(/^Số thỏa thuận/).fill('15/2026/TT-C06')
      await queue.getByLabel(/^Ngày ký/).fill(vietnamDateOf(new Date()))
      await queue.getByRole('button', { name: 'Ghi nhận thỏa thuận' }).click()
      await expect.poll(() => main(queue).textContent()).toContain('Đang thẩm định')
      // Four eyes: the officer who recorded it is not offered the approval.
      expect(await queue.getByRole('button', { name: 'Phê duyệt và kết nối' }).count()).toBe(0)
      await shot(queue, '2-agreement')
      await accessible(queue)

      // The second officer approves: the client is registered.
      const second = await openOfficerContext(browser, approver, base)
      const decide = await second.newPage()
      await decide.goto(queue.url())
      await decide.getByRole('button', { name: 'Phê duyệt và kết nối' }).click()
      await expect.poll(() => main(decide).textContent()).toContain('Đã phê duyệt')
      await expect.poll(() => main(decide).textContent()).toContain('rp_')
      const registered = await t.db
        .selectFrom('oidc_client')
        .select('allow_dependents')
        .where('name', '=', SERVICE)
        .executeTakeFirstOrThrow()
      expect(registered.allow_dependents).toBe(true)

      // Later the management agency stops signing in for dependents there: only with a written reason.
      const stop = decide.getByRole('button', { name: 'Tắt đăng nhập thay người phụ thuộc' })
      await stop.click()
      await expect.poll(() => main(decide).textContent()).toContain(developersVi.errors.oidc_REASON_REQUIRED)
      await decide.getByLabel(/^Lý do/).fill('Trường chưa bổ sung quy trình xác minh phụ huynh')
      await stop.click()
      await expect.poll(() => main(decide).textContent()).toContain('Ứng dụng hiện tại: Không')
      expect(await main(decide).textContent()).toContain('Hồ sơ đề nghị: Có')
      const stopped = await t.db
        .selectFrom('oidc_client')
        .select('allow_dependents')
        .where('name', '=', SERVICE)
        .executeTakeFirstOrThrow()
      expect(stopped.allow_dependents).toBe(false)
      expect(
        await decide.getByRole('button', { name: 'Cho phép đăng nhập thay người phụ thuộc' }).count(),
      ).toBe(1)
      await shot(decide, '2b-dependents-stopped')
      await accessible(decide)

      // The applicant sees the secret once.
      await page.reload()
      await page.getByRole('button', { name: 'Xem thông tin xác thực' }).click()
      const panel = page.getByRole('region', { name: 'Thông tin xác thực của ứng dụng' })
      await expect.poll(() => panel.textContent()).toContain('chỉ hiển thị một lần')
      const secret = await panel.getByTestId('Khóa bí mật (client_secret)').textContent()
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(await panel.getByRole('button', { name: /^Sao chép/ }).count()).toBe(4)
      await shot(page, '3-credentials')
      await accessible(page)
      await panel.getByRole('button', { name: 'Tôi đã lưu, đóng lại' }).click()
      expect(await page.getByRole('button', { name: 'Xem thông tin xác thực' }).count()).toBe(0)
      await citizen.close()
      await first.close()
      await second.close()
    },
  )
})
