import type { Permission, Role, UnitLevel } from './officers.permissions.js'
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
