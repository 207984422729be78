import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { CodedErrorAlert } from '../../../layout/CodedErrorAlert'
import { counterErrorText } from './counterLabels'

type Props = { error: ApiError; title?: string }

/** A counter error in Vietnamese by its code, the server's code and message under it for the help desk. */
export const CounterErrorAlert = ({ error, title }: Props) => {
  const { t } = useTranslation()
  return (
    <CodedErrorAlert
      error={error}
      title={title ?? t('officer.counter.errorTitle')}
      text={counterErrorText(error, t)}
    />
  )
}
