import { defineErrors } from '../../platform/errors.js'

export const ACCOUNTS = defineErrors('accounts', {
  INVALID_PHONE: [400, 'Not a Vietnamese mobile number'],
  INVALID_EMAIL: [400, 'Not an e-mail address'],
  INVALID_DATE: [400, 'A date of birth is YYYY, YYYY-MM or YYYY-MM-DD'],
  SELFIE_REQUIRED: [400, 'A selfie (JPEG, PNG or WebP, at most 10 MiB) is required'],
  CREDENTIALS_REJECTED: [400, 'The password, passcode or security questions do not follow the rules'],
  NOT_ACTIVATABLE: [409, 'This account cannot be activated (already active, locked or closed)'],
  INVALID_CREDENTIALS: [401, 'The ID number or the password is wrong'],
  NOT_ACTIVATED: [403, 'The account is approved but not activated yet'],
  ACCOUNT_LOCKED: [423, 'The account is locked'],
  CHALLENGE_INVALID: [400, 'This login step has expired or was already used: log in again'],
  SESSION_REQUIRED: [401, 'Log in first'],
  CSRF_INVALID: [403, 'The request lacks the anti-forgery token of this session'],
  SESSION_NOT_FOUND: [404, 'No such session of yours'],
  NOT_LOCKED_BY_HOLDER: [
    409,
    "The account has no lock of the holder's own to lift (other locks are lifted by their authority)",
  ],
  SAME_PHONE: [409, 'The new phone number is the one already registered'],
  NOT_REPRESENTATIVE: [403, "The registry does not record you as this person's parent or guardian"],
  DEPENDENT_REFUSED: [422, 'This dependent cannot be registered by you under the legal regime in force'],
  DEPENDENT_SELF_REGISTERS: [409, 'This person is 14 or older and registers their own account'],
  DEPENDENT_ALREADY_REGISTERED: [409, 'This person already has a representative or an account'],
  DOSSIER_NOT_FOUND: [404, 'No such registration dossier'],
})
