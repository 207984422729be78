import { defineErrors } from '../errors.js'

export const AUDIT = defineErrors('audit', {
  NOT_IN_TRANSACTION: [500, 'Audit events are written inside the caller’s transaction'],
  DATA_TOO_LARGE: [500, 'Audit data is limited to small, non-secret facts'],
})
