import { Alert, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import type { ApiError } from '../api'

type Props = { error: ApiError; title: string; text: string; showMessage?: boolean; children?: ReactNode }

/** An error in the reader's words, with the server's code (and message) under it for the help desk. */
export const CodedErrorAlert = ({ error, title, text, showMessage = true, children }: Props) => (
  <Alert color="red" variant="light" title={title} role="alert" data-code={error.code}>
    <Stack gap={4}>
      <Text fw={600}>{text}</Text>
      {children}
      <Text size="xs" c="dimmed">
        {error.code}
        {error.status ? ` · HTTP ${error.status}` : ''}
        {showMessage && error.message ? ` · ${error.message}` : ''}
      </Text>
    </Stack>
  </Alert>
)
