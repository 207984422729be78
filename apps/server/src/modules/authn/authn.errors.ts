import { defineErrors } from '../../platform/errors.js'

export const AUTHN = defineErrors('authn', {
  RATE_LIMITED: [429, 'Too many attempts; try again later'],
  OTP_INVALID: [400, 'The code is not valid'],
  OTP_EXPIRED: [400, 'The code has expired; request a new one'],
  OTP_TOO_MANY_ATTEMPTS: [400, 'Too many wrong codes; request a new one'],
  ACCOUNT_TEMPORARILY_LOCKED: [429, 'Too many failed attempts; try again later'],
})
