import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AN, givenDemoSources, PASSWORD } from '../../server/src/modules/documents/documents.test-support.js'
import { createConnectors, integrateDocument } from '../../server/src/modules/documents/index.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { startTestApp, type TestContext } from '../../server/src/test/harness.js'
import { seriousViolations } from './axe.support.js'
import { openCitizenContext } from './citizen.support.js'

let t: TestContext
let base: string
let browser: Browser

beforeAll(async () => {
  t = await startTestApp()
  await givenDemoSources(t)
  const connectors = createConnectors(t.db)
  for (const [kind, number] of [
    ['driving_licence', '790219012345'],
    ['health_insurance', '7912345678'],
  ] as const)
    await integrateDocument(t.deps, connectors, { kind: 'citizen' }, { subjectId: AN, kind, number })
  base = await t.app.listen({ host: '127.0.0.1', port: 0 })
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

describe.skipIf(!browserAvailable)('the citizen’s documents page, in Chromium', () => {
  test('An sees his documents as cards, integrates his motorcycle, is told a wrong number, and removes one', async () => {
    const context = await openCitizenContext(browser, t, base, { username: AN, password: PASSWORD })
    const page = await context.newPage()
    // From the home page, as a holder finds it.
    await page.goto(`${base}/app/home`)
    await page.getByRole('link', { name: /Giấy tờ tích hợp/ }).click()
    const list = page.getByRole('list', { name: 'Giấy tờ của bạn' })
    await expect.poll(() => list.textContent()).toContain('Giấy phép lái xe')
    const text = await list.textContent()
    expect(text).toContain('Còn hiệu lực')
    expect(text).toContain('01/08/2029')
    expect(text).toContain('Bệnh viện Nhân dân 115')

    // A number that is not his: the source's refusal in Vietnamese.
    await page.getByRole('combobox', { name: 'Loại giấy tờ' }).click()
    await page.getByRole('option', { name: 'Đăng ký xe' }).click()
    await page.getByLabel(/^Số giấy tờ/).fill('30G-123.45')
    await page.getByRole('button', { name: 'Tích hợp', exact: true }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('không khớp')
    await page.screenshot({ path: '/tmp/documents-mismatch.png', fullPage: true })

    await page.getByLabel(/^Số giấy tờ/).fill('59-X1 234.56')
    await page.getByRole('button', { name: 'Tích hợp', exact: true }).click()
    await expect.poll(() => list.textContent()).toContain('59-X1 234.56')
    expect(await seriousViolations(page), (await seriousViolations(page)).join('\n')).toEqual([])
    await page.screenshot({ path: '/tmp/documents-page.png', fullPage: true })

    await page.getByRole('button', { name: 'Gỡ khỏi ứng dụng: Thẻ bảo hiểm y tế số 7912345678' }).click()
    await page.getByRole('button', { name: 'Gỡ giấy tờ' }).click()
    await expect.poll(() => list.textContent()).not.toContain('Thẻ bảo hiểm y tế')
    await context.close()
  }, 120_000)
})
