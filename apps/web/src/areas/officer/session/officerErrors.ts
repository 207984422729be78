import type { TFunction } from 'i18next'
import type { ApiError } from '../../../api'
import { localizeError } from '../../../layout/ErrorAlert'
import { isKnownOfficerError, OFFICER_ERROR_KEYS } from './officerErrorKeys'

/** An officer-account error in the reader's language; the generic sentence for a code this UI does not know. */
export const explainOfficerError = (error: ApiError, t: TFunction): string => {
  return isKnownOfficerError(error.code)
    ? t(`officer.admin.errors.${OFFICER_ERROR_KEYS[error.code]}`)
    : localizeError(error, t)
}
