import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../api'
import { AccountErrorAlert } from '../../accountErrors'

const OWN: Record<string, 'invalid' | 'notAllowed' | 'level2Required'> = {
  'oidc.QR_LOGIN_INVALID': 'invalid',
  'oidc.QR_LOGIN_NOT_ALLOWED': 'notAllowed',
  'accounts.LEVEL2_REQUIRED': 'level2Required',
}

/** This feature's errors in its own words; the account's usual ones (session, step-up, limits) as elsewhere. */
export const WebLoginErrorAlert = ({ error }: { error: ApiError }) => {
  const { t } = useTranslation()
  const own = OWN[error.code]
  if (!own) return <AccountErrorAlert error={error} />
  return (
    <Alert color="red" variant="light" role="alert">
      {t(`webLogin.errors.${own}`)}
    </Alert>
  )
}
