import { Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert } from '../accountErrors'
import { formatVnDateTime } from '../vnTime'
import { useDependentHistory } from './dependentsApi'
import { actionLabel, actorLabel, purposeLabel } from './historyLabels'

/** The dependent's usage history as their representative reads it: the reader's own acts show as "you". */
export const DependentHistory = ({
  personalId,
  name,
  reader,
}: {
  personalId: string
  name: string
  reader: string
}) => {
  const { t } = useTranslation()
  const history = useDependentHistory(personalId, true)
  return (
    <Stack gap="sm" component="section" aria-labelledby="dependent-history-title">
      <Title order={2} size="h3" id="dependent-history-title">
        {t('citizen.dependents.detail.historyTitle', { name })}
      </Title>
      {history.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {history.error && <AccountErrorAlert error={history.error} />}
      {history.data?.length === 0 && <Text size="sm">{t('citizen.dependents.detail.historyEmpty')}</Text>}
      {history.data && history.data.length > 0 && (
        <Stack
          gap="xs"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="dependent-history"
        >
          {history.data.map((e) => {
            const purpose = purposeLabel(e.purpose, t)
            return (
              <Paper withBorder radius="md" p="sm" component="li" key={e.seq} data-action={e.action}>
                <Stack gap={2}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text fw={700} size="sm">
                      {actionLabel(e.action, t)}
                    </Text>
                    <Text
                      size="xs"
                      c="dimmed"
                      component="time"
                      dateTime={e.at}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {formatVnDateTime(e.at)}
                    </Text>
                  </Group>
                  <Text size="sm">
                    {t('citizen.history.by')}: <strong>{actorLabel(e, reader, t)}</strong>
                  </Text>
                  {purpose && (
                    <Text size="sm" c="dimmed">
                      {t('citizen.history.purpose')}: {purpose}
                    </Text>
                  )}
                </Stack>
              </Paper>
            )
          })}
        </Stack>
      )}
    </Stack>
  )
}
