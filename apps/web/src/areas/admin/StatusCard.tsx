import { Badge, Paper, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'

type Props = { title: string; ok: boolean | null; okLabel: string; badLabel: string; children?: ReactNode }

/** One health check: a title, a coloured state badge (null = unknown/loading), and details. */
export const StatusCard = ({ title, ok, okLabel, badLabel, children }: Props) => (
  <Paper withBorder p="lg" radius="md" component="section" aria-label={title}>
    <Stack gap="sm" align="flex-start">
      <Title order={2} size="h4">
        {title}
      </Title>
      {/* A darker green than Mantine's: white text on green.9 is under the 4.5:1 contrast of WCAG AA. */}
      {ok !== null && (
        <Badge color={ok ? '#1b5e20' : 'red.9'} variant="filled" size="lg" tt="none" h="auto" py={4}>
          {ok ? '● ' : '✕ '}
          {ok ? okLabel : badLabel}
        </Badge>
      )}
      {children}
    </Stack>
  </Paper>
)
