import { defineErrors } from '../../platform/errors.js'

// Login by QR code (the rest of the oidc catalogue is in oidc.errors.ts).
export const QR_LOGIN = defineErrors('oidc', {
  QR_LOGIN_INVALID: [
    404,
    'No login request has this code: it is mistyped, expired, already decided, or scanned by another account',
  ],
  QR_LOGIN_NOT_ALLOWED: [
    403,
    'Logging in on the web by QR code needs a level 2 account with the setting "allow web login by QR code" on',
  ],
  QR_LOGIN_EXPIRED: [410, 'The QR code has expired: show a new one'],
  QR_LOGIN_REFUSED: [403, 'The login was refused in the app'],
})
