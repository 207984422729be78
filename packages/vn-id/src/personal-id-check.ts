import type { Gender } from './gender.js'
import { type LocalDate, parseLocalDate, toParts } from './local-date.js'
import { type PersonalId, type PersonalIdOptions, parsePersonalId } from './personal-id.js'
import { fail, ok, type Result } from './result.js'

export type PersonalIdClaims = { dateOfBirth?: LocalDate; birthYear?: number; gender?: Gender }
export type PersonalIdMismatch = 'birthYear' | 'gender'

// Which declared facts the number contradicts (DOMAIN §6.1: year and gender must match the DOB record).
export const crossCheckPersonalId = (
  id: string | PersonalId,
  claims: PersonalIdClaims,
  options: PersonalIdOptions = {},
): Result<PersonalIdMismatch[]> => {
  const parsed = typeof id === 'string' ? parsePersonalId(id, options) : ok(id)
  if (!parsed.ok) return parsed
  let claimedYear = claims.birthYear
  if (claims.dateOfBirth !== undefined) {
    const dob = parseLocalDate(claims.dateOfBirth)
    if (!dob.ok) return dob
    claimedYear = toParts(dob.value).y
  }
  if (claims.birthYear !== undefined && claimedYear !== claims.birthYear) {
    return fail('vn-id.DATE_INVALID', 'dateOfBirth and birthYear disagree')
  }
  const mismatches: PersonalIdMismatch[] = []
  if (claimedYear !== undefined && claimedYear !== parsed.value.birthYear) mismatches.push('birthYear')
  if (claims.gender !== undefined && claims.gender !== parsed.value.gender) mismatches.push('gender')
  return ok(mismatches)
}
