import { sql } from 'kysely'
import type { Db } from '../../database.js'
import type { Role } from './officers.permissions.js'
import type { OfficerRow, UnitRow } from './officers.table.js'

export type OfficerFilter = {
  /** Part of the officer number or of the name. */
  q?: string | undefined
  unitCode?: string | undefined
  role?: Role | undefined
  status?: OfficerRow['status'] | undefined
  /** The units the manager may see; null for all of them. */
  units: string[] | null
  page: number
  pageSize: number
}

// LIKE's own wildcards in what the administrator typed are matched as themselves.
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

export const searchOfficers = async (
  db: Db,
  f: OfficerFilter,
): Promise<{ rows: OfficerRow[]; total: number }> => {
  let q = db.selectFrom('officers_officer')
  if (f.units !== null) q = q.where('unit_code', 'in', f.units.length ? f.units : [''])
  if (f.unitCode) q = q.where('unit_code', '=', f.unitCode)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.role) q = q.where(sql<boolean>`${f.role} = ANY (roles)`)
  if (f.q) {
    const pattern = likePattern(f.q)
    q = q.where((eb) => eb.or([eb('officer_number', 'ilike', pattern), eb('full_name', 'ilike', pattern)]))
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('officer_number')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export const allUnits = (db: Db): Promise<UnitRow[]> =>
  db.selectFrom('officers_unit').selectAll().orderBy('code').execute()

export const unitsByCode = async (db: Db, codes: readonly string[]): Promise<Map<string, UnitRow>> => {
  if (codes.length === 0) return new Map()
  const rows = await db
    .selectFrom('officers_unit')
    .selectAll()
    .where('code', 'in', [...new Set(codes)])
    .execute()
  return new Map(rows.map((u) => [u.code, u]))
}

export const officerCountsByUnit = async (db: Db): Promise<Map<string, number>> => {
  const rows = await db
    .selectFrom('officers_officer')
    .select(['unit_code', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('unit_code')
    .execute()
  return new Map(rows.map((r) => [r.unit_code, Number(r.n)]))
}

/**
 * Every active administrator, locked until the transaction ends (the target's row too): two administrators
 * demoting each other at the same moment are serialised, and the second sees the first's change.
 */
export const lockActiveAdministrators = async (db: Db): Promise<string[]> =>
  (
    await db
      .selectFrom('officers_officer')
      .select('id')
      .where('status', '=', 'active')
      .where(sql<boolean>`'administrator' = ANY (roles)`)
      .forUpdate()
      .execute()
  ).map((r) => r.id)
