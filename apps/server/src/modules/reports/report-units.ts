import { sql } from 'kysely'
import type { Db } from '../../database.js'
import type { Officer, UnitLevel } from '../officers/index.js'
import { inScope, reportScope } from './report-scope.js'

export type UnitName = { code: string; name: string; level: UnitLevel; provinceCode: string | null }
/** A unit as a report lists it; one no longer in the unit table keeps its code only. */
export type ListedUnit = Omit<UnitName, 'level'> & { level: UnitLevel | null }

/** Names of the units a report lists, by code (a unit removed since keeps its code only). */
export const unitsByCode = async (db: Db, codes: readonly string[]): Promise<Map<string, UnitName>> => {
  if (codes.length === 0) return new Map()
  const rows = await db
    .selectFrom('officers_unit')
    .select(['code', 'name', 'level', 'province_code'])
    .where('code', 'in', [...new Set(codes)])
    .execute()
  return new Map(
    rows.map((u) => [u.code, { code: u.code, name: u.name, level: u.level, provinceCode: u.province_code }]),
  )
}

export const describeUnit = (units: Map<string, UnitName>, code: string): ListedUnit =>
  units.get(code) ?? { code, name: code, level: null, provinceCode: null }

/** The units an officer may choose in a report's filter: those within their jurisdiction. */
export const unitsWithinJurisdiction = async (db: Db, officer: Officer) => {
  const { filter } = await reportScope(db, officer)
  const rows = await db
    .selectFrom('officers_unit')
    .select(['code', 'name', 'level', 'province_code', 'parent_code'])
    .where(inScope(filter, 'code', 'province_code'))
    // Central and national units first, then province by province.
    .orderBy(sql`province_code nulls first`)
    .orderBy('code')
    .execute()
  return rows.map((u) => ({
    code: u.code,
    name: u.name,
    level: u.level,
    provinceCode: u.province_code,
    parentCode: u.parent_code,
  }))
}
