import { defineErrors } from '../../platform/errors.js'

export const REPORTS = defineErrors('reports', {
  INVALID_DATE: [400, 'A date is not a real calendar day (YYYY-MM-DD)'],
  RANGE_REVERSED: [400, 'The start of the period is after its end'],
  RANGE_TOO_LONG: [400, 'A report covers at most 366 days'],
  UNIT_NOT_FOUND: [404, 'No such police unit'],
})
