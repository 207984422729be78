import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { assertWithinJurisdiction, type Officer } from '../officers/index.js'
import type { PolicyProfile } from '../policy/index.js'
import { findLockRequest } from './lock-request.repository.js'
import { LOCK_REQUESTS } from './lock-requests.errors.js'
import type { LockRequestRow } from './lock-requests.table.js'

export const receivingUnitOf = (r: LockRequestRow) => ({
  code: r.unit_code,
  level: r.unit_level,
  provinceCode: r.unit_province,
})

/**
 * Who decides: under Decree 69 the head of the MPS ID-management body (a central unit, D69 Art 29-30);
 * under Decree 59 the police head of the level that received it, or above (D59 Art 19(4), Art 20).
 */
export const assertMayDecide = (profile: PolicyProfile, officer: Officer, r?: LockRequestRow) => {
  if (profile === 'decree-69-2024' && officer.unit.level !== 'central')
    fail(LOCK_REQUESTS.CENTRAL_UNIT_REQUIRED)
  if (r) assertWithinJurisdiction(officer.unit, receivingUnitOf(r))
}

/** The request, if the officer's unit may see it: the receiving side within jurisdiction, or a decider. */
export const loadLockRequest = async (
  deps: Pick<Deps, 'db' | 'policy'>,
  id: string,
  officer: Officer,
): Promise<LockRequestRow> => {
  const r = (await findLockRequest(deps.db, id)) ?? fail(LOCK_REQUESTS.NOT_FOUND)
  const deciding = officer.permissions.includes('lock_request.decide')
  if (deciding) assertMayDecide(deps.policy.profile, officer, r)
  else assertWithinJurisdiction(officer.unit, receivingUnitOf(r))
  return r
}
