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
import { fakeCamera } from './camera.support.js'
import { giveOfficerCookies } from './officer.support.js'

// Nguyễn Văn An of the demo registry, as the QR code on his chip CCCD reads (DOMAIN §6.2).
const AN_QR =
  '079095001234|025123456|Nguyễn Văn An|15031995|Nam|12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|20052021'
const ALTERED_QR = AN_QR.replace('Nguyễn Văn An', 'Nguyễn Văn Ân')

let t: TestContext
let browser: Browser
let base: string
let reader: OfficerSession

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  reader = await officerSession(t, { roles: ['receiving_officer'] })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

// axe injects an inline script: the page that runs it is opened with the CSP bypassed.
const cardCheckPage = async (opts: { lang?: 'vi' | 'en'; camera?: string; axe?: boolean } = {}) => {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: opts.axe ?? false,
  })
  await giveOfficerCookies(context, reader, base)
  await context.addInitScript((lang) => localStorage.setItem('dinhdanh.language', lang), opts.lang ?? 'vi')
  if (opts.camera) await context.addInitScript({ content: opts.camera })
  const page = await context.newPage()
  await page.goto(`${base}/officer/card-check`)
  return { context, page }
}

const paste = async (page: Page, qr: string, submit: string) => {
  await page.getByTestId('qr-input').fill(qr)
  await page.getByRole('button', { name: submit, exact: true }).click()
}
const verdict = (page: Page) => page.getByTestId('verdict').textContent()

describe.skipIf(!browserAvailable)("the officer portal's card QR check", () => {
  test('a pasted QR of a valid card shows the fields, their matches and the record, in Vietnamese', async () => {
    const { context, page } = await cardCheckPage({ axe: true })
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Kiểm tra mã QR thẻ căn cước')
    const nav = page.getByRole('link', { name: 'Kiểm tra QR thẻ' })
    expect(await nav.getAttribute('aria-current')).toBe('page')
    await paste(page, AN_QR, 'Kiểm tra')
    await expect.poll(() => verdict(page)).toBe('Thẻ hợp lệ')
    const result = page.getByRole('region', { name: 'Kết quả kiểm tra' })
    expect(await result.locator('[data-field="fullName"]').textContent()).toContain('Nguyễn Văn An')
    expect(await result.locator('[data-match="true"]').count()).toBe(5)
    expect(await page.getByTestId('record-name').textContent()).toBe('Nguyễn Văn An')
    expect(await result.textContent()).toContain('15/03/2035')
    await page.screenshot({ path: '/tmp/card-check.png', fullPage: true })
    expect(await seriousViolations(page)).toEqual([])
    await context.close()
  })

  test('an altered name is a mismatch marked on that field, in English', async () => {
    const { context, page } = await cardCheckPage({ lang: 'en' })
    await paste(page, ALTERED_QR, 'Check')
    await expect.poll(() => verdict(page)).toBe('The QR data do not match')
    const row = page.locator('[data-field="fullName"]')
    expect(await row.textContent()).toContain('No match')
    expect(await page.locator('[data-field="dateOfBirth"]').textContent()).toContain('Match')
    await page.screenshot({ path: '/tmp/card-check-mismatch.png', fullPage: true })
    await context.close()
  })

  test("a malformed QR is explained with the parser's reason and code", async () => {
    const { context, page } = await cardCheckPage()
    await paste(page, AN_QR.replace('15031995', '31021995'), 'Kiểm tra')
    const alert = page.locator('[data-code="card_check.QR_INVALID"]')
    await expect.poll(() => alert.textContent()).toContain('Trường 4 (ngày sinh)')
    await context.close()
  })

  test("the camera reads the card's QR and checks it at once", async () => {
    const qr = await QRCode.toBuffer(AN_QR, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 360 })
    const frame = await sharp({ create: { width: 960, height: 720, channels: 3, background: '#c9c2b8' } })
      .composite([{ input: qr, left: 300, top: 180 }])
      .jpeg({ quality: 90 })
      .toBuffer()
    const { context, page } = await cardCheckPage({ camera: fakeCamera(frame) })
    await page.getByRole('button', { name: 'Quét bằng camera' }).click()
    await expect.poll(() => verdict(page), { timeout: 30_000 }).toBe('Thẻ hợp lệ')
    expect(await page.getByTestId('qr-input').inputValue()).toBe(AN_QR)
    await context.close()
  })
})
