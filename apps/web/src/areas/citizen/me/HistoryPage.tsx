import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { formatVnDateTime } from '../vnTime'
import { BackToAccount } from './BackToAccount'
import { actionLabel, actorLabel, purposeLabel } from './historyLabels'
import { type HistoryEvent, useHistory } from './meApi'
import { useAccount } from './RequireSession'

const EventItem = ({ event, holder }: { event: HistoryEvent; holder: string }) => {
  const { t } = useTranslation()
  const purpose = purposeLabel(event.purpose, t)
  return (
    <Paper withBorder radius="md" p="md" component="li" data-action={event.action}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700}>{actionLabel(event.action, t)}</Text>
          <Text size="sm" c="dimmed" component="time" dateTime={event.at} style={{ whiteSpace: 'nowrap' }}>
            {formatVnDateTime(event.at)}
          </Text>
        </Group>
        <Text size="sm">
          {t('citizen.history.by')}: <strong>{actorLabel(event, holder, t)}</strong>
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

/** The usage history: every login, change and read of the holder's data, newest first (kept 5 years). */
export const HistoryPage = () => {
  const { t } = useTranslation()
  const me = useAccount()
  const history = useHistory()
  const events = history.data?.pages.flatMap((p) => p.events) ?? []
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('citizen.history.title')}</Title>
        <Text c="dimmed">{t('citizen.history.intro')}</Text>
      </Stack>
      {history.isPending && <Loader aria-label={t('common.loading')} />}
      {history.error && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && events.length === 0 && <Text>{t('citizen.history.empty')}</Text>}
      {events.length > 0 && (
        <Stack
          gap="sm"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('citizen.history.title')}
        >
          {events.map((e) => (
            <EventItem key={e.seq} event={e} holder={me.username} />
          ))}
        </Stack>
      )}
      {history.hasNextPage && (
        <Button
          variant="outline"
          size="md"
          fullWidth
          loading={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {t('citizen.history.more')}
        </Button>
      )}
    </Stack>
  )
}
