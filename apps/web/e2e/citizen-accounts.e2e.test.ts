import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { processDossier } from '../../server/src/modules/accounts/index.js'
import {
  cropFace,
  PORTRAIT,
  SAME_PERSON_PHOTOS,
} from '../../server/src/modules/biometrics/face/face.samples.js'
import { demoLaterCapture, enrolFace } from '../../server/src/modules/biometrics/index.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { fakeCamera } from './camera.support.js'
import { latestSmsCode, smsTo } from './outbox.support.js'

// Trần Thị Bình of the demo registry; the enrolled portrait is the sample face.
const BINH = { personalId: '001190012345', fullName: 'Trần Thị Bình', dob: '02/08/1990' }
const PHONE = '0912 345 678'
const PHONE_E164 = '+84912345678'
const GOOD = { password: 'Binh@2026dd', passcode: '284719' }
// Kim Min Jun of the demo immigration data, and his own number at the sandbox carrier.
const KIM = {
  foreignerId: 'NN0000000001',
  passport: 'M12345678',
  residenceCard: 'TT0000000001',
  fullName: 'KIM MIN JUN',
  dob: '07/07/1985',
  phone: '0700 000 001',
  phoneE164: '+84700000001',
}
const REGISTRY_IMPORT = { id: 'registry-import', kind: 'system' as const, purpose: 'registry-import' }
// The face engine loads its models in a worker: the first check may take several seconds.
const SLOW = { timeout: 30_000 }

let t: TestContext
let browser: Browser
let base: string
let portrait: Buffer

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
  // The portraits on record, enrolled as the registry import does (no officer involved).
  portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  await enrolFace(t.deps, REGISTRY_IMPORT, {
    subjectId: BINH.personalId,
    image: portrait,
    source: 'registry',
  })
  // Kim's portrait is one photo of the sample man; he registers with a later photo of himself.
  const man = SAME_PERSON_PHOTOS[1]
  const kimPortrait = await cropFace(man.file, man.box, man.margin)
  await enrolFace(t.deps, REGISTRY_IMPORT, {
    subjectId: KIM.foreignerId,
    image: kimPortrait,
    source: 'registry',
  })
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
  page.screenshot({ path: `/tmp/citizen-${name}.png`, fullPage: true })

const fillDetails = async (page: Page, fullName = BINH.fullName, personalId = BINH.personalId) => {
  await page.getByLabel(/Số định danh cá nhân/).fill(personalId)
  await page.getByLabel(/Họ và tên/).fill(fullName)
  await page.getByLabel(/Ngày sinh/).fill(BINH.dob)
  await page.getByLabel(/Số điện thoại/).fill(PHONE)
}

const uploadSelfie = async (page: Page, image: Buffer) => {
  await page.getByText('Tải ảnh lên', { exact: true }).click()
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel(/Ảnh chân dung/).click(),
  ])
  await chooser.setFiles({ name: 'chan-dung.jpg', mimeType: 'image/jpeg', buffer: image })
  await expect.poll(() => page.getByRole('img', { name: 'Ảnh chân dung sẽ gửi đi' }).count()).toBe(1)
}

/** Submits the selfie step and returns the dossier number shown on the receipt. */
const submitAndReadReceipt = async (page: Page) => {
  await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check()
  await page.getByRole('button', { name: 'Gửi hồ sơ đăng ký' }).click()
  await page.waitForURL(/\/app\/registrations\/[0-9a-f-]{36}\/receipt$/)
  await expect.poll(() => main(page).textContent()).toContain('Đã nhận hồ sơ đăng ký')
  const id = (await page.getByTestId('dossier-id').textContent()) ?? ''
  expect(id).toMatch(/^[0-9a-f-]{36}$/)
  return id
}

const latestCode = (recipient = PHONE_E164) => latestSmsCode(base, recipient)

