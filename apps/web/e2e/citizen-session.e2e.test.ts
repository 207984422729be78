import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { officerSession } from '../../server/src/modules/officers/officers.test-support.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { latestSmsCode, smsTo } from './outbox.support.js'

// Nguyễn Văn An of the demo registry, with an active account (as after activation).
const AN = { personalId: '079095001234', grouped: '079 095 001 234' }
const PASSWORD = 'Hanoi@2026x'
const PHONE_E164 = '+84912345678'
const OFFICER = 'CB-0042'
// Kim Min Jun of the demo immigration data, with an active foreigner account.
const KIM = { foreignerId: 'NN0000000001', phone: '0912000111', phoneE164: '+84912000111' }

let t: TestContext
let browser: Browser
let base: string

beforeAll(async () => {
  t = await startTestApp()
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
  await givenAccount(t.db, { subjectId: AN.personalId, phone: PHONE_E164, password: PASSWORD, at: now })
  await givenAccount(t.db, { subjectId: KIM.foreignerId, phone: KIM.phoneE164, password: PASSWORD, at: now })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const open = async (path: string, lang: 'vi' | 'en' = 'vi'): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  await page.addInitScript((l) => localStorage.setItem('dinhdanh.language', l), lang)
  await page.goto(`${base}${path}`)
  return page
}

const main = (page: Page) => page.getByRole('main')
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/citizen2-${name}.png`, fullPage: true })

/** The SMS sent to An's phone, newest first (the development outbox stands for the phone). */
const smsBodies = async () => (await smsTo(base, PHONE_E164)).map((m) => m.body)
const latestCode = () => latestSmsCode(base, PHONE_E164)

const fillLogin = async (page: Page, password = PASSWORD) => {
  await page.getByLabel(/^Số định danh cá nhân/).fill(AN.personalId)
  await page.getByLabel(/^Mật khẩu/).fill(password)
}

/** Logs in from the login page; a new device is asked for the code sent by SMS. */
const logIn = async (page: Page) => {
  await fillLogin(page)
  // The clock is frozen: a second of its own makes the code sent now the newest message.
  t.clock.advance(1000)
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await expect
    .poll(async () => (page.url().endsWith('/app/home') ? 'home' : await main(page).textContent()))
    .toMatch(/home|Xác nhận thiết bị mới/)
  if (page.url().endsWith('/app/home')) return
  await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(await latestCode())
  await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click()
  await page.waitForURL(/\/app\/home$/)
}

describe.skipIf(!browserAvailable)('the citizen app after activation, in Chromium', () => {
  test('An logs in, sees his card and an officer’s lookup, locks his account and unlocks it', async () => {
    const page = await open('/app')
    await shot(page, 'landing')
    await page.getByRole('link', { name: 'Đăng nhập', exact: true }).click()
    await page.waitForURL(/\/app\/login$/)

    // The fields tell password managers and phones what they hold.
    expect(await page.getByLabel(/^Số định danh cá nhân/).getAttribute('autocomplete')).toBe('username')
    expect(await page.getByLabel(/^Số định danh cá nhân/).getAttribute('inputmode')).toBe('numeric')
    expect(await page.getByLabel(/^Mật khẩu/).getAttribute('autocomplete')).toBe('current-password')

    // A wrong password: the same Vietnamese answer as an unknown number.
    await fillLogin(page, 'Sai@2026x')
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Số định danh hoặc mật khẩu không đúng.')
    await shot(page, 'login-wrong-password')

    // A new device: the password, then the code sent to the registered phone.
    await fillLogin(page)
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await expect.poll(() => main(page).textContent()).toContain('Xác nhận thiết bị mới')
    const codeInput = page.getByRole('textbox', { name: /^Mã xác thực/ })
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code')
    await expect.poll(() => main(page).textContent()).toContain('+84 91*****78')
    await shot(page, 'login-code')
    await codeInput.fill(await latestCode())
    await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click()
    await page.waitForURL(/\/app\/home$/)

    const card = page.getByTestId('eid-card')
    await expect.poll(() => card.textContent()).toContain('Tài khoản định danh điện tử')
    await expect.poll(() => card.textContent()).toContain(AN.grouped)
    await expect.poll(() => card.textContent()).toContain('Mức 1')
    await expect.poll(() => card.textContent()).toContain('Đang hoạt động')
    await expect.poll(() => card.textContent()).toContain('+84 91*****78')
    await shot(page, 'home')

    // An officer reads An's record: An sees it in his history, with who and why.
    const officer = await officerSession(t, { roles: ['receiving_officer'], officerNumber: OFFICER })
    const read = await fetch(`${base}/api/v1/registry/persons/${AN.personalId}`, {
      headers: officer.headers,
    })
    expect(read.status).toBe(200)
    await page.getByRole('link', { name: /Lịch sử sử dụng/ }).click()
    await page.waitForURL(/\/app\/history$/)
    const newest = page.locator('li[data-action]').first()
    await expect.poll(() => newest.getAttribute('data-action')).toBe('registry.person.read')
    await expect.poll(() => newest.textContent()).toContain('Cán bộ tra cứu thông tin của bạn')
    await expect.poll(() => newest.textContent()).toContain(`Cán bộ ${OFFICER}`)
    await expect.poll(() => newest.textContent()).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/)
    const login = page.locator('li[data-action="accounts.session.started"]').first()
    await expect.poll(() => login.textContent()).toContain('Bạn')
    await shot(page, 'history')

    // Security: this device is listed; the lock asks for confirmation and says what it does.
    await page.getByRole('link', { name: /Về trang tài khoản/ }).click()
    await page.getByRole('link', { name: /Bảo mật/ }).click()
    await page.waitForURL(/\/app\/security$/)
    await expect.poll(() => page.locator('li[data-current="true"]').textContent()).toContain('Thiết bị này')
    await shot(page, 'security')
    await page.getByRole('button', { name: 'Khóa tài khoản', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('TK03')
    await expect.poll(() => dialog.textContent()).toContain('mật khẩu và mã xác thực')
    // Let the dialog's opening transition finish before the picture.
    await expect
      .poll(() => dialog.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).opacity))
      .toBe('1')
    await shot(page, 'lock-confirm')
    await dialog.getByRole('button', { name: 'Khóa tài khoản ngay' }).click()
    await page.waitForURL(/\/app\/locked$/)
    await expect.poll(() => main(page).textContent()).toContain('Tài khoản đã bị khóa')
    await shot(page, 'locked')

    // Every session ended: the logged-in pages send An to the login, which says the account is locked.
    await page.goto(`${base}/app/home`)
    await page.waitForURL(/\/app\/login$/)
    await fillLogin(page)
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    const alert = page.getByRole('alert').first()
    await expect.poll(() => alert.getAttribute('data-code')).toBe('accounts.ACCOUNT_LOCKED')
    await expect.poll(() => alert.textContent()).toContain('Tài khoản đang bị khóa')
    await shot(page, 'login-locked')

    // Unlock: the password, then the code sent by SMS.
    await alert.getByRole('link', { name: /Mở khóa tài khoản/ }).click()
    await page.waitForURL(/\/app\/unlock$/)
    await fillLogin(page)
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Nhập mã xác thực')
    await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(await latestCode())
    await page.getByRole('button', { name: 'Mở khóa', exact: true }).click()
    await expect.poll(() => main(page).textContent()).toContain('Tài khoản đã được mở khóa')
    await shot(page, 'unlocked')

    await page.getByRole('link', { name: 'Đăng nhập', exact: true }).click()
    await page.waitForURL(/\/app\/login$/)
    await logIn(page)
    await expect.poll(() => page.getByTestId('eid-card').textContent()).toContain('Đang hoạt động')

    // Logging out ends the session: the home page asks for a login again.
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.waitForURL(/\/app\/login$/)
    await page.goto(`${base}/app/history`)
    await page.waitForURL(/\/app\/login$/)
    await page.close()
  }, 120_000)

  test('a forgotten-password request with wrong data gets the same answer and sends no code', async () => {
    const page = await open('/app/login')
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click()
    await page.waitForURL(/\/app\/recover$/)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Số định danh cá nhân gồm đúng 12 chữ số.')

    const before = (await smsBodies()).length
    await page.getByLabel(/^Số định danh cá nhân/).fill(AN.personalId)
    await page.getByLabel(/^Số điện thoại/).fill('0912 345 678')
    await page.getByLabel(/^Họ và tên/).fill('Nguyễn Văn Ân')
    await page.getByLabel(/^Ngày sinh/).fill('15/05/1995')
    await page.getByLabel(/^Ngày cấp thẻ Căn cước/).fill('10/03/2021')
    await shot(page, 'recover-start')
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect
      .poll(() => main(page).textContent())
      .toContain('Mã xác thực đã được gửi (nếu thông tin đúng)')
    expect((await smsBodies()).length).toBe(before)

    // The new password gets the same live hints as at activation.
    await page.getByLabel(/^Mật khẩu mới/).fill('abc')
    await expect.poll(() => page.locator('[data-rule="length"]').getAttribute('data-met')).toBe('false')
    await expect.poll(() => page.locator('[data-rule="lower"]').getAttribute('data-met')).toBe('true')
    await shot(page, 'recover-finish')
    await page.close()
  }, 60_000)

  test('a foreigner proves a forgotten password with the passport, asked for once the NN number is typed', async () => {
    const page = await open('/app/recover')
    await expect.poll(() => page.getByLabel(/^Ngày cấp thẻ Căn cước/).count()).toBe(1)
    await page.getByLabel(/^Số định danh cá nhân/).fill('nn0000000001')
    await expect.poll(() => page.getByLabel(/^Ngày cấp thẻ Căn cước/).count()).toBe(0)
    await page.getByLabel(/^Số điện thoại/).fill(KIM.phone)
    await page.getByLabel(/^Họ và tên/).fill('Kim Min Jun')
    await page.getByLabel(/^Ngày sinh/).fill('07/07/1985')
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Chọn quốc tịch của bạn.')
    await page.getByLabel(/^Số hộ chiếu/).fill('m1234 5678')
    await page.getByLabel(/^Quốc tịch/).selectOption('KR')
    await shot(page, 'recover-foreigner')
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect
      .poll(() => main(page).textContent())
      .toContain('Mã xác thực đã được gửi (nếu thông tin đúng)')
    expect(await latestSmsCode(base, KIM.phoneE164)).toMatch(/^\d{6}$/)
    await page.close()
  }, 60_000)

  test('the login page speaks English too', async () => {
    const page = await open('/app/login', 'en')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect.poll(() => main(page).textContent()).toContain('A personal ID number has exactly 12 digits.')
    await page.close()
  })
})
