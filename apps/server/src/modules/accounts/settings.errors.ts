import { defineErrors } from '../../platform/errors.js'

// Account settings (the rest of the accounts catalogue is in accounts.errors.ts).
export const SETTINGS = defineErrors('accounts', {
  LEVEL2_REQUIRED: [403, 'Only a level 2 account may allow logging in on the web by QR code'],
})
