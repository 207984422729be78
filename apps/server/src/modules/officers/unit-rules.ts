import { provinceByCode } from '@dinhdanh/vn-id'
import type { ErrorFactory } from '../../platform/errors.js'
import { OFFICERS } from './officers.errors.js'
import type { UnitLevel } from './officers.permissions.js'
import type { UnitRow } from './officers.table.js'

export type NewUnit = {
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  provinceCode: string | null
}

/** The same pattern as the table's CHECK, so a bad code gets its own answer, not a constraint error. */
export const UNIT_CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/

// Which levels may hold a unit of each level: C06 holds the provincial PC06, a PC06 its commune police;
// an immigration office sits under the national Immigration Department (or C06), or stands alone.
const PARENT_LEVELS: Readonly<Record<UnitLevel, readonly UnitLevel[]>> = {
  central: [],
  province: ['central'],
  commune: ['province'],
  immigration_office: ['central', 'immigration_office'],
}

/**
 * The first hierarchy rule a new unit breaks, or null: the migrations' CHECKs (a central unit stands alone;
 * province and commune units have a province; a commune has a parent) and where a unit may sit.
 * `parent` is the looked-up parent row (undefined when parentCode is null).
 */
export const unitRuleBroken = (unit: NewUnit, parent: UnitRow | undefined): ErrorFactory | null => {
  if (!UNIT_CODE.test(unit.code)) return OFFICERS.UNIT_CODE_INVALID
  const nameLength = [...unit.name.normalize('NFC').trim()].length
  if (nameLength < 1 || nameLength > 200) return OFFICERS.UNIT_NAME_INVALID
  if (unit.level === 'central' && (unit.parentCode !== null || unit.provinceCode !== null))
    return OFFICERS.UNIT_CENTRAL_STANDALONE
  if ((unit.level === 'province' || unit.level === 'commune') && unit.provinceCode === null)
    return OFFICERS.UNIT_PROVINCE_REQUIRED
  if (unit.provinceCode !== null && !provinceByCode(unit.provinceCode)) return OFFICERS.UNIT_PROVINCE_UNKNOWN
  if (unit.level === 'commune' && unit.parentCode === null) return OFFICERS.UNIT_PARENT_REQUIRED
  if (!parent) return unit.parentCode === null ? null : OFFICERS.UNIT_PARENT_NOT_FOUND
  if (!PARENT_LEVELS[unit.level].includes(parent.level)) return OFFICERS.UNIT_PARENT_INVALID
  if (parent.province_code !== null && parent.province_code !== unit.provinceCode)
    return OFFICERS.UNIT_PROVINCE_MISMATCH
  return null
}
