import { Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatVnDateTime } from '../../vnTime'
import { PagedEventList } from '../PagedEventList'
import { type Release, useDataAccessLog } from './dataAccessApi'
import { channelLabel, claimLabel, inReadingOrder } from './dataAccessLabels'

// As the consent page shows an account: the first and last three digits.
const masked = (id: string) => `${id.slice(0, 3)}••••••${id.slice(-3)}`

/**
 * One release: who received what, why, how and when (Vietnam time), and, when a representative signed in
 * for the subject, that they did (the reader themself, when the representative reads a dependent's log).
 */
export const ReleaseItem = ({ r, reader }: { r: Release; reader?: string }) => {
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
        {r.representative && (
          <Text size="sm" data-testid="release-representative">
            {r.representative === reader
              ? t('dataAccess.log.byYou')
              : t('dataAccess.log.byRepresentative', { id: masked(r.representative) })}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

/** "Nhật ký truy cập dữ liệu": every release of the citizen's data, newest first (kept 5 years). */
export const DataAccessPage = () => {
  const { t } = useTranslation()
  const log = useDataAccessLog()
  return (
    <PagedEventList
      title={t('dataAccess.log.title')}
      intro={t('dataAccess.log.intro')}
      listLabel={t('dataAccess.log.listLabel')}
      empty={t('dataAccess.log.empty')}
      more={t('dataAccess.log.more')}
      query={log}
      items={log.data?.pages.flatMap((p) => p.items) ?? []}
      itemKey={(r) => r.id}
      renderItem={(r) => <ReleaseItem r={r} />}
    />
  )
}
