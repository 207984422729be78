import type { Browser, BrowserContext, Page } from 'playwright-core'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  type OfficerSession,
  officerSession,
} from '../../server/src/modules/officers/officers.test-support.js'
import { seedDemoRegistry } from '../../server/src/modules/registry/index.js'
import { AS_OF, NOW } from '../../server/src/modules/registry/registry.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { seriousViolations } from './axe.support.js'
import { fakeCamera, refusedCamera } from './camera.support.js'
import { giveOfficerCookies } from './officer.support.js'

// Nguyễn Văn An of the demo registry, as the QR code on the front of his CCCD reads (DOMAIN §6.2).
const AN_QR = '079095001234|025123456|Nguyễn Văn An|15031995|Nam|12 Lê Lợi, Quận 1|20052021'
// The scanner gives up after 20 s without a CCCD QR; a loaded machine needs a margin over that.
const GIVE_UP = { timeout: 60_000 }

let t: TestContext
let browser: Browser
let base: string
let receiver: OfficerSession

/** A webcam frame: the QR code printed on a card, held up in front of a plain background. */
const cameraFrame = async (text: string) => {
  const qr = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 300 })
  return sharp({ create: { width: 960, height: 720, channels: 3, background: '#c9c2b8' } })
    .composite([{ input: qr, left: 380, top: 180 }])
    .jpeg({ quality: 90 })
    .toBuffer()
}

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  receiver = await officerSession(t, { roles: ['receiving_officer'] })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

/** The app as served, with its CSP in force (no bypass): the reader's WebAssembly must be allowed by it. */
const counterPage = async (camera: string, opts: { bypassCSP?: boolean } = {}) => {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: opts.bypassCSP ?? false,
  })
  await giveOfficerCookies(context, receiver, base)
  await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'vi'))
  await context.addInitScript({ content: camera })
  const requests: string[] = []
  context.on('request', (r) => requests.push(r.url()))
  const page = await context.newPage()
  await page.goto(`${base}/officer/counter/new`)
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Tiếp nhận hồ sơ định danh mức 2 tại quầy')
  return { context, page, requests }
}

const main = (page: Page) => page.getByRole('main')
const scan = (page: Page) => page.getByRole('button', { name: 'Quét bằng camera' }).click()
const problem = (page: Page) => page.locator('[data-problem]')

describe.skipIf(!browserAvailable)('scanning the CCCD QR with the counter webcam', () => {
  test('the camera reads the QR on An’s card: the field is filled and An is found, and nothing left this host', async () => {
    const { context, page, requests } = await counterPage(fakeCamera(await cameraFrame(AN_QR)))
    const scanner = page.getByRole('region', { name: 'Quét mã QR trên CCCD bằng camera' })
    await scan(page)
    expect(await scanner.count()).toBe(1)
    await expect
      .poll(() => page.getByTestId('found-name').textContent(), { timeout: 30_000 })
      .toBe('Nguyễn Văn An')
    await expect.poll(() => main(page).textContent()).toContain('Đã đọc mã QR trên CCCD')
    expect(await page.getByLabel(/Số định danh cá nhân hoặc mã QR/).inputValue()).toBe(AN_QR)
    // The camera is off once the code is read.
    expect(await scanner.count()).toBe(0)
    expect(await page.locator('video').count()).toBe(0)
    await page.screenshot({ path: '/tmp/counter-qr-found.png', fullPage: true })
    // The reader's WebAssembly came from this server's bundle, and no request went anywhere else.
    const wasm = requests.filter((u) => /\/assets\/zxing_reader-[\w-]+\.wasm$/.test(u))
    expect(wasm).toHaveLength(1)
    expect(new URL(wasm[0] ?? '').origin).toBe(base)
    expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== base)).toEqual([])
    // It goes on exactly as after a USB scanner: TK01 is next.
    await page.getByRole('button', { name: 'Đúng người, tiếp tục' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Phiếu đề nghị TK01' }).count()).toBe(1)
    await context.close()
  }, 120_000)

  test('a QR code that is not a CCCD is named as such; with no CCCD QR the camera stops and says why', async () => {
    const { context, page } = await counterPage(
      fakeCamera(await cameraFrame('https://example.vn/khuyen-mai')),
    )
    await scan(page)
    await expect
      .poll(() => main(page).textContent(), { timeout: 30_000 })
      .toContain('Đã đọc được một mã QR nhưng không phải mã QR trên CCCD.')
    await page.screenshot({ path: '/tmp/counter-qr-rejected.png', fullPage: true })
    // The camera stays on, looking for the right code.
    expect(await page.getByLabel('Hình ảnh trực tiếp từ camera').count()).toBe(1)
    await expect.poll(() => problem(page).getAttribute('data-problem'), GIVE_UP).toBe('noCode')
    await expect.poll(() => problem(page).textContent()).toContain('Không thấy mã QR trên CCCD sau 20 giây')
    expect(await page.locator('video').count()).toBe(0)
    expect(await page.getByTestId('found-name').count()).toBe(0)
    await page.screenshot({ path: '/tmp/counter-qr-no-code.png', fullPage: true })
    await context.close()
  }, 120_000)

  test('a refused camera and a computer with no camera are told apart, each with what to do instead', async () => {
    const denied = await counterPage(refusedCamera('NotAllowedError'))
    await scan(denied.page)
    await expect.poll(() => problem(denied.page).getAttribute('data-problem')).toBe('denied')
    await expect
      .poll(() => problem(denied.page).textContent())
      .toContain('Trình duyệt chưa được phép dùng camera')
    await denied.context.close()
    const none = await counterPage(refusedCamera('NotFoundError'), { bypassCSP: true })
    await scan(none.page)
    await expect.poll(() => problem(none.page).getAttribute('data-problem')).toBe('notFound')
    await expect.poll(() => problem(none.page).textContent()).toContain('Máy này không có camera nào')
    // The message and its buttons pass axe (the page bypasses the CSP for axe's inline script).
    await none.page.setViewportSize({ width: 390, height: 844 })
    expect(await seriousViolations(none.page)).toEqual([])
    await none.page.getByRole('button', { name: 'Đóng', exact: true }).click()
    expect(await problem(none.page).count()).toBe(0)
    await none.context.close()
  }, 120_000)
})
