import * as client from 'openid-client'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordDataAccess } from '../../server/src/modules/data-access/index.js'
import {
  BAO,
  CUONG,
  givenRepresentative,
  signInAs,
} from '../../server/src/modules/oidc/oidc.dependents.test-support.js'
import {
  AN,
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

// Cường represents Bảo (his son) and Dung (his ward): oidc.dependents.test-support.ts. He signs in for Bảo at a
// school's portal; in the citizen app he then sees that consent under Bảo, revokes it, and reads Bảo's log.
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

const main = (page: Page) => page.getByRole('main')

/** Cường signs in for Bảo at the school's portal, which reads Bảo's profile. */
const givenSchoolConnectedForBao = async () => {
  const rp = await givenRelyingParty(t, {
    name: 'Trường Tiểu học Thử',
    purpose: 'Tuyển sinh lớp 1',
    allowDependents: true,
    scopes: ['openid', 'profile', 'offline_access'],
  })
  const req = await authorizationRequest(rp.config, {
    scope: 'openid profile offline_access',
    prompt: 'consent',
  })
  const { step } = await signInAs(t, testAgent(), req.url, BAO.personalId)
  const tokens = await exchange(rp.config, step.callback, req)
  await client.fetchUserInfo(rp.config, tokens.access_token, tokens.claims()?.sub ?? '')
  return { ...rp, tokens }
}

describe.skipIf(!browserAvailable)(
  'a representative and a dependent’s connected services, in Chromium',
  () => {
    test('Cường sees the school under Bảo, disconnects it there, and reads Bảo’s data-access log', async () => {
      const { creds, config, tokens } = await givenSchoolConnectedForBao()
      const context = await openCitizenContext(browser, t, t.issuer, { username: CUONG, password: PASSWORD })
      const page = await context.newPage()

      // Connected services: his own list is empty; a section for each dependent he acts for.
      await page.goto(`${t.issuer}/app/connections`)
      const forBao = page.getByRole('region', { name: 'Đăng nhập thay cho Lê Gia Bảo' })
      const list = forBao.getByRole('list', { name: 'Các dịch vụ đã liên kết thay cho Lê Gia Bảo' })
      await expect.poll(() => list.textContent()).toContain('Trường Tiểu học Thử')
      expect(await main(page).textContent()).toContain('Bạn chưa liên kết với dịch vụ nào.')
      const forDung = page.getByRole('region', { name: 'Đăng nhập thay cho Phạm Thị Dung' })
      await expect
        .poll(() => forDung.textContent())
        .toContain('Bạn chưa đồng ý chia sẻ thông tin của Phạm Thị Dung với dịch vụ nào.')
      const item = list.locator(`[data-client="${creds.client_id}"]`)
      expect(await item.textContent()).toContain('Tuyển sinh lớp 1')
      expect(await item.textContent()).toContain('Họ tên, ngày sinh, giới tính')
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: '/tmp/h-connections-dependents.png', fullPage: true })

      // Disconnecting asks first, naming the child; then the portal is cut off.
      await item.getByRole('button', { name: 'Hủy liên kết với Trường Tiểu học Thử' }).click()
      const dialog = page.getByRole('dialog', {
        name: 'Hủy liên kết của Lê Gia Bảo với Trường Tiểu học Thử?',
      })
      await dialog.waitFor()
      expect(await dialog.textContent()).toContain('không lấy thêm được thông tin của Lê Gia Bảo')
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: '/tmp/h-connections-dependent-dialog.png', fullPage: true })
      await dialog.getByRole('button', { name: 'Hủy liên kết', exact: true }).click()
      await expect
        .poll(() => forBao.getByRole('status').textContent())
        .toContain('Đã hủy liên kết của Lê Gia Bảo với Trường Tiểu học Thử.')
      await expect
        .poll(() => forBao.textContent())
        .toContain('Bạn chưa đồng ý chia sẻ thông tin của Lê Gia Bảo với dịch vụ nào.')
      expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false)
      expect((await client.tokenIntrospection(config, tokens.refresh_token ?? '')).active).toBe(false)

      // Bảo's page links to his data-access log: the school's reads, done by Cường as his representative.
      await page.goto(`${t.issuer}/app/dependents/${BAO.personalId}`)
      await page.getByRole('link', { name: 'Xem nhật ký truy cập dữ liệu của Lê Gia Bảo' }).click()
      await page.waitForURL(/\/app\/dependents\/001216006789\/data-access$/)
      const log = page.getByRole('list', { name: 'Các lần chia sẻ dữ liệu' })
      await expect.poll(() => log.textContent()).toContain('Trường Tiểu học Thử')
      const text = await log.textContent()
      expect(text).toContain('Họ và tên, Ngày sinh, Giới tính, Thông tin người đại diện')
      expect(text).toContain('Bạn thực hiện thay với tư cách người đại diện')
      expect(await main(page).textContent()).toContain('Nhật ký truy cập dữ liệu của Lê Gia Bảo')
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: '/tmp/h-dependent-data-access.png', fullPage: true })
      await page.getByRole('link', { name: /Về trang của Lê Gia Bảo/ }).click()
      await page.waitForURL(/\/app\/dependents\/001216006789$/)
      await page.screenshot({ path: '/tmp/h-dependent-page.png', fullPage: true })
      await context.close()
    }, 240_000)

    test('a holder’s own log says when a representative shared their data', async () => {
      // A release made while Cường signed in for An stands for one made for a child before they took over.
      await recordDataAccess(t.db, t.clock, {
        subjectId: AN,
        recipient: { kind: 'relying_party', id: 'rp_school', name: 'Trường Tiểu học Thử' },
        channel: 'oidc.userinfo',
        claims: ['act', 'name'],
        purpose: 'Tuyển sinh lớp 1',
        representativeId: CUONG,
      })
      const context = await openCitizenContext(browser, t, t.issuer, { username: AN, password: PASSWORD })
      const page = await context.newPage()
      await page.goto(`${t.issuer}/app/data-access`)
      const entry = page.locator('[data-recipient="rp_school"]')
      await expect
        .poll(() => entry.textContent())
        .toContain('Người đại diện (001••••••321) thực hiện thay bạn')
      expect(await seriousViolations(page)).toEqual([])
      await page.screenshot({ path: '/tmp/h-data-access-representative.png', fullPage: true })
      // Init scripts run in order: this one, after the context's Vietnamese, wins on the reload.
      await context.addInitScript(() => localStorage.setItem('dinhdanh.language', 'en'))
      await page.reload()
      await expect
        .poll(() => entry.textContent())
        .toContain('Done for you by your representative (001••••••321)')
      await context.close()
    }, 120_000)
  },
)
