import { fail } from '../../platform/errors.js'
import { countLiveSessions } from './credentials.repository.js'
import { allUnits, type OfficerFilter, searchOfficers, unitsByCode } from './directory.repository.js'
import { assertManages, auditManaged, loadManaged, type Manager } from './manager.js'
import { type ManagedOfficer, scopeOf, toManagedOfficer } from './officer.view.js'
import type { OfficersDeps } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import { withinJurisdiction } from './officers.permissions.js'
import { findUnit } from './officers.repository.js'
import type { UnitRow } from './officers.table.js'

export type OfficerSearch = Omit<OfficerFilter, 'units'>
export type OfficerPage = { items: ManagedOfficer[]; page: number; pageSize: number; total: number }

/** The units a manager may act in: their jurisdiction (withinJurisdiction); everything for the CLI. */
export const managedUnits = async (deps: Pick<OfficersDeps, 'db'>, m: Manager): Promise<UnitRow[]> => {
  const units = await allUnits(deps.db)
  return m.kind === 'officer' ? units.filter((u) => withinJurisdiction(m.officer.unit, scopeOf(u))) : units
}

/** Officers of the manager's jurisdiction by unit, role, status and number or name, a page at a time; audited. */
export const findOfficers = async (
  deps: OfficersDeps,
  m: Manager,
  search: OfficerSearch,
): Promise<OfficerPage> => {
  if (search.unitCode)
    assertManages(m, (await findUnit(deps.db, search.unitCode)) ?? fail(OFFICERS.UNIT_NOT_FOUND))
  const units = m.kind === 'officer' ? (await managedUnits(deps, m)).map((u) => u.code) : null
  const { rows, total } = await searchOfficers(deps.db, { ...search, units })
  const byCode = await unitsByCode(
    deps.db,
    rows.map((r) => r.unit_code),
  )
  const items = rows.flatMap((r) => {
    const unit = byCode.get(r.unit_code)
    return unit ? [toManagedOfficer(r, unit)] : []
  })
  await deps.db.transaction().execute((trx) =>
    auditManaged(trx, deps.clock, m, {
      action: 'officer.listed',
      subject: null,
      subjectKind: 'officer',
      data: {
        filter: {
          q: search.q ?? null,
          unit: search.unitCode ?? null,
          role: search.role ?? null,
          status: search.status ?? null,
        },
        page: search.page,
        shown: items.map((o) => o.officerNumber),
      },
    }),
  )
  return { items, page: search.page, pageSize: search.pageSize, total }
}

/** One officer of the manager's jurisdiction, with how many live sessions they have; audited. */
export const viewOfficer = async (
  deps: OfficersDeps,
  m: Manager,
  officerId: string,
): Promise<ManagedOfficer & { liveSessions: number }> => {
  const { row, unit } = await loadManaged(deps.db, m, officerId)
  const liveSessions = await countLiveSessions(deps.db, row.id, deps.clock.now())
  await deps.db.transaction().execute((trx) =>
    auditManaged(trx, deps.clock, m, {
      action: 'officer.viewed',
      subject: row.officer_number,
      subjectKind: 'officer',
    }),
  )
  return { ...toManagedOfficer(row, unit), liveSessions }
}
