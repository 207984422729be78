import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { assertWithinJurisdiction, type Officer } from '../officers/index.js'
import { findCounterDossier } from './counter-dossier.repository.js'
import { ENROLMENT } from './enrolment.errors.js'
import type { CounterDossierRow } from './enrolment.table.js'

export const receivingUnitOf = (d: CounterDossierRow) => ({
  code: d.unit_code,
  level: d.unit_level,
  provinceCode: d.unit_province,
})

/** The dossier, if the officer's unit has jurisdiction over the unit that received it (D59 Art 20). */
export const loadCounterDossier = async (
  deps: Pick<Deps, 'db'>,
  id: string,
  officer: Officer,
): Promise<CounterDossierRow> => {
  const d = (await findCounterDossier(deps.db, id)) ?? fail(ENROLMENT.NOT_FOUND)
  assertWithinJurisdiction(officer.unit, receivingUnitOf(d))
  return d
}
