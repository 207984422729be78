import { describe, expect, test } from 'vitest'
import { AppError } from '../../platform/errors.js'
import { demoUnits } from './officers.demo.js'
import {
  assertFourEyes,
  may,
  PERMISSIONS,
  permissionsOf,
  ROLE_PERMISSIONS,
  ROLES,
  type UnitScope,
  withinJurisdiction,
} from './officers.permissions.js'

const unit = (code: string): UnitScope => {
  const u = demoUnits.find((x) => x.code === code)
  if (!u) throw new Error(code)
  return { code: u.code, level: u.level, provinceCode: u.province_code }
}
const C06 = unit('C06')
const HANOI = unit('PC06-001')
const HCM = unit('PC06-079')
const BA_DINH = unit('CAX-001-BA-DINH')
const HOAN_KIEM = unit('CAX-001-HOAN-KIEM')
const SAI_GON = unit('CAX-079-SAI-GON')
const HCM_IMMIGRATION = unit('PA08-079')

describe('each role may do only its own work', () => {
  test.each([
    ['receiving_officer', 'counter.receive', true],
    ['receiving_officer', 'dossier.approve', false],
    ['receiving_officer', 'lock_request.decide', false],
    ['approver', 'dossier.approve', true],
    ['approver', 'lock_request.decide', true],
    ['approver', 'counter.receive', false],
    ['immigration_officer', 'counter.receive', true],
    ['immigration_officer', 'dossier.approve', false],
    ['supervisor', 'reports.read', true],
    ['supervisor', 'officers.manage', false],
    ['administrator', 'officers.manage', true],
    ['administrator', 'registry.read', false],
    ['receiving_officer', 'biometrics.check', true],
    ['immigration_officer', 'biometrics.check', true],
    ['receiving_officer', 'biometrics.review', false],
    ['approver', 'biometrics.review', true],
    ['supervisor', 'biometrics.review', true],
    ['administrator', 'biometrics.check', false],
  ] as const)('%s → %s: %s', (role, permission, allowed) => {
    expect(may([role], permission)).toBe(allowed)
  })

  test('roles add up, and only known permissions exist', () => {
    expect(permissionsOf(['receiving_officer', 'supervisor'])).toEqual([
      'registry.read',
      'counter.receive',
      'biometrics.check',
      'biometrics.review',
      'lock_request.record',
      'reports.read',
    ])
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p)
  })

  test('no single role both receives and approves', () => {
    for (const role of ROLES)
      expect(may([role], 'counter.receive') && may([role], 'dossier.approve')).toBe(false)
  })

  test('no single role both makes a biometric check and reviews it', () => {
    for (const role of ROLES)
      expect(may([role], 'biometrics.check') && may([role], 'biometrics.review')).toBe(false)
  })
})

describe('four eyes: the receiving officer and the approver of one dossier differ', () => {
  test('another officer may decide', () => {
    expect(() => assertFourEyes('officer-a', 'officer-b')).not.toThrow()
  })

  test('the officer who received it may not', () => {
    try {
      assertFourEyes('officer-a', 'officer-a')
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('officers.FOUR_EYES_REQUIRED')
    }
  })
})

describe('jurisdiction: commune within itself, province within its province, central everywhere', () => {
  test('C06 acts everywhere', () => {
    for (const target of [C06, HANOI, HCM, BA_DINH, SAI_GON, HCM_IMMIGRATION])
      expect(withinJurisdiction(C06, target)).toBe(true)
  })

  test('a provincial PC06 acts within its province only', () => {
    expect(withinJurisdiction(HANOI, BA_DINH)).toBe(true)
    expect(withinJurisdiction(HANOI, HOAN_KIEM)).toBe(true)
    expect(withinJurisdiction(HANOI, HANOI)).toBe(true)
    expect(withinJurisdiction(HANOI, SAI_GON)).toBe(false)
    expect(withinJurisdiction(HANOI, C06)).toBe(false)
  })

  test('a commune police acts within its own commune only', () => {
    expect(withinJurisdiction(BA_DINH, BA_DINH)).toBe(true)
    expect(withinJurisdiction(BA_DINH, HOAN_KIEM)).toBe(false)
    expect(withinJurisdiction(BA_DINH, HANOI)).toBe(false)
  })

  test('a provincial immigration office acts within its province; the national department everywhere', () => {
    expect(withinJurisdiction(HCM_IMMIGRATION, SAI_GON)).toBe(true)
    expect(withinJurisdiction(HCM_IMMIGRATION, BA_DINH)).toBe(false)
    const department: UnitScope = { code: 'A08', level: 'immigration_office', provinceCode: null }
    expect(withinJurisdiction(department, BA_DINH)).toBe(true)
  })
})
