import { fromParts, isLocalDate, type LocalDate, toParts } from '@dinhdanh/vn-id'
import { fail } from '../../platform/errors.js'
import { LOCK_REQUESTS } from './lock-requests.errors.js'
import type { LockRequestGround, LockRequestKind } from './lock-requests.table.js'

/** How far ahead an authority's lock may be set to end; longer measures are renewed by a new letter. */
export const LOCK_UNTIL_MAX_YEARS = 2

const GROUND_OF: Record<LockRequestKind, LockRequestGround> = {
  lock: 'lid_34_1_e',
  unlock: 'authority_unlock',
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export const yearsAfter = (day: LocalDate, years: number): LocalDate => {
  const { y, m, d } = toParts(day)
  const same = `${String(y + years).padStart(4, '0')}${day.slice(4)}`
  return isLocalDate(same) ? same : fromParts({ y: y + years, m, d: d - 1 })
}

/**
 * The authority's letter as typed at the counter, checked against today in Vietnam: the ground follows the
 * kind, the letter is not dated ahead, and an end date (a lock only) lies after today and within 2 years.
 */
export const checkLetter = (
  input: {
    kind: LockRequestKind
    ground: LockRequestGround
    authority: { documentDate: LocalDate }
    lockUntil?: LocalDate | undefined
  },
  today: LocalDate,
) => {
  if (GROUND_OF[input.kind] !== input.ground) fail(LOCK_REQUESTS.GROUND_MISMATCH)
  if (input.authority.documentDate > today) fail(LOCK_REQUESTS.DOCUMENT_DATE_IN_FUTURE)
  if (input.lockUntil === undefined) return
  if (input.kind !== 'lock') fail(LOCK_REQUESTS.LOCK_UNTIL_FOR_LOCK_ONLY)
  if (input.lockUntil <= today) fail(LOCK_REQUESTS.LOCK_UNTIL_NOT_AFTER_TODAY)
  if (input.lockUntil > yearsAfter(today, LOCK_UNTIL_MAX_YEARS)) fail(LOCK_REQUESTS.LOCK_UNTIL_TOO_FAR)
}
