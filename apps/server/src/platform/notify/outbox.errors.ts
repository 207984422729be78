import { defineErrors } from '../errors.js'

export const NOTIFY = defineErrors('notify', {
  INVALID_RECIPIENT: [400, 'The recipient is not a valid phone number (E.164) or email address'],
})
