import { Anchor, Badge, Box, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { UseQueryResult } from '@tanstack/react-query'
import { type ReactNode, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { ApiError } from '../../../api'
import { ListPager } from '../../../layout/ListPager'
import { dossierPath } from '../counter/counterPaths'
import { ReportErrorAlert } from './ReportErrorAlert'
import { formatDay, useCountFormat } from './reportFormat'
import { lockRequestPath, OVERDUE_PATH } from './reportPaths'
import { type UnitList, useOverdueDossiers, useOverdueLocks } from './reportsApi'

type Lateness = { dueOn: string; dueToday: boolean; daysOverdue: number; workingDaysOverdue: number }

type ListProps<T extends Lateness> = {
  title: string
  query: UseQueryResult<UnitList<T>, ApiError>
  page: number
  onPage: (p: number) => void
  header: readonly string[]
  cells: (item: T) => readonly ReactNode[]
  itemKey: (item: T) => string
}

/** One paged list of a unit's overdue cases: the case, its dates, how late in days and working days. */
const OverdueList = <T extends Lateness>({
  title,
  query,
  page,
  onPage,
  header,
  cells,
  itemKey,
}: ListProps<T>) => {
  const { t } = useTranslation()
  const count = useCountFormat()
  const id = useId()
  const data = query.data
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1
  const columns = [
    ...header,
    t('officer.reports.unit.dueOn'),
    t('officer.reports.unit.daysOverdue'),
    t('officer.reports.unit.workingDaysOverdue'),
  ]
  return (
    <Paper component="section" withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {query.isPending && <Loader aria-label={t('common.loading')} />}
        {query.isError && <ReportErrorAlert error={query.error} />}
        {data && <Text size="sm">{t('officer.reports.unit.total', { total: count(data.total) })}</Text>}
        {data && data.total === 0 && <Text>{t('officer.reports.unit.empty')}</Text>}
        {data && data.total > 0 && (
          <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={title}>
            <Table miw={640} striped withTableBorder captionSide="top" aria-busy={query.isPlaceholderData}>
              <Table.Caption style={{ textAlign: 'left' }}>{title}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c, i) => (
                    <Table.Th key={c} scope="col" ta={i >= columns.length - 2 ? 'right' : 'left'}>
                      {c}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={itemKey(item)} data-overdue={!item.dueToday}>
                    {cells(item).map((c, i) => (
                      <Table.Td key={columns[i]}>{c}</Table.Td>
                    ))}
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {formatDay(item.dueOn)}
                        {item.dueToday && (
                          <Badge color="orange.9" variant="filled">
                            {t('officer.reports.unit.dueToday')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right">{count(item.daysOverdue)}</Table.Td>
                    <Table.Td ta="right">{count(item.workingDaysOverdue)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        )}
        <ListPager
          label={t('officer.reports.unit.pagination', { what: title })}
          page={page}
          pages={pages}
          onChange={onPage}
        />
      </Stack>
    </Paper>
  )
}

const pageOf = (value: string | null) => {
  const n = Number(value ?? '1')
  return Number.isInteger(n) && n > 0 ? n : 1
}

/** /officer/reports/overdue/:unitCode: one unit's overdue dossiers and lock requests, with links to each. */
export const OverdueUnitPage = () => {
  const { t } = useTranslation()
  const { unitCode = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const dossierPage = pageOf(params.get('dp'))
  const lockPage = pageOf(params.get('lp'))
  const dossiers = useOverdueDossiers(unitCode, dossierPage, unitCode !== '')
  const locks = useOverdueLocks(unitCode, lockPage, unitCode !== '')
  const turn = (key: 'dp' | 'lp') => (p: number) => {
    const next = new URLSearchParams(params)
    next.set(key, String(p))
    setParams(next)
  }
  const unitName = dossiers.data?.unit.name ?? locks.data?.unit.name ?? unitCode
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={OVERDUE_PATH} size="sm">
          {t('officer.reports.unit.back')}
        </Anchor>
        <Title order={1}>{t('officer.reports.unit.title', { unit: unitName })}</Title>
        {dossiers.data && (
          <Text size="sm" c="dimmed">
            {t('officer.reports.overdue.asOf', { date: formatDay(dossiers.data.asOf) })}
          </Text>
        )}
      </Stack>
      <OverdueList
        title={t('officer.reports.unit.dossiers')}
        query={dossiers}
        page={dossierPage}
        onPage={turn('dp')}
        header={[t('officer.reports.unit.number'), t('officer.reports.unit.receivedOn')]}
        itemKey={(d) => d.id}
        cells={(d) => [
          <Anchor key="n" component={Link} to={dossierPath(d.id)} ff="monospace" fw={600}>
            {d.number}
          </Anchor>,
          formatDay(d.receivedOn),
        ]}
      />
      <OverdueList
        title={t('officer.reports.unit.locks')}
        query={locks}
        page={lockPage}
        onPage={turn('lp')}
        header={[
          t('officer.reports.unit.request'),
          t('officer.reports.unit.kind'),
          t('officer.reports.unit.step'),
          t('officer.reports.unit.recordedOn'),
        ]}
        itemKey={(r) => r.id}
        cells={(r) => [
          <Anchor key="id" component={Link} to={lockRequestPath(r.id)} ff="monospace" fw={600}>
            {r.id.slice(0, 8)}
          </Anchor>,
          t(`officer.reports.locks.kinds.${r.kind}`),
          t(`officer.reports.unit.steps.${r.step}`),
          formatDay(r.recordedOn),
        ]}
      />
    </Stack>
  )
}
