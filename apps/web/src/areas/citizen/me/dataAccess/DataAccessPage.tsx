import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../../layout/ErrorAlert'
import { formatVnDateTime } from '../../vnTime'
import { BackToAccount } from '../BackToAccount'
import { type Release, useDataAccessLog } from './dataAccessApi'
import { channelLabel, claimLabel, inReadingOrder } from './dataAccessLabels'

/** One release: who received what, why, how and when (Vietnam time). */
const ReleaseItem = ({ r }: { r: Release }) => {
  const { t } = useTranslation()
  return (
    <Paper withBorder radius="md" p="md" component="li" data-recipient={r.recipient.id}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700}>{r.recipient.name}</Text>
          <Text size="sm" c="dimmed" component="time" dateTime={r.at} style={{ whiteSpace: 'nowrap' }}>
            {formatVnDateTime(r.at)}
          </Text>
        </Group>
        <Text size="sm">
          {t('dataAccess.log.claims')}:{' '}
          <strong>
            {inReadingOrder(r.claims)
              .map((c) => claimLabel(c, t))
              .join(', ')}
          </strong>
        </Text>
        <Text size="sm">
          {t('dataAccess.log.purpose')}: {r.purpose ?? t('dataAccess.log.noPurpose')}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`dataAccess.log.recipientKinds.${r.recipient.kind}`)} · {t('dataAccess.log.via')}{' '}
          {channelLabel(r.channel, t)}
        </Text>
      </Stack>
    </Paper>
  )
}

/** "Nhật ký truy cập dữ liệu": every release of the citizen's data, newest first (kept 5 years). */
export const DataAccessPage = () => {
  const { t } = useTranslation()
  const log = useDataAccessLog()
  const items = log.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <Stack gap="lg">
      <BackToAccount />
      <Stack gap={4}>
        <Title order={1}>{t('dataAccess.log.title')}</Title>
        <Text c="dimmed">{t('dataAccess.log.intro')}</Text>
      </Stack>
      {log.isPending && <Loader aria-label={t('common.loading')} />}
      {log.error && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      {log.isSuccess && items.length === 0 && <Text>{t('dataAccess.log.empty')}</Text>}
      {items.length > 0 && (
        <Stack
          gap="sm"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('dataAccess.log.listLabel')}
        >
          {items.map((r) => (
            <ReleaseItem key={r.id} r={r} />
          ))}
        </Stack>
      )}
      {log.hasNextPage && (
        <Button
          variant="outline"
          size="md"
          fullWidth
          loading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('dataAccess.log.more')}
        </Button>
      )}
    </Stack>
  )
}
