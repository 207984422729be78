import { defineErrors } from '../../platform/errors.js'

// Passkeys and step-up (the rest of the accounts catalogue is in accounts.errors.ts).
export const PASSKEYS = defineErrors('accounts', {
  PASSKEYS_UNAVAILABLE: [
    503,
    'Passkeys need the platform to be served under a domain name (WEBAUTHN_RP_ID, PUBLIC_URL)',
  ],
  PASSKEY_CHALLENGE_INVALID: [400, 'This passkey request has expired or was already used: start again'],
  PASSKEY_REJECTED: [401, 'The passkey could not be verified'],
  PASSKEY_NOT_FOUND: [404, 'No such passkey of yours'],
  TOO_MANY_PASSKEYS: [409, 'An account holds at most 10 passkeys: remove one first'],
  STEP_UP_REQUIRED: [403, 'Confirm it is you (passcode or passkey) before this action'],
  WRONG_PASSCODE: [400, 'The passcode is wrong'],
  WRONG_PASSWORD: [400, 'The current password is wrong'],
})
