import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cropFace, PORTRAIT } from '../../server/src/modules/biometrics/face/face.samples.js'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { fakeCamera } from './camera.support.js'
import { giveOfficerCookies } from './officer.support.js'

const AN = '079095001234'
// The face engine loads its models in a worker: the first checks may take several seconds.
const SLOW = { timeout: 30_000 }

let t: TestContext
let browser: Browser
let base: string
let portrait: Buffer
// A counter officer who may also review (so the own-check rule is what stops them) and a second reviewer.
let counter: OfficerSession
let reviewer: OfficerSession

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  counter = await officerSession(t, { roles: ['receiving_officer', 'supervisor'] })
  reviewer = await officerSession(t, { roles: ['approver'], unitCode: 'C06' })
  // The harness starts with no templates: enrol An's registry portrait through the API first.
  const enrol = await t.app.inject({
    method: 'POST',
    url: '/api/v1/biometrics/faces/enrol',
    headers: counter.headers,
    payload: { subjectId: AN, image: portrait.toString('base64'), source: 'registry' },
  })
  expect(enrol.statusCode, enrol.body).toBe(200)
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

/** A page of a browser where the officer is logged in. */
const open = async (path: string, officer: OfficerSession, lang: 'vi' | 'en' = 'vi'): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  await giveOfficerCookies(context, officer, base)
  const page = await context.newPage()
  await page.addInitScript((l) => localStorage.setItem('dinhdanh.language', l), lang)
  await page.goto(`${base}${path}`)
  return page
}

const main = (page: Page) => page.getByRole('main')

const uploadPhoto = async (page: Page, image: Buffer) => {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByLabel('Ảnh khuôn mặt').click(),
  ])
  await chooser.setFiles({ name: 'khuon-mat.jpg', mimeType: 'image/jpeg', buffer: image })
}

