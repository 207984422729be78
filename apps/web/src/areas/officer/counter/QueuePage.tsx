import { Anchor, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { pageParam } from '../../../layout/ListPager'
import { PagedTable } from '../../../layout/PagedTable'
import { formatPartialDate } from '../dates'
import { useQueue } from './counterApi'
import { dossierPath } from './counterPaths'

const PAGE_SIZE = 20

/** /officer/counter/queue: submitted dossiers of the approver's jurisdiction, earliest due first. */
export const QueuePage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const page = pageParam(params)
  const queue = useQueue(page, PAGE_SIZE)
  const data = queue.data

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('officer.counter.queue.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('officer.counter.queue.intro')}
        </Text>
      </Stack>
      {queue.isPending && <Loader aria-label={t('common.loading')} />}
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      <PagedTable
        data={data}
        busy={queue.isPlaceholderData}
        empty={t('officer.counter.queue.empty')}
        totalLabel={(total) => t('officer.counter.queue.total', { total })}
        caption={t('officer.counter.queue.caption', { page })}
        columns={[
          t('officer.counter.result.number'),
          t('officer.counter.fields.fullName'),
          t('officer.counter.fields.subjectId'),
          t('officer.counter.fields.receivingUnit'),
          t('officer.counter.fields.receivedOn'),
          t('officer.counter.fields.dueOn'),
        ]}
        minWidth={640}
        page={page}
        pagination={t('officer.counter.queue.pagination')}
        onPage={(p) => setParams(p === 1 ? {} : { page: String(p) })}
        row={(d) => (
          <Table.Tr key={d.id} data-overdue={d.overdue}>
            <Table.Td>
              <Anchor component={Link} to={dossierPath(d.id)} ff="monospace" fw={600}>
                {d.number}
              </Anchor>
            </Table.Td>
            <Table.Td>{d.fullName}</Table.Td>
            <Table.Td ff="monospace">{d.subjectId}</Table.Td>
            <Table.Td>{d.receivingUnit}</Table.Td>
            <Table.Td>{d.receivedOn ? formatPartialDate(d.receivedOn) : ''}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {d.dueOn ? formatPartialDate(d.dueOn) : ''}
                {d.overdue && (
                  <Badge color="red.9" variant="filled">
                    {t('officer.counter.queue.overdue')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  )
}
