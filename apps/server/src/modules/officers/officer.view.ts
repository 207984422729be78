import type { Permission, Role, UnitLevel, UnitScope } from './officers.permissions.js'
import { permissionsOf } from './officers.permissions.js'
import type { OfficerRow, UnitRow } from './officers.table.js'

export type Unit = {
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  provinceCode: string | null
}

/** An officer as services and later routes see it: never the password hash or the TOTP secret. */
export type Officer = {
  id: string
  officerNumber: string
  fullName: string
  roles: Role[]
  permissions: Permission[]
  status: OfficerRow['status']
  unit: Unit
}

export const toUnit = (u: UnitRow): Unit => ({
  code: u.code,
  name: u.name,
  level: u.level,
  parentCode: u.parent_code,
  provinceCode: u.province_code,
})

export const toOfficer = (o: OfficerRow, unit: UnitRow): Officer => ({
  id: o.id,
  officerNumber: o.officer_number,
  fullName: o.full_name,
  roles: o.roles,
  permissions: permissionsOf(o.roles),
  status: o.status,
  unit: toUnit(unit),
})

/** An officer as administrators see them: the account's state besides who and where, never a secret. */
export type ManagedOfficer = Officer & {
  enrolled: boolean
  passwordChangeRequired: boolean
  createdAt: string
  updatedAt: string
}

export const toManagedOfficer = (o: OfficerRow, unit: UnitRow): ManagedOfficer => ({
  ...toOfficer(o, unit),
  enrolled: o.totp_sealed !== null,
  passwordChangeRequired: o.password_change_required,
  createdAt: o.created_at.toISOString(),
  updatedAt: o.updated_at.toISOString(),
})

export const scopeOf = (u: UnitRow): UnitScope => ({
  code: u.code,
  level: u.level,
  provinceCode: u.province_code,
})
