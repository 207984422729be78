import { Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatVnDateTime } from '../vnTime'
import { actionLabel, actorLabel, purposeLabel } from './historyLabels'
import type { HistoryEvent } from './meApi'

type Props = {
  event: Pick<HistoryEvent, 'at' | 'action' | 'actor' | 'actorKind' | 'purpose'>
  /** Whose acts show as "you". */
  reader: string
  compact?: boolean
}

/** One event of a usage history: what, when, by whom and for what purpose. */
export const HistoryEventItem = ({ event, reader, compact = false }: Props) => {
  const { t } = useTranslation()
  const purpose = purposeLabel(event.purpose, t)
  return (
    <Paper withBorder radius="md" p={compact ? 'sm' : 'md'} component="li" data-action={event.action}>
      <Stack gap={compact ? 2 : 4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700} size={compact ? 'sm' : 'md'}>
            {actionLabel(event.action, t)}
          </Text>
          <Text
            size={compact ? 'xs' : 'sm'}
            c="dimmed"
            component="time"
            dateTime={event.at}
            style={{ whiteSpace: 'nowrap' }}
          >
            {formatVnDateTime(event.at)}
          </Text>
        </Group>
        <Text size="sm">
          {t('citizen.history.by')}: <strong>{actorLabel(event, reader, t)}</strong>
        </Text>
        {purpose && (
          <Text size="sm" c="dimmed">
            {t('citizen.history.purpose')}: {purpose}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
