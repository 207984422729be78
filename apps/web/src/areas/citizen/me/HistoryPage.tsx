import { Button, Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { BackToAccount } from './BackToAccount'
import { HistoryEventItem } from './HistoryEventItem'
import { useHistory } from './meApi'
import { useAccount } from './RequireSession'

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
            <HistoryEventItem key={e.seq} event={e} reader={me.username} />
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
