import type { TFunction } from 'i18next'
import type { ApiError } from '../../../api'
import type { vi } from '../../../i18n/vi'
import { explainOfficerError } from './officerErrors'

type LoginErrorKey = keyof typeof vi.officer.login.errors

const KEYS: Readonly<Record<string, LoginErrorKey>> = {
  'officers.INVALID_CREDENTIALS': 'invalidCredentials',
  'officers.TOTP_INVALID': 'totpInvalid',
  'officers.CHALLENGE_INVALID': 'challengeInvalid',
  'officers.OFFICER_SUSPENDED': 'suspended',
  'authn.ACCOUNT_TEMPORARILY_LOCKED': 'locked',
  'authn.RATE_LIMITED': 'locked',
  'platform.RATE_LIMITED': 'locked',
}

/** What the officer is told about a refused login step. */
export const explainOfficerLogin = (error: ApiError, t: TFunction): string => {
  const key = KEYS[error.code]
  return key ? t(`officer.login.errors.${key}`) : explainOfficerError(error, t)
}
