import { Loader, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { AccountErrorAlert } from '../accountErrors'
import { useDependentHistory } from './dependentsApi'
import { HistoryEventItem } from './HistoryEventItem'

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
          {history.data.map((e) => (
            <HistoryEventItem key={e.seq} event={e} reader={reader} compact />
          ))}
        </Stack>
      )}
    </Stack>
  )
}
