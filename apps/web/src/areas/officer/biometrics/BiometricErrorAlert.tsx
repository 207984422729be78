import { Alert, Anchor, Button, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiError } from '../../../api'
import { localizeError } from '../../../layout/ErrorAlert'
import { explainCode, isImageCode, measuredLine } from './biometricLabels'
import { useBiometricFormat } from './format'
import { reviewPath } from './paths'

type Props = { error: ApiError; onRetry?: () => void }

/** A biometrics error in words a counter officer can act on, with the recorded check when there is one. */
export const BiometricErrorAlert = ({ error, onRetry }: Props) => {
  const { t } = useTranslation()
  const format = useBiometricFormat()
  const title =
    error.code === 'biometrics.FACE_SPOOF_SUSPECTED'
      ? t('officer.biometrics.errorTitle.spoof')
      : isImageCode(error.code)
        ? t('officer.biometrics.errorTitle.image')
        : t('officer.biometrics.errorTitle.other')
  const measured = measuredLine(error.code, error.details, t, (n) => format.number(n))
  const verificationId = error.details?.verificationId
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-code={error.code}>
      <Stack gap="xs">
        <Text fw={600}>{explainCode(error.code, t) ?? localizeError(error, t)}</Text>
        {measured && <Text size="sm">{measured}</Text>}
        <Text size="xs" c="dimmed">
          {t('officer.biometrics.serverCode', { code: error.code })}
          {error.status ? ` · HTTP ${error.status}` : ''}
          {error.message ? ` · ${error.message}` : ''}
        </Text>
        {typeof verificationId === 'string' && (
          <Anchor component={Link} to={reviewPath(verificationId)} fw={600} size="sm">
            {t('officer.biometrics.reviewLinkFromError')} →
          </Anchor>
        )}
        {onRetry && (
          <div>
            <Button variant="outline" color="red" size="xs" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  )
}
