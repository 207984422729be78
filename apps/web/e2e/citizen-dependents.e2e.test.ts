import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { givenPortrait } from '../../server/src/modules/biometrics/biometrics.test-support.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { seriousViolations } from './axe.support.js'

// Trần Thị Bình of the demo registry, mother of Lê Gia Bảo, with an active level-2 account.
const BINH = '001190012345'
const BAO = { personalId: '001216006789', fullName: 'Lê Gia Bảo', dob: '09/04/2016' }
const PASSWORD = 'Hanoi@2026x'
const PHONE_E164 = '+84912000345'
const NEW_PHONE = { typed: '0987 654 321', e164: '+84987654321' }
// A 2×2 PNG stands for the registry's portrait of Bảo.
const PORTRAIT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4UREARAwQCgAtrgZBSJ9wGQAAAABJRU5ErkJggg==',
  'base64',
)

let t: TestContext
let browser: Browser
let base: string

beforeAll(async () => {
  t = await startTestApp()
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
  await givenAccount(t.db, { subjectId: BINH, level: 2, phone: PHONE_E164, password: PASSWORD, at: now })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const main = (page: Page) => page.getByRole('main')
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/citizen-dependents-${name}.png`, fullPage: true })

/** The newest 6-digit code sent by SMS to a number (the outbox stands for the phone). */
const latestCodeTo = async (recipient: string) => {
  const row = await t.db
    .selectFrom('platform_outbox')
    .select('body')
    .where('recipient', '=', recipient)
    .where('channel', '=', 'sms')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  const code = row ? /\b(\d{6})\b/.exec(row.body)?.[1] : undefined
  expect(code).toBeDefined()
  return code as string
}

/** Bình logs in on a new browser page (a new device: the code goes by SMS to her phone). */
const logIn = async (phone: string) => {
  // bypassCSP: axe is injected as an inline script on the dependent's page.
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true })
  await page.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
  await page.goto(`${base}/app/login`)
  await page.getByLabel(/^Số định danh cá nhân/).fill(BINH)
  await page.getByLabel(/^Mật khẩu/).fill(PASSWORD)
  t.clock.advance(1000)
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await expect.poll(() => main(page).textContent()).toContain('Xác nhận thiết bị mới')
  await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(await latestCodeTo(phone))
  await page.getByRole('button', { name: 'Xác nhận và đăng nhập' }).click()
  await page.waitForURL(/\/app\/home$/)
  return page
}

/** The audit actions recorded under one person for acts of a representative. */
const actsUnder = async (subject: string) =>
  (
    await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor'])
      .where('subject', '=', subject)
      .where('action', 'like', 'accounts.dependent.%')
      .orderBy('seq')
      .execute()
  ).map((e) => `${e.action} by ${e.actor}`)

describe.skipIf(!browserAvailable)('dependents and the phone change, in Chromium', () => {
  test('Bình registers her son Bảo, sees him listed, then moves her account to a new phone', async () => {
    const page = await logIn(PHONE_E164)

    // Dependents: none yet; the form registers Bảo with the data of the registry.
    await page.getByRole('link', { name: /Người phụ thuộc/ }).click()
    await page.waitForURL(/\/app\/dependents$/)
    await expect.poll(() => main(page).textContent()).toContain('Bạn chưa đăng ký người phụ thuộc nào.')
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click()
    await expect.poll(() => main(page).textContent()).toContain('Ngày sinh không hợp lệ.')
    await page.getByLabel(/^Số định danh cá nhân/).fill(BAO.personalId)
    await page.getByLabel(/^Họ và tên/).fill(BAO.fullName)
    await page.getByLabel(/^Ngày sinh/).fill(BAO.dob)
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Đã tạo tài khoản mức 1 cho con (Lê Gia Bảo), dùng số điện thoại của bạn')
    const bao = page.locator(`li[data-personal-id="${BAO.personalId}"]`)
    await expect.poll(() => bao.textContent()).toContain(BAO.fullName)
    await expect.poll(() => bao.textContent()).toContain('Con')
    await expect.poll(() => bao.textContent()).toContain('Nghị định 69/2024/NĐ-CP')
    await expect.poll(() => bao.textContent()).toContain('Tài khoản mức 1, chưa kích hoạt')
    await shot(page, 'registered')

    // A second registration of Bảo is refused, in words.
    await page.getByLabel(/^Số định danh cá nhân/).fill(BAO.personalId)
    await page.getByLabel(/^Họ và tên/).fill(BAO.fullName)
    await page.getByLabel(/^Ngày sinh/).fill(BAO.dob)
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click()
    const alert = page.getByRole('alert').first()
    await expect.poll(() => alert.getAttribute('data-code')).toBe('accounts.DEPENDENT_ALREADY_REGISTERED')

    // The phone: a code to each number, both needed.
    await page.getByRole('link', { name: /Về trang tài khoản/ }).click()
    await page.getByRole('link', { name: /Bảo mật/ }).click()
    await page.waitForURL(/\/app\/security$/)
    await page.getByLabel(/^Số điện thoại mới/).fill(NEW_PHONE.typed)
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    const current = page.getByRole('textbox', { name: /^Mã gửi đến số hiện tại/ })
    const next = page.getByRole('textbox', { name: /^Mã gửi đến số mới/ })
    await expect.poll(() => current.count()).toBe(1)
    expect(await current.getAttribute('autocomplete')).toBe('one-time-code')
    expect(await next.getAttribute('autocomplete')).toBe('one-time-code')
    const currentCode = await latestCodeTo(PHONE_E164)
    const newCode = await latestCodeTo(NEW_PHONE.e164)
    // Swapped codes are refused.
    await current.fill(newCode)
    await next.fill(currentCode)
    await page.getByRole('button', { name: 'Xác nhận đổi số' }).click()
    await expect
      .poll(() => page.getByRole('alert').first().getAttribute('data-code'))
      .toBe('authn.OTP_INVALID')
    await current.fill(currentCode)
    await next.fill(newCode)
    await shot(page, 'phone-codes')
    await page.getByRole('button', { name: 'Xác nhận đổi số' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Đã đổi số điện thoại')
    await shot(page, 'phone-changed')
    const account = await t.db
      .selectFrom('accounts_account')
      .select('phone')
      .where('subject_id', '=', BINH)
      .executeTakeFirstOrThrow()
    expect(account.phone).toBe(NEW_PHONE.e164)
    await page.close()
  }, 120_000)

  test("Bình views Bảo's card with his portrait, locks his account for him and unlocks it; each act is in both histories", async () => {
    await givenPortrait(t, BAO.personalId, PORTRAIT_PNG, 'image/png')
    const page = await logIn(NEW_PHONE.e164)
    await page.getByRole('link', { name: /Người phụ thuộc/ }).click()
    await page.getByRole('link', { name: `Xem và thao tác thay cho ${BAO.fullName}` }).click()
    await page.waitForURL(new RegExp(`/app/dependents/${BAO.personalId}$`))

    // The card: who he is, his account, the portrait on record.
    const card = page.getByTestId('dependent-card')
    await expect.poll(() => card.textContent()).toContain(BAO.fullName)
    expect(await card.textContent()).toContain('09/04/2016')
    expect(await card.textContent()).toContain('001 216 006 789')
    expect(await card.textContent()).toContain('Mức 1')
    expect(await card.textContent()).toContain('Chưa kích hoạt')
    const photo = page.getByRole('img', { name: `Ảnh chân dung của ${BAO.fullName}` })
    await expect
      .poll(() => photo.evaluate((img: { naturalWidth?: number }) => img.naturalWidth ?? 0))
      .toBeGreaterThan(0)
    expect(await main(page).textContent()).toContain('Con tự quản lý tài khoản từ ngày 09/04/2030')
    await expect.poll(() => page.getByTestId('dependent-history').count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'card')

    // Lock, after a confirmation that says what it does.
    await page.getByRole('button', { name: 'Khóa tài khoản', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('mẫu TK03')
    await shot(page, 'lock-confirm')
    await dialog.getByRole('button', { name: 'Khóa ngay' }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`Đã khóa tài khoản của ${BAO.fullName}.`)
    await expect.poll(() => card.textContent()).toContain('Đang bị khóa')
    await expect.poll(() => main(page).textContent()).toContain('Khóa do bạn đề nghị (mẫu TK03)')
    const history = page.getByTestId('dependent-history')
    await expect
      .poll(() => history.locator('li[data-action="accounts.dependent.account.locked"]').textContent())
      .toContain('Bạn')
    await shot(page, 'locked')
    const child = () =>
      t.db
        .selectFrom('accounts_account')
        .select('status')
        .where('subject_id', '=', BAO.personalId)
        .executeTakeFirstOrThrow()
    expect((await child()).status).toBe('locked')

    // Unlock: only the lock she asked for is lifted; the never-activated account is back to waiting.
    await page.getByRole('button', { name: 'Mở khóa tài khoản' }).click()
    await dialog.getByRole('button', { name: 'Mở khóa', exact: true }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`Đã mở khóa tài khoản của ${BAO.fullName}.`)
    await expect.poll(() => card.textContent()).toContain('Chưa kích hoạt')
    expect((await child()).status).toBe('approved')
    await shot(page, 'unlocked')

    // Under both of them, with Bình as the actor.
    const acts = [
      `accounts.dependent.card.read by ${BINH}`,
      `accounts.dependent.account.locked by ${BINH}`,
      `accounts.dependent.account.unlocked by ${BINH}`,
    ]
    for (const subject of [BAO.personalId, BINH]) {
      const recorded = await actsUnder(subject)
      for (const act of acts) expect(recorded).toContain(act)
    }
    await page.close()
  }, 120_000)
})
