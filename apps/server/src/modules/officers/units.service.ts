import { recordAudit } from '../../platform/audit/index.js'
import { fail } from '../../platform/errors.js'
import type { Actor } from './enrolment.service.js'
import type { OfficersDeps } from './officers.deps.js'
import { OFFICERS } from './officers.errors.js'
import type { UnitLevel } from './officers.permissions.js'
import { findUnit } from './officers.repository.js'

export type NewUnit = {
  code: string
  name: string
  level: UnitLevel
  parentCode: string | null
  provinceCode: string | null
}

/** Adds a police unit (the table's CHECKs hold the hierarchy rules); its parent must exist first. */
export const addUnit = async (deps: Pick<OfficersDeps, 'db' | 'clock'>, actor: Actor, unit: NewUnit) => {
  if (unit.parentCode && !(await findUnit(deps.db, unit.parentCode))) fail(OFFICERS.UNIT_NOT_FOUND)
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('officers_unit')
      .values({
        code: unit.code,
        name: unit.name.normalize('NFC'),
        level: unit.level,
        parent_code: unit.parentCode,
        province_code: unit.provinceCode,
      })
      .execute()
    await recordAudit(trx, deps.clock, {
      actor: actor.id,
      actorKind: actor.kind,
      action: 'officers.unit.created',
      subject: unit.code,
      subjectKind: 'unit',
      data: { level: unit.level, parent: unit.parentCode, province: unit.provinceCode },
    })
    return unit
  })
}
