import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { processDossier } from '../../server/src/modules/accounts/index.js'
import { cropFace, PORTRAIT } from '../../server/src/modules/biometrics/face/face.samples.js'
import { enrolFace } from '../../server/src/modules/biometrics/index.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { fakeCamera } from './camera.support.js'
import { latestSmsCode } from './outbox.support.js'

// The whole journey under the older regime (Decree 59/2022), which the platform still runs on request:
// camera selfie → automatic approval → activation → login with the new-device code → lock → unlock.
const BINH = { personalId: '001190012345', fullName: 'Trần Thị Bình', dob: '02/08/1990' }
const PHONE = '0912 345 678'
const PHONE_E164 = '+84912345678'
const PASSWORD = 'Binh@2026dd'
const REGISTRY_IMPORT = { id: 'registry-import', kind: 'system' as const, purpose: 'registry-import' }
const SLOW = { timeout: 30_000 }

let t: TestContext
let browser: Browser
let base: string
let portrait: Buffer

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1', POLICY_PROFILE: 'decree-59-2022' })
  const now = t.clock.now()
  await seedDemoRegistry(t.handle, { asOf: now.toISOString().slice(0, 10), now, population: 0 })
  portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  await enrolFace(t.deps, REGISTRY_IMPORT, {
    subjectId: BINH.personalId,
    image: portrait,
    source: 'registry',
  })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

const main = (page: Page) => page.getByRole('main')
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/d59-${name}.png`, fullPage: true })
const latestCode = () => latestSmsCode(base, PHONE_E164)

const logIn = async (page: Page) => {
  await page.getByLabel(/^Số định danh cá nhân/).fill(BINH.personalId)
  await page.getByLabel(/^Mật khẩu/).fill(PASSWORD)
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

describe.skipIf(!browserAvailable)('the citizen journey under Decree 59/2022, in Chromium', () => {
  test('Bình registers with the camera, is approved, activates, logs in, locks and unlocks', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
    await page.addInitScript({ content: fakeCamera(portrait) })
    await page.goto(`${base}/app/register`)
    await page.getByLabel(/Số định danh cá nhân/).fill(BINH.personalId)
    await page.getByLabel(/Họ và tên/).fill(BINH.fullName)
    await page.getByLabel(/Ngày sinh/).fill(BINH.dob)
    await page.getByLabel(/Số điện thoại/).fill(PHONE)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.getByRole('button', { name: 'Bật camera' }).click()
    const capture = page.getByRole('button', { name: 'Chụp ảnh' })
    await expect.poll(() => capture.isEnabled(), { timeout: 10_000 }).toBe(true)
    await capture.click()
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check()
    await page.getByRole('button', { name: 'Gửi hồ sơ đăng ký' }).click()
    await page.waitForURL(/\/app\/registrations\/[0-9a-f-]{36}\/receipt$/)
    const dossierId = (await page.getByTestId('dossier-id').textContent()) ?? ''
    expect(await processDossier(t.deps, dossierId)).toMatchObject({ state: 'approved' })

    await page.goto(`${base}/app/activate`)
    await page.getByLabel(/Số định danh cá nhân/).fill(BINH.personalId)
    await page.getByLabel(/Số điện thoại/).fill(PHONE)
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect.poll(() => main(page).textContent(), SLOW).toContain('Mã xác thực đã được gửi')
    await page.getByLabel('Câu hỏi 1').selectOption('first_pet')
    await page.getByLabel('Câu trả lời 1').fill('Mực')
    await page.getByLabel('Câu hỏi 2').selectOption('favourite_dish')
    await page.getByLabel('Câu trả lời 2').fill('Phở bò')
    await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(await latestCode())
    await page.getByLabel(/^Mật khẩu mới/).fill(PASSWORD)
    await page.getByLabel(/^Nhập lại mật khẩu/).fill(PASSWORD)
    await page.getByLabel(/^Mã bảo vệ/).fill('284719')
    await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click()
    await page.waitForURL(/\/app\/activate\/done$/)

    await page.goto(`${base}/app/login`)
    await logIn(page)
    await expect.poll(() => page.getByTestId('eid-card').textContent()).toContain('Đang hoạt động')
    await shot(page, 'home')

    await page.goto(`${base}/app/security`)
    await page.getByRole('button', { name: 'Khóa tài khoản', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Khóa tài khoản ngay' }).click()
    await page.waitForURL(/\/app\/locked$/)

    await page.goto(`${base}/app/unlock`)
    await page.getByLabel(/^Số định danh cá nhân/).fill(BINH.personalId)
    await page.getByLabel(/^Mật khẩu/).fill(PASSWORD)
    t.clock.advance(1000)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    await expect.poll(() => main(page).textContent()).toContain('Nhập mã xác thực')
    await page.getByRole('textbox', { name: /^Mã xác thực/ }).fill(await latestCode())
    await page.getByRole('button', { name: 'Mở khóa', exact: true }).click()
    await expect.poll(() => main(page).textContent()).toContain('Tài khoản đã được mở khóa')

    await page.goto(`${base}/app/login`)
    await logIn(page)
    await expect.poll(() => page.getByTestId('eid-card').textContent()).toContain('Đang hoạt động')
    // The history tells the story, newest first, under the regime in force.
    const history = (await page.evaluate(() =>
      fetch('/api/v1/me/history?limit=50').then((r) => r.json()),
    )) as {
      events: { action: string }[]
    }
    const actions = history.events.map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'accounts.account.activated',
        'accounts.account.locked',
        'accounts.account.unlocked',
      ]),
    )
    await page.close()
  }, 180_000)
})