const fillCheck = async (page: Page, use: string) => {
  await page.getByLabel(/Số định danh cá nhân/).fill(AN)
  await page.getByRole('radio', { name: use }).check()
}

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/bio-${name}.png`, fullPage: true })

describe.skipIf(!browserAvailable)('the officer biometric check pages in Chromium', () => {
  test('an uploaded photo of the enrolled face matches, and a second officer confirms the check', async () => {
    const page = await open('/officer/biometrics', counter)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Đối chiếu khuôn mặt')

    // The ID number is checked in the browser before anything is sent.
    await page.getByLabel(/Số định danh cá nhân/).fill('07909500123')
    await page.getByRole('button', { name: 'Đối chiếu', exact: true }).click()
    await expect.poll(() => main(page).textContent()).toContain('Số định danh cá nhân gồm đúng 12 chữ số.')

    await fillCheck(page, 'Chụp tại quầy')
    await uploadPhoto(page, await sharp(portrait).resize(300).jpeg().toBuffer())
    await expect.poll(() => page.getByRole('img', { name: 'Ảnh sẽ gửi đi đối chiếu' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Đối chiếu', exact: true }).click()

    const badge = page.locator('[data-decision]')
    await expect.poll(() => badge.textContent(), SLOW).toBe('Khớp')
    const result = page.getByRole('region', { name: 'Kết quả đối chiếu' })
    await expect.poll(() => result.textContent()).toMatch(/Điểm 0,\d\d · ngưỡng khớp 0,75/)
    await expect.poll(() => result.textContent()).toContain('Kích thước khuôn mặt')
    await expect.poll(() => result.textContent()).toContain('Chụp tại quầy')
    await shot(page, 'check')
    await page.setViewportSize({ width: 1280, height: 900 })
    await shot(page, 'check-desktop')

    await page.getByRole('link', { name: /Xem hai ảnh và xác nhận kết quả/ }).click()
    await page.waitForURL(/\/officer\/biometrics\/verifications\/[0-9a-f-]{36}$/)
    const probe = page.getByRole('img', { name: 'Ảnh khuôn mặt chụp khi đối chiếu' })
    const reference = page.getByRole('img', { name: 'Ảnh chân dung đã đăng ký của công dân' })
    const loaded = (img: typeof probe) =>
      img.evaluate((el: { naturalWidth?: number }) => el.naturalWidth ?? 0)
    await expect.poll(() => loaded(probe)).toBeGreaterThan(0)
    await expect.poll(() => loaded(reference)).toBeGreaterThan(0)
    await expect.poll(() => main(page).textContent()).toContain(counter.officer.officerNumber)
    await expect.poll(() => main(page).textContent()).toMatch(/\d\d:\d\d:\d\d \d\d\/\d\d\/\d{4}/)

    // The officer who made the check may not review it.
    await page.getByRole('button', { name: /^Xác nhận/ }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Bạn không thể tự xem xét lần đối chiếu do chính mình thực hiện')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot(page, 'review-own')

    // Another officer takes over the desk: their own session, and they confirm.
    await page.context().clearCookies()
    await giveOfficerCookies(page.context(), reviewer, base)
    await page.reload()
    await expect.poll(() => loaded(probe)).toBeGreaterThan(0)
    await expect.poll(() => main(page).textContent()).toContain(reviewer.officer.officerNumber)
    await page.getByLabel('Ghi chú (không bắt buộc)').fill('Hai ảnh là cùng một người.')
    await page.getByRole('button', { name: /^Xác nhận/ }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Đã ghi nhận')
    const outcome = page.getByRole('region', { name: 'Xác nhận của cán bộ' })
    await expect.poll(() => outcome.textContent()).toContain('Đã xác nhận')
    await expect.poll(() => outcome.textContent()).toContain(reviewer.officer.officerNumber)
    await expect.poll(() => loaded(probe)).toBeGreaterThan(0)
    await shot(page, 'review')
    await page.setViewportSize({ width: 1280, height: 800 })
    await shot(page, 'review-desktop')

    // A check is reviewed once.
    const id = page.url().split('/').pop() ?? ''
    const third = await officerSession(t, { roles: ['supervisor'] })
    const again = await fetch(`${base}/api/v1/biometrics/verifications/${id}/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...third.headers },
      body: JSON.stringify({ outcome: 'overturned' }),
    })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { code: string }).code).toBe('biometrics.ALREADY_REVIEWED')
    await page.context().close()
  })

  test('a photo without a face is explained in Vietnamese, with a link to the recorded check', async () => {
    const page = await open('/officer/biometrics', counter)
    const grey = await sharp({
      create: { width: 400, height: 400, channels: 3, background: { r: 128, g: 128, b: 128 } },
    })
      .jpeg()
      .toBuffer()
    await fillCheck(page, 'Chụp tại quầy')
    await uploadPhoto(page, grey)
    await page.getByRole('button', { name: 'Đối chiếu', exact: true }).click()
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.textContent(), SLOW).toContain('Không tìm thấy khuôn mặt trong ảnh')
    await expect.poll(() => alert.getAttribute('data-code')).toBe('biometrics.FACE_NOT_FOUND')
    await shot(page, 'no-face')
    await alert.getByRole('link', { name: /Xem lần đối chiếu đã được ghi lại/ }).click()
    await page.waitForURL(/\/verifications\//)
    await expect.poll(() => page.locator('[data-decision]').first().textContent()).toBe('Ảnh không đạt')
    await expect.poll(() => main(page).textContent()).toContain('biometrics.FACE_NOT_FOUND')
    await page.context().close()
  })

  test('a webcam capture is drawn to a canvas, sent as JPEG and matched', async () => {
    const page = await open('/officer/biometrics', counter)
    // A stand-in camera: the portrait painted on a canvas, streamed as the webcam would stream frames.
    await page.addInitScript({ content: fakeCamera(portrait) })
    await page.reload()
    await fillCheck(page, 'Chụp tại quầy')
    await page.getByText('Chụp bằng camera', { exact: true }).click()
    await page.getByRole('button', { name: 'Bật camera' }).click()
    const capture = page.getByRole('button', { name: 'Chụp ảnh' })
    await expect.poll(() => capture.isEnabled(), { timeout: 10_000 }).toBe(true)
    await shot(page, 'camera')
    await capture.click()
    await expect.poll(() => page.getByRole('img', { name: 'Ảnh sẽ gửi đi đối chiếu' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Đối chiếu', exact: true }).click()
    await expect.poll(() => page.locator('[data-decision]').textContent(), SLOW).toBe('Khớp')
    await page.context().close()
  })

  test('the header holds every navigation item at the narrowest desktop width', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const page = await open('/officer/biometrics', counter, lang)
      for (const width of [992, 1200]) {
        await page.setViewportSize({ width, height: 700 })
        await shot(page, `nav-${lang}-${width}`)
        const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')
        expect(overflow, `${lang} at ${width}px`).toBe(0)
      }
      await page.context().close()
    }
  })

  test('the check page speaks English too', async () => {
    const page = await open('/officer/biometrics', counter, 'en')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Face check')
    await expect.poll(() => page.getByRole('radio', { name: 'Counter capture' }).count()).toBe(1)
    await page.setViewportSize({ width: 1280, height: 800 })
    const current = page.getByRole('navigation').getByRole('link', { name: 'Biometrics' })
    await expect.poll(() => current.getAttribute('aria-current')).toBe('page')
    const portal = page.getByRole('navigation').getByRole('link', { name: 'Officer portal' })
    await expect.poll(() => portal.getAttribute('aria-current')).toBe(null)
    await page.context().close()
  })
})
