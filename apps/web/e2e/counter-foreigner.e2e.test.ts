import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fingersCapture } from '../../server/src/modules/biometrics/biometrics.test-support.js'
import { cropFace, PORTRAIT } from '../../server/src/modules/biometrics/face/face.samples.js'
import {
  givenRegistryWithBiometrics,
  KIM,
} from '../../server/src/modules/enrolment/enrolment.test-support.js'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { violationsAtPhoneWidth } from './axe.support.js'
import { fakeCamera } from './camera.support.js'
import { openOfficerContext } from './officer.support.js'

// Kim Min Jun of the demo registry (a Korean with a temporary residence card): the sample portrait and a
// ten-print are put on record for him, as the immigration database holds them.
const KIM_E164 = '+84700000001'
// The face engine loads its models in a worker: the first checks may take several seconds.
const SLOW = { timeout: 30_000 }

let t: TestContext
let browser: Browser
let base: string
let portrait: Buffer
let immigration: OfficerSession
let approver: OfficerSession

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  await givenRegistryWithBiometrics(t, [KIM.foreignerId])
  portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  immigration = await officerSession(t, { roles: ['immigration_officer'] })
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
const accessible = async (page: Page) => expect(await violationsAtPhoneWidth(page)).toEqual([])
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/counter-foreigner-${name}.png`, fullPage: true })

describe.skipIf(!browserAvailable)("a foreigner's level 2 at an immigration office, in Chromium", () => {
  let dossierNumber = ''

  test('an immigration officer receives Kim Min Jun: passport and residence card, TK01, webcam and fingers, signature', async () => {
    const context = await officerContext(immigration)
    await context.addInitScript({ content: fakeCamera(portrait) })
    const page = await context.newPage()
    await page.goto(`${base}/officer/counter/new`)
    await expect.poll(() => main(page).textContent()).toContain('Tìm người nước ngoài')
    // Card applications are the police's: not in an immigration officer's menu.
    const menu = page.getByRole('navigation', { name: 'Chức năng cán bộ' })
    expect(await menu.getByRole('link', { name: 'Tiếp nhận tại quầy' }).count()).toBe(1)
    expect(await menu.getByRole('link', { name: 'Đề nghị cấp thẻ' }).count()).toBe(0)
    // No CCCD to scan: the camera button is for citizens' cards.
    expect(await page.getByRole('button', { name: 'Quét bằng camera' }).count()).toBe(0)

    // (a) Find: the foreigner's ID number; the immigration database shows the passport and residence card.
    const find = page.getByLabel(/^Số định danh của người nước ngoài/)
    await find.fill('NN123')
    await find.press('Enter')
    await expect.poll(() => main(page).textContent()).toContain('gồm 2 chữ cái và 10 chữ số')
    await find.fill(KIM.foreignerId.toLowerCase())
    await find.press('Enter')
    await expect.poll(() => page.getByTestId('found-name').textContent()).toBe('Kim Min Jun')
    const found = page.getByRole('region', { name: /Cơ sở dữ liệu quốc gia về xuất nhập cảnh/ })
    await expect.poll(() => found.textContent()).toContain('M12345678')
    const facts = (await found.textContent()) ?? ''
    expect(facts).toContain('Hàn Quốc (KR)')
    expect(facts).toContain('Thẻ tạm trú')
    expect(facts).toContain('TT0000000001')
    expect(facts).toContain('31/12/2027')
    expect(facts).toContain('09/01/2032')
    expect(facts).toContain('07/07/1985')
    await shot(page, '1-find')
    await accessible(page)
    await page.getByRole('button', { name: 'Đúng người, giấy tờ khớp: tiếp tục' }).click()

    // (b) TK01: the foreigner's own phone; no ID-card application; the documents stay in sight.
    await expect.poll(() => page.getByRole('heading', { name: 'Phiếu đề nghị TK01' }).count()).toBe(1)
    expect(await page.getByRole('checkbox', { name: /Kèm đề nghị cấp thẻ căn cước/ }).count()).toBe(0)
    await expect
      .poll(() => page.getByRole('region', { name: 'Hộ chiếu và thẻ cư trú' }).textContent())
      .toContain('M12345678')
    await expect.poll(() => main(page).textContent()).toContain('Số đứng tên người nước ngoài')
    await page.getByLabel(/^Số điện thoại di động chính chủ/).fill(KIM.phone)
    await page.getByLabel(/^Thư điện tử/).fill('minjun.kim@example.kr')
    await shot(page, '2-tk01')
    await accessible(page)
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click()

    // (c) Biometrics: the webcam (Kim's portrait on record) and two fingers.
    await expect
      .poll(() => page.getByRole('heading', { name: 'Chụp ảnh chân dung và lấy vân tay' }).count(), SLOW)
      .toBe(1)
    await expect.poll(() => main(page).textContent()).toContain('Cơ sở dữ liệu xuất nhập cảnh chưa có')
    await page.getByText('Chụp bằng camera', { exact: true }).click()
    await page.getByRole('button', { name: 'Bật camera' }).click()
    const capture = page.getByRole('button', { name: 'Chụp ảnh' })
    await expect.poll(() => capture.isEnabled(), { timeout: 10_000 }).toBe(true)
    await capture.click()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByLabel(/^Tệp vân tay/).click(),
    ])
    await chooser.setFiles({
      name: 'van-tay.iso',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(fingersCapture(KIM.foreignerId, [2, 7])),
    })
    await page.getByRole('button', { name: 'Đối chiếu sinh trắc học' }).click()

    // (d) Review: the foreign resident checks every field and signs.
    await expect.poll(() => page.locator('[data-result="match"]').textContent(), SLOW).toContain('Khớp')
    await expect
      .poll(() => page.getByRole('heading', { name: 'Người nước ngoài kiểm tra thông tin' }).count())
      .toBe(1)
    await expect.poll(() => main(page).textContent()).toContain('Người nước ngoài, mức 2')
    await expect.poll(() => main(page).textContent()).toContain('minjun.kim@example.kr')
    expect(await main(page).textContent()).not.toContain('Đề nghị cấp thẻ')
    await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click()
    await expect
      .poll(() => main(page).textContent())
      .toContain('Người nước ngoài cần kiểm tra và ký phiếu trước khi nộp hồ sơ.')
    await page.getByRole('checkbox', { name: 'Người nước ngoài đã kiểm tra và ký phiếu' }).check()
    await shot(page, '3-review')
    await accessible(page)
    await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click()

    // (e) Result: biometrics already on file, so 3 working days from Monday 23 Nov 2026 (D69 Art 13(3)(b)).
    await expect.poll(() => page.getByTestId('dossier-number').textContent(), SLOW).toMatch(/\S+/)
    dossierNumber = (await page.getByTestId('dossier-number').textContent()) ?? ''
    await expect.poll(() => page.getByTestId('due-on').textContent()).toBe('26/11/2026')
    await shot(page, '4-result')
    await context.close()
  }, 180_000)

  test("the approver of C06 sees the passport facts and approves: the foreigner's level-2 account is approved", async () => {
    const context = await officerContext(approver)
    const page = await context.newPage()
    await page.goto(`${base}/officer/counter/queue`)
    const row = page.getByRole('link', { name: dossierNumber })
    await expect.poll(() => row.count()).toBe(1)
    await row.click()
    await page.waitForURL(/\/officer\/counter\/dossiers\/[0-9a-f-]{36}$/)
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Chờ phê duyệt')
    await expect.poll(() => main(page).textContent()).toContain('Người nước ngoài, mức 2')
    await expect
      .poll(() => page.getByRole('region', { name: 'Hộ chiếu và thẻ cư trú' }).textContent())
      .toContain('TT0000000001')
    await accessible(page)
    await page.getByRole('button', { name: 'Phê duyệt' }).click()
    await expect.poll(() => page.locator('[data-state]').textContent(), SLOW).toBe('Đã phê duyệt')
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('người nước ngoài nhận SMS hướng dẫn kích hoạt')
    await shot(page, '5-approved')
    await context.close()

    const account = await t.db
      .selectFrom('accounts_account')
      .select(['status', 'level'])
      .where('subject_id', '=', KIM.foreignerId)
      .executeTakeFirstOrThrow()
    expect(account).toEqual({ status: 'approved', level: 2 })
    const res = await fetch(`${base}/dev/outbox?recipient=${encodeURIComponent(KIM_E164)}&channel=sms`)
    const sms = ((await res.json()) as { messages: { body: string }[] }).messages.map((m) => m.body)
    expect(sms.join('\n')).toContain('da duoc phe duyet')
  }, 120_000)
})
