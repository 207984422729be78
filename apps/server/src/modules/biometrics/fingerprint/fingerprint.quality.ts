// Enrolment needs enough minutiae to tell a finger apart: below this, chance pairings dominate the score.
import { fail } from '../../../platform/errors.js'
import { FINGERPRINT } from './fingerprint.errors.js'
import type { FingerTemplate } from './fingerprint.types.js'

export const MIN_MINUTIAE = 12

/** Refuses a finger with too few minutiae (FINGERPRINT_TOO_FEW_MINUTIAE), naming the field and the counts. */
export const requireEnoughMinutiae = (
  template: FingerTemplate,
  field = 'minutiae',
  minimum = MIN_MINUTIAE,
): FingerTemplate => {
  const count = template.minutiae.length
  if (count < minimum) fail(FINGERPRINT.FINGERPRINT_TOO_FEW_MINUTIAE, undefined, { field, count, minimum })
  return template
}
