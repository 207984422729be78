import { Anchor, Badge, Box, Group, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { formatPartialDate } from '../dates'
import { useQueue } from './counterApi'
import { dossierPath } from './counterPaths'

const PAGE_SIZE = 20

/** /officer/counter/queue: submitted dossiers of the approver's jurisdiction, earliest due first. */
export const QueuePage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const asked = Number(params.get('page') ?? '1')
  const page = Number.isInteger(asked) && asked > 0 ? asked : 1
  const queue = useQueue(page, PAGE_SIZE)
  const data = queue.data
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1

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
      {data && data.total === 0 && <Text>{t('officer.counter.queue.empty')}</Text>}
      {data && data.total > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('officer.counter.queue.total', { total: data.total })}
          </Text>
          {/* A scrolling region must take keyboard focus to be scrolled without a mouse (WCAG 2.1.1). */}
          <Box
            style={{ overflowX: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={t('officer.counter.queue.caption', { page })}
          >
            <Table miw={640} striped withTableBorder captionSide="top" aria-busy={queue.isPlaceholderData}>
              <Table.Caption style={{ textAlign: 'left' }}>
                {t('officer.counter.queue.caption', { page })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('officer.counter.result.number')}</Table.Th>
                  <Table.Th scope="col">{t('officer.counter.fields.fullName')}</Table.Th>
                  <Table.Th scope="col">{t('officer.counter.fields.subjectId')}</Table.Th>
                  <Table.Th scope="col">{t('officer.counter.fields.receivingUnit')}</Table.Th>
                  <Table.Th scope="col">{t('officer.counter.fields.receivedOn')}</Table.Th>
                  <Table.Th scope="col">{t('officer.counter.fields.dueOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => (
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
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          {pages > 1 && (
            <Box component="nav" aria-label={t('officer.counter.queue.pagination')}>
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => setParams(p === 1 ? {} : { page: String(p) })}
                siblings={1}
                boundaries={1}
                size="sm"
              />
            </Box>
          )}
        </>
      )}
    </Stack>
  )
}
