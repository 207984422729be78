// Every code the officer-account routes answer with, and its sentence under officer.admin.errors.
// No imports: the e2e tests (node16 resolution) read it to check no server code lacks a sentence.
export const OFFICER_ERROR_KEYS = {
  'officers.INVALID_CREDENTIALS': 'invalidCredentials',
  'officers.CHALLENGE_INVALID': 'challengeInvalid',
  'officers.TOTP_INVALID': 'totpInvalid',
  'officers.OFFICER_SUSPENDED': 'suspended',
  'officers.SESSION_REQUIRED': 'sessionRequired',
  'officers.CSRF_INVALID': 'csrfInvalid',
  'officers.PERMISSION_DENIED': 'permissionDenied',
  'officers.OUTSIDE_JURISDICTION': 'outsideJurisdiction',
  'officers.FOUR_EYES_REQUIRED': 'fourEyes',
  'officers.UNIT_NOT_FOUND': 'unitNotFound',
  'officers.OFFICER_NOT_FOUND': 'officerNotFound',
  'officers.NUMBER_TAKEN': 'numberTaken',
  'officers.PASSWORD_CHANGE_REQUIRED': 'passwordChangeRequired',
  'officers.TOTP_ENROLMENT_REQUIRED': 'totpEnrolmentRequired',
  'officers.FIRST_LOGIN_STEP_INVALID': 'firstLoginStep',
  'officers.PASSWORD_REJECTED': 'passwordRejected',
  'officers.CURRENT_PASSWORD_WRONG': 'currentPasswordWrong',
  'officers.SELF_CHANGE_FORBIDDEN': 'selfChange',
  'officers.LAST_ADMINISTRATOR': 'lastAdministrator',
  'officers.ALREADY_SUSPENDED': 'alreadySuspended',
  'officers.NOT_SUSPENDED': 'notSuspended',
  'officers.UNIT_CODE_INVALID': 'unitCodeInvalid',
  'officers.UNIT_NAME_INVALID': 'unitNameInvalid',
  'officers.UNIT_CODE_TAKEN': 'unitCodeTaken',
  'officers.UNIT_PARENT_NOT_FOUND': 'unitParentNotFound',
  'officers.UNIT_PARENT_REQUIRED': 'unitParentRequired',
  'officers.UNIT_PARENT_INVALID': 'unitParentInvalid',
  'officers.UNIT_PROVINCE_REQUIRED': 'unitProvinceRequired',
  'officers.UNIT_PROVINCE_UNKNOWN': 'unitProvinceUnknown',
  'officers.UNIT_PROVINCE_MISMATCH': 'unitProvinceMismatch',
  'officers.UNIT_CENTRAL_STANDALONE': 'unitCentralStandalone',
  'authn.ACCOUNT_TEMPORARILY_LOCKED': 'locked',
  'authn.RATE_LIMITED': 'locked',
  'platform.RATE_LIMITED': 'locked',
  'platform.VALIDATION': 'validation',
} as const

export type KnownOfficerError = keyof typeof OFFICER_ERROR_KEYS

export const isKnownOfficerError = (code: string): code is KnownOfficerError =>
  Object.hasOwn(OFFICER_ERROR_KEYS, code)
