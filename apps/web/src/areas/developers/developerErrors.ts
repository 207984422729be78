import type { TFunction } from 'i18next'
import type { ApiError } from '../../api'
import { vi } from '../../i18n/vi'
import { localizeError } from '../../layout/ErrorAlert'

type Key = keyof typeof vi.developers.errors
const isKey = (k: string): k is Key => Object.hasOwn(vi.developers.errors, k)

/** The console's sentence for an error: its own for the stable codes it knows, the generic one otherwise. */
export const developerError = (
  error: ApiError,
  t: TFunction,
  ns: 'developers' | 'officer.relyingParties',
) => {
  const key = error.code.replaceAll('.', '_')
  return isKey(key) ? t(`${ns}.errors.${key}`) : localizeError(error, t)
}
