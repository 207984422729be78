import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { type Browser, browser, givenOfficer, logIn } from './officers.test-support.js'

let t: TestContext
let admin: Browser

beforeAll(async () => {
  t = await startTestApp()
  const anh = await givenOfficer(t, {
    officerNumber: 'CB-0001',
    fullName: 'Nguyễn Quốc Anh',
    unitCode: 'C06',
    roles: ['administrator'],
  })
  admin = browser(t)
  await logIn(t, admin, anh)
})
afterAll(() => t.close())

const add = (unit: object) => admin.call('POST', '/api/v1/officer/units', unit, admin.csrf())
const commune = {
  code: 'CAX-001-CUA-NAM',
  name: 'Công an phường Cửa Nam',
  level: 'commune',
  parentCode: 'PC06-001',
  provinceCode: '001',
}

describe('a unit sits where the hierarchy allows, and a refusal says which rule it broke', () => {
  test.each([
    [
      'a central unit has no parent',
      { code: 'C07', name: 'Cục C07', level: 'central', parentCode: 'C06' },
      'officers.UNIT_CENTRAL_STANDALONE',
    ],
    [
      'a central unit has no province',
      { code: 'C07', name: 'Cục C07', level: 'central', provinceCode: '001' },
      'officers.UNIT_CENTRAL_STANDALONE',
    ],
    [
      'a province unit has a province',
      { code: 'PC06-002', name: 'PC06 Hà Giang', level: 'province', parentCode: 'C06' },
      'officers.UNIT_PROVINCE_REQUIRED',
    ],
    ['a commune has a province', { ...commune, provinceCode: null }, 'officers.UNIT_PROVINCE_REQUIRED'],
    ['the province exists', { ...commune, provinceCode: '003' }, 'officers.UNIT_PROVINCE_UNKNOWN'],
    ['a commune has a parent', { ...commune, parentCode: null }, 'officers.UNIT_PARENT_REQUIRED'],
    ['the parent exists', { ...commune, parentCode: 'PC06-999' }, 'officers.UNIT_PARENT_NOT_FOUND'],
    [
      'a commune sits under a province unit',
      { ...commune, parentCode: 'C06' },
      'officers.UNIT_PARENT_INVALID',
    ],
    [
      'nothing sits under a commune',
      { ...commune, parentCode: 'CAX-001-BA-DINH' },
      'officers.UNIT_PARENT_INVALID',
    ],
    [
      "a unit lies in its parent's province",
      { ...commune, parentCode: 'PC06-079' },
      'officers.UNIT_PROVINCE_MISMATCH',
    ],
    ['a code is capitals, digits and dashes', { ...commune, code: 'CAX 001' }, 'officers.UNIT_CODE_INVALID'],
    ['a unit has a name', { ...commune, name: '   ' }, 'officers.UNIT_NAME_INVALID'],
    ['a code is taken once', { ...commune, code: 'CAX-001-BA-DINH' }, 'officers.UNIT_CODE_TAKEN'],
  ])('%s', async (_rule, unit, code) => {
    const res = await add(unit)
    expect(res.json().code, res.body).toBe(code)
    expect(res.statusCode).toBe(code === 'officers.UNIT_CODE_TAKEN' ? 409 : 400)
  })

  test('a unit that follows the rules is added (codes are upper-cased) and listed', async () => {
    const res = await add({
      ...commune,
      code: 'cax-001-cua-nam',
      parentCode: 'pc06-001',
      provinceCode: '001',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toEqual({
      code: 'CAX-001-CUA-NAM',
      name: 'Công an phường Cửa Nam',
      level: 'commune',
      parentCode: 'PC06-001',
      provinceCode: '001',
    })
    const office = await add({
      code: 'PA08-001',
      name: 'Phòng Quản lý xuất nhập cảnh, Công an TP. Hà Nội',
      level: 'immigration_office',
      parentCode: '',
      provinceCode: '001',
    })
    expect(office.json()).toMatchObject({ parentCode: null, provinceCode: '001' })
    const listed = (await admin.call('GET', '/api/v1/officer/units')).json().items
    expect(listed.find((u: { code: string }) => u.code === 'CAX-001-BA-DINH')).toMatchObject({ officers: 0 })
    expect(listed.find((u: { code: string }) => u.code === 'C06')).toMatchObject({ officers: 1 })
    expect(listed.map((u: { code: string }) => u.code)).toContain('CAX-001-CUA-NAM')
  })
})
