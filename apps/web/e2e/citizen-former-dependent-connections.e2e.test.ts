import * as client from 'openid-client'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { takeOverBao } from '../../server/src/modules/accounts/dependents.test-support.js'
import {
  BAO,
  givenRepresentative,
  signInAs,
} from '../../server/src/modules/oidc/oidc.dependents.test-support.js'
import {
  authorizationRequest,
  exchange,
  givenRelyingParty,
  type OidcTest,
  PASSWORD,
  startOidcTest,
  testAgent,
} from '../../server/src/modules/oidc/oidc.test-support.js'
import { browserAvailable, launchBrowser } from '../../server/src/test/browser.js'
import { seriousViolations } from './axe.support.js'
import { openCitizenContext } from './citizen.support.js'

// Cường signs in for his son Bảo at a school a week before Bảo turns 14; Bảo takes his account over and, in
// his own connected services, finds the consent his father gave for him, and withdraws it.
let t: OidcTest
let browser: Browser

beforeAll(async () => {
  t = await startOidcTest({ SINGLE_DEVICE_LOGIN: 'false' })
  await givenRepresentative(t)
  if (browserAvailable) browser = await launchBrowser()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await t?.close()
})

describe.skipIf(!browserAvailable)('a former dependent’s connected services, in Chromium', () => {
  test('Bảo sees the school his father connected for him, and disconnects it', async () => {
    const { creds, config } = await givenRelyingParty(t, {
      name: 'Trường THCS Thử',
      purpose: 'Tuyển sinh lớp 9',
      allowDependents: true,
      scopes: ['openid', 'profile', 'offline_access'],
    })
    t.clock.set('2030-04-02T03:00:00Z')
    const req = await authorizationRequest(config, {
      scope: 'openid profile offline_access',
      prompt: 'consent',
    })
    const { step } = await signInAs(t, testAgent(), req.url, BAO.personalId)
    const tokens = await exchange(config, step.callback, req)
    t.clock.set('2030-04-10T03:00:00Z')
    expect((await takeOverBao(t)).json()).toMatchObject({ status: 'active' })

    const context = await openCitizenContext(browser, t, t.issuer, {
      username: BAO.personalId,
      password: PASSWORD,
    })
    const page = await context.newPage()
    await page.goto(`${t.issuer}/app/connections`)
    const section = page.getByRole('region', { name: 'Người đại diện đã đồng ý thay bạn' })
    const list = section.getByRole('list', { name: 'Các dịch vụ người đại diện đã liên kết thay bạn' })
    await expect.poll(() => list.textContent()).toContain('Trường THCS Thử')
    const item = list.locator(`[data-client="${creds.client_id}"]`)
    expect(await item.textContent()).toContain(
      'Do người đại diện của bạn Lê Minh Cường đồng ý ngày 02/04/2030',
    )
    expect(await item.textContent()).toContain('Tuyển sinh lớp 9')
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: '/tmp/h-connections-on-behalf.png', fullPage: true })

    await item.getByRole('button', { name: 'Hủy liên kết với Trường THCS Thử' }).click()
    const dialog = page.getByRole('dialog', {
      name: 'Hủy sự đồng ý người đại diện đã đưa ra thay bạn cho Trường THCS Thử?',
    })
    await dialog.waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Hủy liên kết', exact: true }).click()
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toContain('Đã hủy sự đồng ý người đại diện đưa ra thay bạn cho Trường THCS Thử.')
    await expect.poll(() => list.count()).toBe(0)
    expect((await client.tokenIntrospection(config, tokens.refresh_token ?? '')).active).toBe(false)
    await context.close()
  }, 240_000)
})
