import { Loader, Stack, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { pageParam } from '../../../layout/ListPager'
import { PagedTable } from '../../../layout/PagedTable'
import { formatDay } from './day'
import { DueDay } from './LockBadges'
import { LockRequestErrorAlert } from './LockRequestErrorAlert'
import { RequestCells, useLockListTexts } from './LockRequestList'
import { useLockRequestQueue } from './lockRequestsApi'

const PAGE_SIZE = 20

/** /officer/lock-requests/queue: forwarded requests the deciding officer may decide, earliest due first. */
export const LockQueuePage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const page = pageParam(params)
  const queue = useLockRequestQueue(page, PAGE_SIZE)
  const data = queue.data
  const k = 'officer.lockRequests'
  // A 403 with a reason (not a central unit under Decree 69) is explained, not just "forbidden".
  const known = queue.error && queue.error.status !== 0 && queue.error.status < 500
  const texts = useLockListTexts('queue', page)

  return (
    <Stack gap="lg">
      {texts.heading}
      {queue.isPending && <Loader aria-label={t('common.loading')} />}
      {queue.error &&
        (known ? (
          <LockRequestErrorAlert error={queue.error} />
        ) : (
          <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
        ))}
      <PagedTable
        data={data}
        busy={queue.isPlaceholderData}
        {...texts.table}
        columns={[
          t(`${k}.columns.document`),
          t(`${k}.columns.kind`),
          t(`${k}.columns.personalId`),
          t(`${k}.columns.authority`),
          t(`${k}.columns.receivingUnit`),
          t(`${k}.columns.recordedOn`),
          t(`${k}.columns.decideBy`),
        ]}
        onPage={(p) => setParams(p === 1 ? {} : { page: String(p) })}
        row={(r) => (
          <Table.Tr key={r.id} data-overdue={r.overdue}>
            <RequestCells request={r} />
            <Table.Td>{r.authority.name}</Table.Td>
            <Table.Td>{r.receivingUnit}</Table.Td>
            <Table.Td>{formatDay(r.recordedOn)}</Table.Td>
            <Table.Td>
              <DueDay day={r.decideBy} overdue={r.overdue} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  )
}
