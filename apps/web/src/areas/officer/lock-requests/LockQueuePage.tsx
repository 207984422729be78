import { Anchor, Box, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { formatDay } from './day'
import { ListPager, pageParam } from './ListPager'
import { DueDay } from './LockBadges'
import { LockRequestErrorAlert } from './LockRequestErrorAlert'
import { lockRequestPath } from './lockRequestPaths'
import { useLockRequestQueue } from './lockRequestsApi'

const PAGE_SIZE = 20

/** /officer/lock-requests/queue: forwarded requests the deciding officer may decide, earliest due first. */
export const LockQueuePage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const page = pageParam(params)
  const queue = useLockRequestQueue(page, PAGE_SIZE)
  const data = queue.data
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1
  const k = 'officer.lockRequests'
  // A 403 with a reason (not a central unit under Decree 69) is explained, not just "forbidden".
  const known = queue.error && queue.error.status !== 0 && queue.error.status < 500

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t(`${k}.queue.title`)}</Title>
        <Text size="sm" c="dimmed">
          {t(`${k}.queue.intro`)}
        </Text>
      </Stack>
      {queue.isPending && <Loader aria-label={t('common.loading')} />}
      {queue.error &&
        (known ? (
          <LockRequestErrorAlert error={queue.error} />
        ) : (
          <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
        ))}
      {data && data.total === 0 && <Text>{t(`${k}.queue.empty`)}</Text>}
      {data && data.total > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t(`${k}.queue.total`, { total: data.total })}
          </Text>
          {/* A scrolling region must take keyboard focus to be scrolled without a mouse (WCAG 2.1.1). */}
          <Box
            style={{ overflowX: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={t(`${k}.queue.caption`, { page })}
          >
            <Table miw={820} striped withTableBorder captionSide="top" aria-busy={queue.isPlaceholderData}>
              <Table.Caption style={{ textAlign: 'left' }}>{t(`${k}.queue.caption`, { page })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`${k}.columns.document`)}</Table.Th>
                  <Table.Th scope="col">{t(`${k}.columns.kind`)}</Table.Th>
                  <Table.Th scope="col">{t(`${k}.columns.personalId`)}</Table.Th>
                  <Table.Th scope="col">{t(`${k}.columns.authority`)}</Table.Th>
                  <Table.Th scope="col">{t(`${k}.columns.receivingUnit`)}</Table.Th>
                  <Table.Th scope="col">{t(`${k}.columns.recordedOn`)}</Table.Th>
                  <Table.Th scope="col">{t(`${k}.columns.decideBy`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((r) => (
                  <Table.Tr key={r.id} data-overdue={r.overdue}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={lockRequestPath(r.id)}
                        fw={600}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {r.authority.documentNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`${k}.kinds.${r.kind}`)}</Table.Td>
                    <Table.Td ff="monospace">{r.personalId}</Table.Td>
                    <Table.Td>{r.authority.name}</Table.Td>
                    <Table.Td>{r.receivingUnit}</Table.Td>
                    <Table.Td>{formatDay(r.recordedOn)}</Table.Td>
                    <Table.Td>
                      <DueDay day={r.decideBy} overdue={r.overdue} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <ListPager
            label={t(`${k}.queue.pagination`)}
            page={page}
            pages={pages}
            onChange={(p) => setParams(p === 1 ? {} : { page: String(p) })}
          />
        </>
      )}
    </Stack>
  )
}
