import { defineErrors } from '../../platform/errors.js'

export const ACCOUNTS = defineErrors('accounts', {
  INVALID_PHONE: [400, 'Not a Vietnamese mobile number'],
  INVALID_EMAIL: [400, 'Not an e-mail address'],
  INVALID_DATE: [400, 'A date of birth is YYYY, YYYY-MM or YYYY-MM-DD'],
  SELFIE_REQUIRED: [400, 'A selfie (JPEG, PNG or WebP, at most 10 MiB) is required'],
  CREDENTIALS_REJECTED: [400, 'The password, passcode or security questions do not follow the rules'],
  NOT_ACTIVATABLE: [409, 'This account cannot be activated (already active, locked or closed)'],
  DOSSIER_NOT_FOUND: [404, 'No such registration dossier'],
})
