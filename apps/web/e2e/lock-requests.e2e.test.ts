import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ACCOUNTS } from '../../server/src/modules/accounts/accounts.errors.js'
import { givenAccount } from '../../server/src/modules/accounts/accounts.test-support.js'
import { LOCK_REQUESTS } from '../../server/src/modules/lock-requests/lock-requests.errors.js'
import { OFFICERS } from '../../server/src/modules/officers/officers.errors.js'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { PLATFORM } from '../../server/src/platform/errors.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { lockRequestsVi } from '../src/i18n/lockRequests.vi.js'
import { violationsAtPhoneWidth } from './axe.support.js'
import { openOfficerContext } from './officer.support.js'

const HOLDER = { personalId: '001190012345', phone: '+84912000777' }
const LETTER = {
  authority: 'Cơ quan Cảnh sát điều tra, Công an thành phố Hà Nội',
  number: '123/CSĐT-PC02',
  note: 'Phục vụ điều tra vụ án',
}
const SLOW = { timeout: 30_000 }

let t: TestContext
let browser: Browser
let base: string
let receiver: OfficerSession
let approver: OfficerSession

// A day as the form takes it (DD/MM/YYYY), `days` after today in Hà Nội.
const dayInVietnam = (days: number) => {
  const at = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(at.getUTCDate())}/${pad(at.getUTCMonth() + 1)}/${at.getUTCFullYear()}`
}

beforeAll(async () => {
  t = await startTestApp()
  // The form checks dates against the browser's today: the server's clock shows the same day.
  t.clock.set(new Date())
  await givenAccount(t.db, { subjectId: HOLDER.personalId, phone: HOLDER.phone, at: t.clock.now() })
  receiver = await officerSession(t, { roles: ['receiving_officer'] })
  approver = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const officerContext = (officer: OfficerSession) => openOfficerContext(browser, officer, base)

const main = (page: Page) => page.getByRole('main')
/** No serious or critical WCAG violations (axe-core), at phone width like the other pages. */
const accessible = async (page: Page) => expect(await violationsAtPhoneWidth(page)).toEqual([])
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/lock-requests-${name}.png`, fullPage: true })

test('every error code the lock request routes answer with has a Vietnamese and an English sentence', () => {
  const codes = [
    ...Object.values(LOCK_REQUESTS),
    ACCOUNTS.NOT_FOUND,
    ACCOUNTS.ACCOUNT_CLOSED,
    ACCOUNTS.ALREADY_LOCKED_BY_AUTHORITY,
    ACCOUNTS.NOT_LOCKED_BY_AUTHORITY,
    OFFICERS.FOUR_EYES_REQUIRED,
    OFFICERS.OUTSIDE_JURISDICTION,
    OFFICERS.PERMISSION_DENIED,
    OFFICERS.SESSION_REQUIRED,
    OFFICERS.CSRF_INVALID,
    PLATFORM.VALIDATION,
  ].map((e) => e.code.replaceAll('.', '_'))
  // The English file has the Vietnamese one's keys by its type (Translation), so Vietnamese is enough here.
  expect(codes.filter((c) => !Object.hasOwn(lockRequestsVi.errors, c))).toEqual([])
})

