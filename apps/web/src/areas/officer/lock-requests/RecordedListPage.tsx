import { Alert, Button, Group, Loader, NativeSelect, Stack, Table } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { ApiError } from '../../../api'
import { ErrorAlert } from '../../../layout/ErrorAlert'
import { pageParam } from '../../../layout/ListPager'
import { PagedTable } from '../../../layout/PagedTable'
import { formatDay } from './day'
import { ForwardButton } from './ForwardButton'
import { DueDay, OverdueBadge, StateBadge } from './LockBadges'
import { LockRequestErrorAlert } from './LockRequestErrorAlert'
import { RequestCells, useLockListTexts } from './LockRequestList'
import { LOCK_REQUEST_NEW_PATH } from './lockRequestPaths'
import { RECORDED_FILTERS, type RecordedFilter, useRecordedLockRequests } from './lockRequestsApi'

const PAGE_SIZE = 20
const isFilter = (v: string | null): v is RecordedFilter => RECORDED_FILTERS.some((f) => f === v)

/** /officer/lock-requests/recorded: the requests the officer's unit recorded, newest first, to forward in time. */
export const RecordedListPage = () => {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const page = pageParam(params)
  const asked = params.get('state')
  const state = isFilter(asked) ? asked : undefined
  const list = useRecordedLockRequests(page, PAGE_SIZE, state)
  const [forwarded, setForwarded] = useState<string | null>(null)
  const [failed, setFailed] = useState<ApiError | null>(null)
  const data = list.data
  const go = (next: { page?: number; state?: RecordedFilter | undefined }) => {
    const s = 'state' in next ? next.state : state
    const p = next.page ?? 1
    setParams({ ...(s ? { state: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })
  }
  const k = 'officer.lockRequests'
  const texts = useLockListTexts('recorded', page)

  return (
    <Stack gap="lg">
      {texts.heading}
      <Group justify="space-between" align="flex-end">
        <NativeSelect
          label={t(`${k}.recorded.filter`)}
          value={state ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value
            go({ state: isFilter(v) ? v : undefined })
          }}
          data={[
            { value: '', label: t(`${k}.recorded.filters.all`) },
            ...RECORDED_FILTERS.map((f) => ({ value: f, label: t(`${k}.recorded.filters.${f}`) })),
          ]}
          w={220}
        />
        <Button component={Link} to={LOCK_REQUEST_NEW_PATH} variant="outline">
          {t(`${k}.recorded.newRequest`)}
        </Button>
      </Group>
      {forwarded && (
        <Alert color="green" variant="light" role="status" styles={{ message: { color: '#1b5e20' } }}>
          {t(`${k}.recorded.forwarded`, { number: forwarded })}
        </Alert>
      )}
      {failed && <LockRequestErrorAlert error={failed} />}
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <PagedTable
        data={data}
        busy={list.isPlaceholderData}
        {...texts.table}
        columns={[
          t(`${k}.columns.document`),
          t(`${k}.columns.kind`),
          t(`${k}.columns.personalId`),
          t(`${k}.columns.recordedOn`),
          t(`${k}.columns.forwardBy`),
          t(`${k}.columns.state`),
          t(`${k}.columns.actions`),
        ]}
        onPage={(p) => go({ page: p })}
        row={(r) => (
          <Table.Tr key={r.id} data-overdue={r.overdue}>
            <RequestCells request={r} />
            <Table.Td>{formatDay(r.recordedOn)}</Table.Td>
            <Table.Td>
              <DueDay day={r.forwardBy} overdue={r.overdue && r.state === 'recorded'} />
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <StateBadge state={r.state} />
                {r.overdue && r.state === 'forwarded' && <OverdueBadge />}
              </Group>
            </Table.Td>
            <Table.Td>
              {r.state === 'recorded' && (
                <ForwardButton
                  request={r}
                  label={t(`${k}.forward.short`)}
                  accessibleName={t(`${k}.forward.buttonFor`, { number: r.authority.documentNumber })}
                  onForwarded={() => {
                    setFailed(null)
                    setForwarded(r.authority.documentNumber)
                  }}
                  onError={(e) => {
                    setForwarded(null)
                    setFailed(e)
                  }}
                />
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  )
}
