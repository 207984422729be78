import { Alert, Button, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api'

/** The localized (Vietnamese-first) sentence for an API error; the server's own message is shown under it. */
export const localizeError = (error: ApiError, t: TFunction, context?: 'person'): string => {
  if (error.status === 0) return t('errors.network')
  if (error.status === 404) return context === 'person' ? t('errors.personNotFound') : t('errors.notFound')
  if (error.status === 401) return t('errors.unauthenticated')
  if (error.status === 403) return t('errors.forbidden')
  if (error.status === 429) return t('errors.rateLimited')
  if (error.status === 503) return t('errors.unavailable')
  if (error.status >= 500) return t('errors.internal')
  if (error.status >= 400) return t('errors.badRequest')
  return t('errors.unknown')
}

type Props = { error: ApiError; context?: 'person'; onRetry?: () => void }

export const ErrorAlert = ({ error, context, onRetry }: Props) => {
  const { t } = useTranslation()
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      <Stack gap="xs">
        <Text fw={600}>{localizeError(error, t, context)}</Text>
        {error.message && (
          <Text size="sm">
            {t('errors.serverMessage', { message: error.message })}{' '}
            <Text span size="xs" ff="monospace">
              ({error.code}
              {error.status ? `, HTTP ${error.status}` : ''})
            </Text>
          </Text>
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
