import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { CodedErrorAlert } from '../../../layout/CodedErrorAlert'
import { lockRequestErrorText } from './lockRequestLabels'

type Props = { error: ApiError; title?: string }

/** A lock-request error in Vietnamese by its code, the server's code and message under it for the help desk. */
export const LockRequestErrorAlert = ({ error, title }: Props) => {
  const { t } = useTranslation()
  return (
    <CodedErrorAlert
      error={error}
      title={title ?? t('officer.lockRequests.errorTitle')}
      text={lockRequestErrorText(error, t)}
    />
  )
}
