import { fail } from '../../platform/errors.js'
import { OFFICERS } from './officers.errors.js'

export const UNIT_LEVELS = ['central', 'province', 'commune', 'immigration_office'] as const
export type UnitLevel = (typeof UNIT_LEVELS)[number]

export const ROLES = [
  'receiving_officer',
  'approver',
  'immigration_officer',
  'supervisor',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'registry.read',
  'counter.receive',
  'biometrics.check',
  'biometrics.review',
  'dossier.approve',
  'lock_request.record',
  'lock_request.decide',
  'relying_party.appraise',
  'reports.read',
  'officers.manage',
] as const
export type Permission = (typeof PERMISSIONS)[number]

/**
 * What each role may do. Receiving (commune police, ID offices) and approving (C06) are separate roles
 * (D69 Art 10, 15; D59 Art 20); immigration officers receive foreigners' dossiers (D69 Art 11);
 * administrators manage accounts but read no citizen data (least privilege). The officers who capture
 * biometrics for level 2 check them (D69 Art 10-11); a second officer who approves or supervises reviews
 * a check (biometrics.review), never their own.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  receiving_officer: ['registry.read', 'counter.receive', 'biometrics.check', 'lock_request.record'],
  approver: [
    'registry.read',
    'dossier.approve',
    'biometrics.review',
    'lock_request.decide',
    // Relying parties' applications (D69 Art 18): two approvers, one records the agreement, the other approves.
    'relying_party.appraise',
  ],
  immigration_officer: ['registry.read', 'counter.receive', 'biometrics.check', 'lock_request.record'],
  supervisor: ['registry.read', 'biometrics.review', 'reports.read'],
  administrator: ['officers.manage', 'reports.read'],
}

export const permissionsOf = (roles: readonly Role[]): Permission[] =>
  PERMISSIONS.filter((p) => roles.some((r) => ROLE_PERMISSIONS[r].includes(p)))

export const may = (roles: readonly Role[], permission: Permission) =>
  roles.some((r) => ROLE_PERMISSIONS[r].includes(permission))

/** Four eyes: the officer who decides a dossier or lock request is never the one who received it. */
export const fourEyesSatisfied = (receivedBy: string, decidedBy: string) => receivedBy !== decidedBy

export const assertFourEyes = (receivedBy: string, decidedBy: string): void => {
  if (!fourEyesSatisfied(receivedBy, decidedBy)) fail(OFFICERS.FOUR_EYES_REQUIRED)
}

export type UnitScope = { code: string; level: UnitLevel; provinceCode: string | null }

/**
 * Whether an officer of `officerUnit` may act on something of `targetUnit` (D59 Art 20, D69 Art 29-30):
 * central (C06) everywhere; a province within its province; a commune within itself; an immigration
 * office within its province, or everywhere when it is the national Immigration Department (no province).
 */
export const withinJurisdiction = (officerUnit: UnitScope, targetUnit: UnitScope): boolean => {
  switch (officerUnit.level) {
    case 'central':
      return true
    case 'province':
      return targetUnit.provinceCode === officerUnit.provinceCode
    case 'commune':
      return targetUnit.code === officerUnit.code
    case 'immigration_office':
      return officerUnit.provinceCode === null || targetUnit.provinceCode === officerUnit.provinceCode
  }
}

export const assertWithinJurisdiction = (officerUnit: UnitScope, targetUnit: UnitScope): void => {
  if (!withinJurisdiction(officerUnit, targetUnit)) fail(OFFICERS.OUTSIDE_JURISDICTION)
}
