import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { vi } from '../../../i18n/vi'
import { CodedErrorAlert } from '../../../layout/CodedErrorAlert'
import { localizeError } from '../../../layout/ErrorAlert'
import { isKeyOf } from '../labels'

// Server codes are dotted ('reports.RANGE_TOO_LONG'); i18next reads dots as nesting, so the keys use '_'.
export const reportErrorText = (error: ApiError, t: TFunction): string => {
  const key = error.code.replaceAll('.', '_')
  return isKeyOf(vi.officer.reports.errors, key) && key !== 'title'
    ? t(`officer.reports.errors.${key}`)
    : localizeError(error, t)
}

/** A report's error in the reader's language by its code, with the server's code under it for the help desk. */
export const ReportErrorAlert = ({ error }: { error: ApiError }) => {
  const { t } = useTranslation()
  return (
    <CodedErrorAlert
      error={error}
      title={t('officer.reports.errors.title')}
      text={reportErrorText(error, t)}
      showMessage={false}
    />
  )
}
