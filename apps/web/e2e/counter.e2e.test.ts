import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fingersCapture } from '../../server/src/modules/biometrics/biometrics.test-support.js'
import { cropFace, PORTRAIT } from '../../server/src/modules/biometrics/face/face.samples.js'
import { givenRegistryWithBiometrics } from '../../server/src/modules/enrolment/enrolment.test-support.js'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { violationsAtPhoneWidth } from './axe.support.js'
import { fakeCamera } from './camera.support.js'
import { openOfficerContext } from './officer.support.js'

// Nguyễn Văn An of the demo registry: the sample portrait and a ten-print are on record for him.
const AN = { personalId: '079095001234', phone: '0395001234', phoneE164: '+84395001234' }
const AN_QR = `${AN.personalId}|025123456|Nguyễn Văn An|15031995|Nam|12 Lê Lợi, Quận 1|20052021`
const GOOD = { password: 'AnNguyen@2026', passcode: '284719' }
// The face engine loads its models in a worker: the first checks may take several seconds.
const SLOW = { timeout: 30_000 }

let t: TestContext
let browser: Browser
let base: string
let portrait: Buffer
let receiver: OfficerSession
let approver: OfficerSession
let outsider: OfficerSession

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  await givenRegistryWithBiometrics(t, [AN.personalId])
  portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  receiver = await officerSession(t, { roles: ['receiving_officer'] })
  approver = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  outsider = await officerSession(t, { roles: ['approver'], unitCode: 'PC06-079' })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const officerContext = (officer: OfficerSession) => openOfficerContext(browser, officer, base)

