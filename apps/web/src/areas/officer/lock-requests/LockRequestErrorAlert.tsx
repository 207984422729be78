import { Alert, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { lockRequestErrorText } from './lockRequestLabels'

type Props = { error: ApiError; title?: string }

/** A lock-request error in Vietnamese by its code, the server's code and message under it for the help desk. */
export const LockRequestErrorAlert = ({ error, title }: Props) => {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('officer.lockRequests.errorTitle')}
      role="alert"
      data-code={error.code}
    >
      <Stack gap={4}>
        <Text fw={600}>{lockRequestErrorText(error, t)}</Text>
        <Text size="xs" c="dimmed">
          {error.code}
          {error.status ? ` · HTTP ${error.status}` : ''}
          {error.message ? ` · ${error.message}` : ''}
        </Text>
      </Stack>
    </Alert>
  )
}
