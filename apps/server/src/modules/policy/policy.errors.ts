import { defineErrors } from '../../platform/errors.js'

// Rules answer with values; these are thrown only for a misconfigured process.
export const POLICY = defineErrors('policy', {
  UNKNOWN_PROFILE: [500, 'Unknown policy profile'],
})