describe.skipIf(!browserAvailable)('an authority lock request in Chromium (D69 Art 29-30)', () => {
  let requestUrl = ''

  test('a receiving officer records the letter, with field checks in Vietnamese, and forwards it from the list', async () => {
    const context = await officerContext(receiver)
    const page = await context.newPage()
    await page.goto(`${base}/officer/lock-requests/new`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Ghi nhận yêu cầu khoá/mở khoá tài khoản')
    const menu = page.getByRole('navigation', { name: 'Chức năng cán bộ' })
    await expect
      .poll(() => menu.getByRole('link', { name: 'Ghi nhận yêu cầu khoá' }).getAttribute('aria-current'))
      .toBe('page')
    expect(await menu.getByRole('link', { name: 'Hàng chờ quyết định khoá' }).count()).toBe(0)

    // Every field is checked before anything is sent.
    const submit = page.getByRole('button', { name: 'Ghi nhận yêu cầu', exact: true })
    await submit.click()
    await expect.poll(() => main(page).textContent()).toContain('Nhập số định danh của chủ tài khoản.')
    await expect.poll(() => main(page).textContent()).toContain('Nhập ngày ghi trên văn bản.')
    await page.getByLabel(/^Số định danh của chủ tài khoản/).fill('12345')
    await page.getByLabel(/^Khoá đến hết ngày/).fill(dayInVietnam(-3))
    await page.getByLabel(/^Ngày văn bản/).fill('31/02/2026')
    await submit.click()
    await expect.poll(() => main(page).textContent()).toContain('Số định danh cá nhân gồm đúng 12 chữ số')
    await expect.poll(() => main(page).textContent()).toContain('Ngày hết hạn khoá phải sau hôm nay.')
    await expect.poll(() => main(page).textContent()).toContain('Ngày không hợp lệ')
    await shot(page, '1-form-errors')
    await accessible(page)

    // The ground follows the kind; only a lock has an end date.
    const ground = page.getByTestId('ground')
    await page.getByRole('radio', { name: 'Mở khoá tài khoản', exact: true }).check()
    await expect.poll(() => ground.textContent()).toContain('đề nghị mở khoá')
    expect(await page.getByLabel(/^Khoá đến hết ngày/).count()).toBe(0)
    await page.getByRole('radio', { name: 'Khoá tài khoản', exact: true }).check()
    await expect.poll(() => ground.textContent()).toContain('Điều 34 khoản 1 điểm e')

    await page.getByLabel(/^Số định danh của chủ tài khoản/).fill(HOLDER.personalId)
    await page.getByLabel(/^Cơ quan yêu cầu/).fill(LETTER.authority)
    await page.getByLabel(/^Số văn bản/).fill(LETTER.number)
    await page.getByLabel(/^Ngày văn bản/).fill(dayInVietnam(-1))
    await page.getByLabel(/^Khoá đến hết ngày/).fill(dayInVietnam(90))
    await page.getByLabel(/^Ghi chú/).fill(LETTER.note)
    await shot(page, '2-form')
    await submit.click()

    // The request page: recorded, to be forwarded within a working day.
    await page.waitForURL(/\/officer\/lock-requests\/requests\/[0-9a-f-]{36}$/, SLOW)
    requestUrl = page.url()
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Chờ chuyển')
    await expect.poll(() => main(page).textContent()).toContain(LETTER.authority)
    await expect.poll(() => main(page).textContent()).toContain(dayInVietnam(90))
    await expect.poll(() => page.locator('[data-action="lock_requests.request.recorded"]').count()).toBe(1)
    await expect
      .poll(() => page.getByRole('button', { name: 'Chuyển lên cơ quan quyết định' }).count())
      .toBe(1)
    await shot(page, '3-recorded')
    await accessible(page)

    // The unit's list: newest first, a forward button on what is still to forward.
    await menu.getByRole('link', { name: 'Yêu cầu khoá đã ghi nhận' }).click()
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Yêu cầu khoá/mở khoá đã ghi nhận')
    await expect.poll(() => page.getByRole('link', { name: LETTER.number }).count()).toBe(1)
    await expect.poll(() => main(page).textContent()).toContain('Hạn chuyển')
    await accessible(page)
    await page.getByRole('button', { name: `Chuyển yêu cầu theo văn bản ${LETTER.number}` }).click()
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`Đã chuyển yêu cầu theo văn bản ${LETTER.number}`)
    await expect.poll(() => page.locator('[data-state]').first().textContent()).toBe('Chờ quyết định')
    expect(await page.getByRole('button', { name: /^Chuyển yêu cầu/ }).count()).toBe(0)
    await shot(page, '4-recorded-list')
    await context.close()
  }, 180_000)

  test('a central approver opens the queue, checks the refusal needs reasons, approves: carried out', async () => {
    const context = await officerContext(approver)
    const page = await context.newPage()
    await page.goto(`${base}/officer/lock-requests/queue`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Hàng chờ quyết định khoá/mở khoá')
    const row = page.getByRole('link', { name: LETTER.number })
    await expect.poll(() => row.count()).toBe(1)
    await expect.poll(() => main(page).textContent()).toContain('Hạn quyết định')
    await shot(page, '5-queue')
    await accessible(page)
    await row.click()
    await page.waitForURL(requestUrl)
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Chờ quyết định')

    // A refusal without written reasons goes nowhere.
    await page.getByRole('button', { name: 'Từ chối', exact: true }).click()
    await expect.poll(() => main(page).textContent()).toContain('Nêu lý do từ chối (ít nhất 10 ký tự).')
    await accessible(page)

    // Approving asks first, saying what will happen to whom and until when.
    await page.getByRole('button', { name: 'Phê duyệt', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Xác nhận phê duyệt' })
    await expect.poll(() => dialog.textContent()).toContain(HOLDER.personalId)
    await expect.poll(() => dialog.textContent()).toContain(`đến hết ngày ${dayInVietnam(90)}`)
    await shot(page, '6-confirm')
    await accessible(page)
    await dialog.getByRole('button', { name: 'Xác nhận phê duyệt' }).click()
    await expect.poll(() => page.locator('[data-state]').textContent(), SLOW).toBe('Đã thực hiện')
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain(`Tài khoản đã bị khoá theo yêu cầu đến hết ngày ${dayInVietnam(90)}`)
    await expect
      .poll(() => page.locator('[data-action="accounts.account.locked"]').textContent())
      .toContain('Tài khoản bị khoá')
    expect(await page.getByRole('button', { name: 'Phê duyệt', exact: true }).count()).toBe(0)
    await shot(page, '7-carried-out')
    await accessible(page)
    await context.close()

    const account = await t.db
      .selectFrom('accounts_account')
      .select('status')
      .where('subject_id', '=', HOLDER.personalId)
      .executeTakeFirstOrThrow()
    expect(account.status).toBe('locked')
    const sms = await fetch(`${base}/dev/outbox?recipient=${encodeURIComponent(HOLDER.phone)}&channel=sms`)
    const bodies = ((await sms.json()) as { messages: { body: string }[] }).messages.map((m) => m.body)
    expect(bodies.join('\n')).toContain(`den het ngay ${dayInVietnam(90)}`)
  }, 120_000)
})