const main = (page: Page) => page.getByRole('main')
/** The step on screen has no serious or critical WCAG violations (axe-core), at phone width like the other pages. */
const accessible = async (page: Page) => expect(await violationsAtPhoneWidth(page)).toEqual([])

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/counter-${name}.png`, fullPage: true })

const chooseFingerprints = async (page: Page, record: Uint8Array) => {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel(/^Tệp vân tay/).click(),
  ])
  await chooser.setFiles({
    name: 'van-tay.iso',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(record),
  })
}

const smsTo = async (recipient: string) => {
  const res = await fetch(`${base}/dev/outbox?recipient=${encodeURIComponent(recipient)}&channel=sms`)
  return ((await res.json()) as { messages: { body: string }[] }).messages
}

describe.skipIf(!browserAvailable)('the counter workflow in Chromium', () => {
  let dossierNumber = ''

  test('a receiving officer receives Nguyễn Văn An: QR, TK01, webcam and fingers, signature, slip', async () => {
    const context = await officerContext(receiver)
    await context.addInitScript({
      content: fakeCamera(portrait),
    })
    const page = await context.newPage()
    await page.goto(`${base}/officer/counter/new`)
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Tiếp nhận hồ sơ định danh mức 2 tại quầy')
    // The menu follows the role: a receiving officer has no approval queue.
    const menu = page.getByRole('navigation', { name: 'Chức năng cán bộ' })
    await expect
      .poll(() => menu.getByRole('link', { name: 'Tiếp nhận tại quầy' }).getAttribute('aria-current'))
      .toBe('page')
    expect(await menu.getByRole('link', { name: 'Hàng chờ phê duyệt' }).count()).toBe(0)

    // (a) Find: empty and malformed input are explained; the scanner types the QR and Enter.
    const find = page.getByLabel(/Số định danh cá nhân hoặc mã QR/)
    await page.getByRole('button', { name: 'Tìm', exact: true }).click()
    await expect
      .poll(() => main(page).textContent())
      .toContain('Nhập số định danh cá nhân hoặc quét mã QR trên CCCD.')
    await find.fill('07909500123')
    await find.press('Enter')
    await expect.poll(() => main(page).textContent()).toContain('Số định danh cá nhân gồm đúng 12 chữ số.')
    await find.fill(AN_QR)
    await find.press('Enter')
    await expect.poll(() => page.getByTestId('found-name').textContent()).toBe('Nguyễn Văn An')
    await expect.poll(() => main(page).textContent()).toContain('Đã đọc mã QR trên CCCD')
    await shot(page, '1-find')
    await accessible(page)
    await page.getByRole('button', { name: 'Đúng người, tiếp tục' }).click()

    // (b) TK01: the phone is checked in the browser, then by the carrier on the server.
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Nhập số điện thoại di động của công dân.')
    await page.getByLabel(/^Số điện thoại di động chính chủ/).fill('12345')
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Số di động Việt Nam gồm 10 chữ số')
    await page.getByLabel(/^Số điện thoại di động chính chủ/).fill('0390012345')
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click()
    await expect
      .poll(() => page.getByRole('alert').first().getAttribute('data-code'), SLOW)
      .toBe('enrolment.PHONE_NOT_OWN_NAME')
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Nhà mạng không ghi nhận')
    await page.getByLabel(/^Số điện thoại di động chính chủ/).fill(AN.phone)
    await page.getByLabel(/^Thư điện tử/).fill('an.nguyen@example.vn')
    await page.getByRole('checkbox', { name: 'Giấy phép lái xe' }).check()
    await page.getByRole('checkbox', { name: 'Mã số thuế' }).check()
    await shot(page, '2-tk01')
    await accessible(page)
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click()

    // (c) Biometrics: the webcam (a stand-in stream of An's portrait) and an ISO/IEC 19794-2 record.
    await expect
      .poll(() => page.getByRole('heading', { name: 'Chụp ảnh chân dung và lấy vân tay' }).count(), SLOW)
      .toBe(1)
    await page.getByRole('button', { name: 'Đối chiếu sinh trắc học' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Chọn tệp vân tay của công dân.')
    await page.getByText('Chụp bằng camera', { exact: true }).click()
    await page.getByRole('button', { name: 'Bật camera' }).click()
    const capture = page.getByRole('button', { name: 'Chụp ảnh' })
    await expect.poll(() => capture.isEnabled(), { timeout: 10_000 }).toBe(true)
    await shot(page, '3-camera')
    await capture.click()
    await expect.poll(() => page.getByRole('img', { name: 'Ảnh sẽ gửi đi đối chiếu' }).count()).toBe(1)
    // Someone else's fingers first: a clear no-match, and the dossier waits for a new capture.
    await chooseFingerprints(page, fingersCapture('001190012345', [2, 7]))
    await expect
      .poll(() => page.getByTestId('fingers-read').textContent())
      .toContain('ngón trỏ phải, ngón trỏ trái')
    await page.getByRole('button', { name: 'Đối chiếu sinh trắc học' }).click()
    const noMatch = page.locator('[data-result="no_match"]')
    await expect.poll(() => noMatch.textContent(), SLOW).toContain('Không khớp')
    await expect.poll(() => noMatch.getAttribute('data-code')).toBe('enrolment.FINGERPRINT_MISMATCH')
    await shot(page, '4-no-match')
    await accessible(page)
    await chooseFingerprints(page, fingersCapture(AN.personalId, [2, 7]))
    await page.getByRole('button', { name: 'Đối chiếu sinh trắc học' }).click()

    // (d) Review: biometrics matched; the citizen checks every field and signs.
    await expect.poll(() => page.locator('[data-result="match"]').textContent(), SLOW).toContain('Khớp')
    await expect.poll(() => main(page).textContent()).toContain('an.nguyen@example.vn')
    await expect.poll(() => main(page).textContent()).toContain('Giấy phép lái xe, Mã số thuế')
    await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click()
    await expect
      .poll(() => main(page).textContent())
      .toContain('Công dân cần kiểm tra và ký phiếu trước khi nộp hồ sơ.')
    await page.getByRole('checkbox', { name: 'Công dân đã kiểm tra và ký phiếu' }).check()
    await shot(page, '5-review')
    await accessible(page)
    await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click()

    // (e) Result: number, due date, the slip.
    await expect.poll(() => page.getByTestId('dossier-number').textContent(), SLOW).toMatch(/\S+/)
    dossierNumber = (await page.getByTestId('dossier-number').textContent()) ?? ''
    await expect.poll(() => page.getByTestId('due-on').textContent()).toMatch(/^\d\d\/\d\d\/\d{4}$/)
    await shot(page, '6-result')
    await accessible(page)
    const slip = page.getByRole('link', { name: 'Mở phiếu tiếp nhận (PDF)' })
    expect(await slip.getAttribute('target')).toBe('_blank')
    const pdf = await context.request.get(`${base}${(await slip.getAttribute('href')) ?? ''}`)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    await context.close()
  }, 180_000)

  test('an approver outside the jurisdiction is told why; the approver of C06 approves from the queue', async () => {
    const context = await officerContext(approver)
    const page = await context.newPage()
    await page.goto(`${base}/officer/counter/queue`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hàng chờ phê duyệt')
    const row = page.getByRole('link', { name: dossierNumber })
    await expect.poll(() => row.count()).toBe(1)
    await expect.poll(() => main(page).textContent()).toMatch(/Hạn giải quyết/)
    await shot(page, '7-queue')
    await accessible(page)
    await row.click()
    await page.waitForURL(/\/officer\/counter\/dossiers\/[0-9a-f-]{36}$/)
    const dossierUrl = page.url()
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Chờ phê duyệt')
    await expect.poll(() => main(page).textContent()).toContain('Nguyễn Văn An')
    await expect.poll(() => main(page).textContent()).toContain('Lập hồ sơ tại quầy')
    await expect.poll(() => main(page).textContent()).toContain('Sinh trắc học khớp')
    await expect.poll(() => page.getByRole('link', { name: 'Xem lần đối chiếu' }).count()).toBe(2)

    // The slip's QR leads to /officer/dossiers/:id, which is this page.
    await page.goto(dossierUrl.replace('/officer/counter/dossiers/', '/officer/dossiers/'))
    await page.waitForURL(dossierUrl)
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Chờ phê duyệt')

    // An approver of Hồ Chí Minh City has no say over a dossier received in Hà Nội.
    const elsewhere = await officerContext(outsider)
    const other = await elsewhere.newPage()
    await other.goto(dossierUrl)
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('ngoài phạm vi thẩm quyền')
    await shot(other, '8-outside-jurisdiction')
    await elsewhere.close()

    // Rejecting needs a reason; then the approver approves instead.
    await page.getByRole('button', { name: 'Từ chối' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Chọn lý do từ chối.')
    await shot(page, '9-dossier')
    await accessible(page)
    await page.getByRole('button', { name: 'Phê duyệt' }).click()
    await expect.poll(() => page.locator('[data-state]').textContent(), SLOW).toBe('Đã phê duyệt')
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Tài khoản định danh mức 2 đã được cấp')
    await expect.poll(() => main(page).textContent()).toContain('Phê duyệt')
    await shot(page, '10-approved')
    await accessible(page)
    await context.close()
  }, 120_000)

  test('An activates the account the approval SMS tells him about', async () => {
    const sms = await smsTo(AN.phoneE164)
    expect(sms.map((m) => m.body).join('\n')).toContain('da duoc phe duyet')
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
    await page.goto(`${base}/app/activate`)
    await page.getByLabel(/Số định danh cá nhân/).fill(AN.personalId)
    await page.getByLabel(/Số điện thoại/).fill(AN.phone)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect
      .poll(() => main(page).textContent(), SLOW)
      .toContain('Mã xác thực đã được gửi (nếu thông tin đúng)')
    const code = (await smsTo(AN.phoneE164)).map((m) => /\b(\d{6})\b/.exec(m.body)?.[1]).find(Boolean) ?? ''
    expect(code).toMatch(/^\d{6}$/)
    await page.getByLabel('Câu hỏi 1').selectOption('first_pet')
    await page.getByLabel('Câu trả lời 1').fill('Mực')
    await page.getByLabel('Câu hỏi 2').selectOption('favourite_dish')
    await page.getByLabel('Câu trả lời 2').fill('Phở bò')
    await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(code)
    await page.getByLabel(/^Mật khẩu mới/).fill(GOOD.password)
    await page.getByLabel(/^Nhập lại mật khẩu/).fill(GOOD.password)
    await page.getByLabel(/^Mã bảo vệ/).fill(GOOD.passcode)
    await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click()
    await page.waitForURL(/\/app\/activate\/done$/, SLOW)
    await expect.poll(() => main(page).textContent()).toContain('Tài khoản đã được kích hoạt')
    await shot(page, '11-activated')
    await page.close()
  }, 120_000)
  test('a card application is approved and produced by the approver, then delivered at the counter', async () => {
    const filed = await fetch(`${base}/api/v1/counter/card-applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...receiver.headers },
      body: JSON.stringify({ personalId: AN.personalId, kind: 'renewal', reason: 'holder_request' }),
    })
    expect(filed.status, await filed.clone().text()).toBe(201)
    const { id } = (await filed.json()) as { id: string }
    const context = await officerContext(approver)
    const page = await context.newPage()
    await page.goto(`${base}/officer/counter/card-applications/${id}`)
    const state = page.locator('[data-state]')
    await expect.poll(() => state.textContent()).toBe('Đã tiếp nhận')
    await expect.poll(() => main(page).textContent()).toContain('Cấp đổi thẻ')
    await accessible(page)
    await page.getByRole('button', { name: 'Duyệt đề nghị' }).click()
    await expect.poll(() => state.textContent()).toBe('Đã duyệt')
    await page.getByRole('button', { name: 'Ghi nhận đã sản xuất thẻ' }).click()
    await expect.poll(() => state.textContent(), SLOW).toBe('Đã sản xuất thẻ')
    await shot(page, '12-card-produced')
    // Handing the card over is the counter's step, not the approver's.
    expect(await page.getByRole('button', { name: 'Trả thẻ cho công dân' }).count()).toBe(0)
    await context.close()
    const counter = await officerContext(receiver)
    const desk = await counter.newPage()
    await desk.goto(`${base}/officer/counter/card-applications/${id}`)
    await desk.getByRole('button', { name: 'Trả thẻ cho công dân' }).click()
    await expect.poll(() => desk.locator('[data-state]').textContent()).toBe('Đã trả thẻ')
    await shot(desk, '13-card-delivered')
    await counter.close()
  }, 120_000)
})
