import { type Expression, type SqlBool, sql } from 'kysely'
import type { Db } from '../../database.js'
import { fail } from '../../platform/errors.js'
import { assertWithinJurisdiction, type Officer, type UnitLevel } from '../officers/index.js'
import { REPORTS } from './reports.errors.js'

/** What a report counts: everything, one province's units, or one unit's own records. */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'unit'; code: string }

export type ReportScope = {
  unit: { code: string; name: string; level: UnitLevel; provinceCode: string | null }
  filter: ScopeFilter
}

/**
 * officers.withinJurisdiction as a filter (D59 Art 20), as the approval queue applies it: central sees
 * everything, a province its province, a commune itself, an immigration office its province (or everything).
 */
const jurisdictionOf = (u: ReportScope['unit']): ScopeFilter => {
  if (u.level === 'central') return { kind: 'all' }
  if (u.level === 'commune' || (u.level === 'province' && u.provinceCode === null))
    return { kind: 'unit', code: u.code }
  return u.provinceCode === null ? { kind: 'all' } : { kind: 'province', provinceCode: u.provinceCode }
}

// A unit chosen in the filter shows its own records; a provincial unit stands for its whole province.
const narrowedTo = (u: ReportScope['unit']): ScopeFilter =>
  u.level === 'central'
    ? { kind: 'all' }
    : u.level === 'province' && u.provinceCode !== null
      ? { kind: 'province', provinceCode: u.provinceCode }
      : { kind: 'unit', code: u.code }

/** The officer's own jurisdiction, or one unit within it (`officers.OUTSIDE_JURISDICTION` otherwise). */
export const reportScope = async (db: Db, officer: Officer, unitCode?: string): Promise<ReportScope> => {
  const { code, name, level, provinceCode } = officer.unit
  const own = { code, name, level, provinceCode }
  if (unitCode === undefined || unitCode === own.code) return { unit: own, filter: jurisdictionOf(own) }
  const row =
    (await db.selectFrom('officers_unit').selectAll().where('code', '=', unitCode).executeTakeFirst()) ??
    fail(REPORTS.UNIT_NOT_FOUND, undefined, { unit: unitCode })
  const unit = { code: row.code, name: row.name, level: row.level, provinceCode: row.province_code }
  assertWithinJurisdiction(officer.unit, unit)
  return { unit, filter: narrowedTo(unit) }
}

type Column = string | Expression<unknown>
const col = (c: Column) => (typeof c === 'string' ? sql.ref(c) : c)

/** The filter as SQL over a table's receiving-unit columns (`unit_code`, `unit_province` or the like). */
export const inScope = (filter: ScopeFilter, code: Column, province: Column): Expression<SqlBool> => {
  switch (filter.kind) {
    case 'all':
      return sql<SqlBool>`true`
    case 'province':
      return sql<SqlBool>`${col(province)} = ${filter.provinceCode}`
    case 'unit':
      return sql<SqlBool>`${col(code)} = ${filter.code}`
  }
}