const chooseQuestions = async (page: Page) => {
  await page.getByLabel('Câu hỏi 1').selectOption('first_pet')
  await page.getByLabel('Câu trả lời 1').fill('Mực')
  // A question chosen in the first list is not offered in the second.
  await expect
    .poll(() => page.getByLabel('Câu hỏi 2').locator('option[value="first_pet"]').isDisabled())
    .toBe(true)
  await page.getByLabel('Câu hỏi 2').selectOption('favourite_dish')
  await page.getByLabel('Câu trả lời 2').fill('Phở bò')
}

const fillCredentials = async (page: Page, c: { code: string; password: string; passcode: string }) => {
  await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(c.code)
  await page.getByLabel(/^Mật khẩu mới/).fill(c.password)
  await page.getByLabel(/^Nhập lại mật khẩu/).fill(c.password)
  await page.getByLabel(/^Mã bảo vệ/).fill(c.passcode)
}

describe.skipIf(!browserAvailable)('the citizen app: registration and activation in Chromium', () => {
  test('Bình registers with an uploaded selfie, is approved and activates her account', async () => {
    const page = await open('/app')
    await shot(page, 'home')
    await page.getByRole('link', { name: /Đăng ký tài khoản định danh điện tử/ }).click()
    await page.waitForURL(/\/app\/register$/)

    // Step 1 is checked in the browser first: errors sit under their inputs and describe them.
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    const id = page.getByLabel(/Số định danh cá nhân/)
    await expect.poll(() => main(page).textContent()).toContain('Số định danh cá nhân gồm đúng 12 chữ số.')
    await expect.poll(() => id.evaluate((el) => el.matches(':focus'))).toBe(true)
    const described = (await id.getAttribute('aria-describedby')) ?? ''
    const errorId = described.split(' ').find((x) => x.includes('error')) ?? ''
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('12 chữ số')
    await shot(page, 'register-errors')

    await fillDetails(page)
    await shot(page, 'register-details')
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Bước 2/2')

    // Submitting without a photo or consent says what is missing.
    await page.getByRole('button', { name: 'Gửi hồ sơ đăng ký' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Bạn cần đồng ý để gửi hồ sơ.')
    await uploadSelfie(page, await sharp(portrait).resize(320).jpeg().toBuffer())
    await shot(page, 'register-selfie')
    const dossierId = await submitAndReadReceipt(page)
    await expect.poll(() => main(page).textContent()).toContain('SMS')
    await expect.poll(() => main(page).textContent()).toMatch(/Hạn giải quyết\s*\d\d\/\d\d\/\d{4}/)
    await shot(page, 'receipt')

    // The processor (a background worker in production) decides the dossier.
    const decision = await processDossier(t.deps, dossierId)
    expect(decision).toMatchObject({ state: 'approved' })

    await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click()
    await page.waitForURL(new RegExp(`/app/registrations/${dossierId}$`))
    await expect.poll(() => page.locator('[data-state]').textContent(), SLOW).toBe('Đã được phê duyệt')
    await shot(page, 'status-approved')

    // Activation, step 1: the same answer whatever the records hold.
    await page.getByRole('link', { name: 'Kích hoạt tài khoản' }).click()
    await page.waitForURL(/\/app\/activate$/)
    await page.getByLabel(/Số định danh cá nhân/).fill(BINH.personalId)
    await page.getByLabel(/Số điện thoại/).fill(PHONE)
    await shot(page, 'activate-start')
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect
      .poll(() => main(page).textContent(), SLOW)
      .toContain('Mã xác thực đã được gửi (nếu thông tin đúng)')
    const code = await latestCode()
    const codeInput = page.getByRole('textbox', { name: /^Mã xác thực/ })
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code')
    expect(await codeInput.getAttribute('inputmode')).toBe('numeric')
    expect(await page.getByLabel(/^Mật khẩu mới/).getAttribute('autocomplete')).toBe('new-password')

    // A weak password: the live hints show what is missing and the form is not sent.
    await page.getByLabel(/^Mật khẩu mới/).fill('abc')
    await expect.poll(() => page.locator('[data-rule="length"]').getAttribute('data-met')).toBe('false')
    await expect.poll(() => page.locator('[data-rule="lower"]').getAttribute('data-met')).toBe('true')
    await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Mật khẩu chưa đáp ứng các yêu cầu bên dưới.')
    await shot(page, 'activate-weak')

    // A wrong code is explained in Vietnamese under the code field.
    await chooseQuestions(page)
    const wrong = code === '000000' ? '111111' : '000000'
    await fillCredentials(page, { code: wrong, ...GOOD })
    await expect.poll(() => page.locator('[data-met="false"]').count()).toBe(0)
    await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Mã xác thực không đúng')
    await expect
      .poll(() => page.getByRole('alert').first().getAttribute('data-code'))
      .toBe('authn.OTP_INVALID')
    await shot(page, 'activate-wrong-code')

    // The passcode is Bình's birth date (020890): only the server knows it, and says so in its own words.
    await fillCredentials(page, { code, password: GOOD.password, passcode: '020890' })
    await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click()
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), SLOW)
      .toContain('Mã bảo vệ không được là ngày sinh của bạn.')
    await expect.poll(() => main(page).textContent()).toContain('Mã xác thực vừa nhập đã được dùng')
    await shot(page, 'activate-server-rules')

    // That check spent the code: a new one, then success. The server's clock is frozen: move it on so the
    // new message is the newest in the outbox.
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Gửi lại mã' }).click()
    await expect.poll(() => main(page).textContent(), SLOW).toContain('Đã gửi lại mã')
    await expect.poll(latestCode, SLOW).not.toBe(code)
    await fillCredentials(page, { code: await latestCode(), ...GOOD })
    await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click()
    await page.waitForURL(/\/app\/activate\/done$/)
    await expect.poll(() => main(page).textContent()).toContain('Tài khoản đã được kích hoạt')
    await expect.poll(() => main(page).textContent()).toContain(BINH.personalId)
    await shot(page, 'activated')
    await page.getByRole('link', { name: 'Đăng nhập' }).click()
    await page.waitForURL(/\/app\/login$/)
    await page.close()
  }, 120_000)

  test('a registration with a wrong name is rejected, and the status page says what to do', async () => {
    const page = await open('/app/register')
    // Nguyễn Văn An's number (no account yet) with another name and Bình's birth date.
    await fillDetails(page, 'Nguyễn Văn Ân', '079095001234')
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await uploadSelfie(page, await sharp(portrait).resize(320).jpeg().toBuffer())
    const dossierId = await submitAndReadReceipt(page)
    expect(await processDossier(t.deps, dossierId)).toMatchObject({
      state: 'rejected',
      reason: 'DECLARED_DATA_MISMATCH',
    })
    await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click()
    await expect.poll(() => page.locator('[data-state]').textContent()).toBe('Không được phê duyệt')
    await expect.poll(() => main(page).textContent()).toContain('Thông tin khai báo không khớp')
    await expect.poll(() => main(page).textContent()).toContain('DECLARED_DATA_MISMATCH')
    await shot(page, 'status-rejected')
    await page.close()
  }, 60_000)

  test('the selfie can be taken with the device camera, inside the face oval', async () => {
    const page = await open('/app/register')
    await page.addInitScript({ content: fakeCamera(portrait) })
    await page.reload()
    await fillDetails(page)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.getByRole('button', { name: 'Bật camera' }).click()
    const capture = page.getByRole('button', { name: 'Chụp ảnh' })
    await expect.poll(() => capture.isEnabled(), { timeout: 10_000 }).toBe(true)
    await shot(page, 'register-camera')
    await capture.click()
    await expect.poll(() => page.getByRole('img', { name: 'Ảnh chân dung sẽ gửi đi' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Chụp lại' }).click()
    await page.getByRole('button', { name: 'Bật camera' }).click()
    await expect.poll(() => capture.isEnabled(), { timeout: 10_000 }).toBe(true)
    await capture.click()
    const dossierId = await submitAndReadReceipt(page)
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/accounts/registrations/${dossierId}` })
    expect(status.json()).toMatchObject({ state: 'submitted' })
    await page.close()
  }, 60_000)

  test('a foreigner with a residence card registers with a passport, is approved and activates with the number the SMS gives', async () => {
    const page = await open('/app/register')
    // The choice is a labelled radio group; the foreigner's details replace the ID number.
    await page.getByRole('radio', { name: 'Người nước ngoài' }).check()
    await expect.poll(() => page.getByLabel(/Số định danh cá nhân/).count()).toBe(0)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Số hộ chiếu gồm 6 đến 12 chữ cái và chữ số.')
    await expect.poll(() => main(page).textContent()).toContain('Chọn quốc tịch của bạn.')
    await page.getByLabel(/^Số hộ chiếu/).fill(KIM.passport)
    await page.getByLabel(/^Quốc tịch/).selectOption('KR')
    expect(
      await page
        .getByLabel(/^Quốc tịch/)
        .locator('option:checked')
        .textContent(),
    ).toBe('Hàn Quốc')
    await page.getByLabel(/^Số thẻ thường trú hoặc tạm trú/).fill(KIM.residenceCard)
    await page.getByLabel(/^Họ và tên/).fill(KIM.fullName)
    await page.getByLabel(/^Ngày sinh/).fill(KIM.dob)
    await page.getByLabel(/^Số điện thoại/).fill(KIM.phone)
    await shot(page, 'register-foreigner-details')
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect.poll(() => main(page).textContent()).toContain(`hộ chiếu số ${KIM.passport}`)
    await uploadSelfie(page, await demoLaterCapture())
    const dossierId = await submitAndReadReceipt(page)
    await shot(page, 'receipt-foreigner')

    expect(await processDossier(t.deps, dossierId)).toMatchObject({ state: 'approved' })
    await page.getByRole('link', { name: 'Theo dõi hồ sơ' }).click()
    await expect.poll(() => page.locator('[data-state]').textContent(), SLOW).toBe('Đã được phê duyệt')
    // The approval SMS names the username: the foreigner ID number of the immigration record.
    const approval = (await smsTo(base, KIM.phoneE164)).find((m) => m.body.includes('Ten dang nhap'))
    expect(approval?.body).toContain(KIM.foreignerId)

    await page.getByRole('link', { name: 'Kích hoạt tài khoản' }).click()
    await page.waitForURL(/\/app\/activate$/)
    await page.getByLabel(/Số định danh cá nhân/).fill(KIM.foreignerId.toLowerCase())
    await page.getByLabel(/Số điện thoại/).fill(KIM.phone)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect
      .poll(() => main(page).textContent(), SLOW)
      .toContain('Mã xác thực đã được gửi (nếu thông tin đúng)')
    await chooseQuestions(page)
    await fillCredentials(page, {
      code: await latestCode(KIM.phoneE164),
      password: 'Seoul@2026vn',
      passcode: '604821',
    })
    await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click()
    await page.waitForURL(/\/app\/activate\/done$/)
    await expect.poll(() => main(page).textContent()).toContain(KIM.foreignerId)
    await shot(page, 'activated-foreigner')
    await page.close()
  }, 120_000)

  test('the app is installable and speaks English too', async () => {
    const res = await fetch(`${base}/manifest.webmanifest`)
    expect(res.status).toBe(200)
    const manifest = (await res.json()) as { name: string; icons: { src: string }[] }
    expect(manifest.name).toBe('dinhdanh — Định danh điện tử')
    const page = await open('/app/activate', 'en')
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest')
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Activate your account')
    await page.getByRole('button', { name: 'Send the code' }).click()
    await expect.poll(() => main(page).textContent()).toContain('A personal ID number has exactly 12 digits.')
    await page.close()
  })
})
