import { defineErrors } from '../../platform/errors.js'

export const OFFICERS = defineErrors('officers', {
  INVALID_CREDENTIALS: [401, 'Officer number or password is wrong'],
  CHALLENGE_INVALID: [401, 'This login has expired or was already used; start again'],
  TOTP_INVALID: [401, 'The authenticator code is wrong or was already used; wait for the next one'],
  OFFICER_SUSPENDED: [403, 'This officer account is suspended'],
  SESSION_REQUIRED: [401, 'Officer login required'],
  CSRF_INVALID: [403, 'The CSRF token is missing or wrong'],
  PERMISSION_DENIED: [403, "The officer's roles do not allow this"],
  OUTSIDE_JURISDICTION: [403, "This is outside the officer's unit's jurisdiction"],
  FOUR_EYES_REQUIRED: [403, 'A second officer must decide what this officer received'],
  UNIT_NOT_FOUND: [400, 'No such police unit'],
  OFFICER_NOT_FOUND: [404, 'Officer not found'],
  NUMBER_TAKEN: [409, 'This officer number is already in use'],
})
