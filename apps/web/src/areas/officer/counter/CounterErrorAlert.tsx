import { Alert, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../api'
import { counterErrorText } from './counterLabels'

type Props = { error: ApiError; title?: string }

/** A counter error in Vietnamese by its code, the server's code and message under it for the help desk. */
export const CounterErrorAlert = ({ error, title }: Props) => {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('officer.counter.errorTitle')}
      role="alert"
      data-code={error.code}
    >
      <Stack gap={4}>
        <Text fw={600}>{counterErrorText(error, t)}</Text>
        <Text size="xs" c="dimmed">
          {error.code}
          {error.status ? ` · HTTP ${error.status}` : ''}
          {error.message ? ` · ${error.message}` : ''}
        </Text>
      </Stack>
    </Alert>
  )
}
