import { fail } from '../../platform/errors.js'
import { officerCountsByUnit } from './directory.repository.js'
import { assertManages, auditManaged, type Manager } from './manager.js'
import { toUnit, type Unit } from './officer.view.js'
import { managedUnits } from './officer-directory.service.js'
import type { OfficersDeps } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import { findUnit } from './officers.repository.js'
import type { UnitRow } from './officers.table.js'
import { type NewUnit, unitRuleBroken } from './unit-rules.js'

export type { NewUnit } from './unit-rules.js'

/**
 * Adds a police unit within the manager's jurisdiction. The hierarchy rules (unit-rules.ts) answer with their
 * own codes before the table's CHECKs could refuse it; the code's uniqueness is the primary key's to decide.
 */
export const addUnit = async (
  deps: Pick<OfficersDeps, 'db' | 'clock'>,
  m: Manager,
  input: NewUnit,
): Promise<Unit> => {
  const unit = { ...input, code: input.code.trim(), name: input.name.normalize('NFC').trim() }
  const parent = unit.parentCode ? await findUnit(deps.db, unit.parentCode) : undefined
  const broken = unitRuleBroken(unit, parent)
  if (broken) fail(broken)
  const row: UnitRow = {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parent_code: unit.parentCode,
    province_code: unit.provinceCode,
  }
  assertManages(m, row)
  return deps.db.transaction().execute(async (trx) => {
    const inserted =
      (await trx
        .insertInto('officers_unit')
        .values(row)
        .onConflict((oc) => oc.column('code').doNothing())
        .returningAll()
        .executeTakeFirst()) ?? fail(OFFICERS.UNIT_CODE_TAKEN)
    await auditManaged(trx, deps.clock, m, {
      action: 'unit.created',
      subject: inserted.code,
      subjectKind: 'unit',
      data: { level: inserted.level, parent: inserted.parent_code, province: inserted.province_code },
    })
    return toUnit(inserted)
  })
}

/** The units of the manager's jurisdiction (all of them for the CLI), each with its number of officers; audited. */
export const listUnits = async (deps: Pick<OfficersDeps, 'db' | 'clock'>, m: Manager) => {
  const units = await managedUnits(deps, m)
  const byUnit = await officerCountsByUnit(deps.db)
  await deps.db.transaction().execute((trx) =>
    auditManaged(trx, deps.clock, m, {
      action: 'unit.listed',
      subject: null,
      subjectKind: 'unit',
      data: { shown: units.length },
    }),
  )
  return units.map((u) => ({ ...toUnit(u), officers: byUnit.get(u.code) ?? 0 }))
}
