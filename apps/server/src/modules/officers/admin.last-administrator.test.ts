import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { changeAssignment } from './officer-assignment.service.js'
import { suspendOfficer } from './officer-status.service.js'
import { type Browser, browser, type GivenOfficer, givenOfficer, logIn } from './officers.test-support.js'

let t: TestContext
let anh: GivenOfficer
let trang: GivenOfficer
let asAnh: Browser
let asTrang: Browser

beforeAll(async () => {
  t = await startTestApp()
  anh = await givenOfficer(t, {
    officerNumber: 'CB-0001',
    fullName: 'Nguyễn Quốc Anh',
    unitCode: 'C06',
    roles: ['administrator'],
  })
  trang = await givenOfficer(t, {
    officerNumber: 'CB-0002',
    fullName: 'Đỗ Thu Trang',
    unitCode: 'C06',
    roles: ['administrator'],
  })
  asAnh = browser(t)
  await logIn(t, asAnh, anh)
  asTrang = browser(t)
  await logIn(t, asTrang, trang)
})
afterAll(() => t.close())

const activeAdministrators = async () =>
  (await t.db.selectFrom('officers_officer').select(['officer_number', 'roles', 'status']).execute())
    .filter((o) => o.status === 'active' && o.roles.includes('administrator'))
    .map((o) => o.officer_number)

describe('an administrator cannot change their own account', () => {
  test('their own roles and unit, suspension and resets are refused; another administrator must', async () => {
    const own = `/api/v1/officer/officers/${anh.id}`
    const tries = [
      await asAnh.call('POST', `${own}/assignment`, { roles: ['administrator', 'approver'] }, asAnh.csrf()),
      await asAnh.call('POST', `${own}/assignment`, { unitCode: 'PC06-001' }, asAnh.csrf()),
      await asAnh.call('POST', `${own}/suspend`, undefined, asAnh.csrf()),
      await asAnh.call('POST', `${own}/reset-password`, undefined, asAnh.csrf()),
      await asAnh.call('POST', `${own}/reset-authenticator`, undefined, asAnh.csrf()),
    ]
    for (const res of tries)
      expect([res.statusCode, res.json().code]).toEqual([403, 'officers.SELF_CHANGE_FORBIDDEN'])
    const row = await t.db
      .selectFrom('officers_officer')
      .selectAll()
      .where('id', '=', anh.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      roles: ['administrator'],
      unit_code: 'C06',
      status: 'active',
      password_change_required: false,
    })
    // Reading one's own account is fine.
    expect((await asAnh.call('GET', own)).statusCode).toBe(200)
  })
})

describe('the last active administrator is never removed', () => {
  test('not even from the command line: no role change and no suspension leaves nobody to manage officers', async () => {
    const sole = await givenOfficer(t, {
      officerNumber: 'CB-0003',
      fullName: 'Bùi Văn Một',
      unitCode: 'C06',
      roles: ['supervisor'],
    })
    const cli = { kind: 'system' as const, id: 'cli' }
    // Two administrators: one of them may go.
    await changeAssignment(t.deps, cli, sole.id, { roles: ['administrator'] })
    await suspendOfficer(t.deps, cli, trang.id)
    await changeAssignment(t.deps, cli, anh.id, { roles: ['supervisor'] })
    expect(await activeAdministrators()).toEqual(['CB-0003'])
    await expect(changeAssignment(t.deps, cli, sole.id, { roles: ['supervisor'] })).rejects.toMatchObject({
      code: 'officers.LAST_ADMINISTRATOR',
    })
    await expect(suspendOfficer(t.deps, cli, sole.id)).rejects.toMatchObject({
      code: 'officers.LAST_ADMINISTRATOR',
    })
    // Moving the last administrator to another unit keeps the role: allowed.
    await changeAssignment(t.deps, cli, sole.id, { unitCode: 'PC06-001' })
    await changeAssignment(t.deps, cli, sole.id, { unitCode: 'C06' })
    expect(await activeAdministrators()).toEqual(['CB-0003'])
    // Back as it was for the next test.
    await changeAssignment(t.deps, cli, anh.id, { roles: ['administrator'] })
    await t.db.updateTable('officers_officer').set({ status: 'active' }).where('id', '=', trang.id).execute()
  })

  test('two administrators removing each other at the same moment: one of them stays', async () => {
    asAnh = browser(t)
    await logIn(t, asAnh, anh)
    asTrang = browser(t)
    await logIn(t, asTrang, trang)
    const [a, b] = await Promise.all([
      asAnh.call(
        'POST',
        `/api/v1/officer/officers/${trang.id}/assignment`,
        { roles: ['supervisor'] },
        asAnh.csrf(),
      ),
      asTrang.call(
        'POST',
        `/api/v1/officer/officers/${anh.id}/assignment`,
        { roles: ['supervisor'] },
        asTrang.csrf(),
      ),
    ])
    const ok = [a, b].filter((r) => r.statusCode === 200)
    expect(ok).toHaveLength(1)
    const refused = [a, b].find((r) => r.statusCode !== 200)
    expect(['officers.LAST_ADMINISTRATOR', 'officers.PERMISSION_DENIED']).toContain(refused?.json().code)
    const left = (await activeAdministrators()).filter((n) => n === 'CB-0001' || n === 'CB-0002')
    expect(left).toHaveLength(1)
  })
})
