import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useCurrentOfficer } from '../session/RequireOfficer'
import { CHART_COLORS } from './chartColors'
import { ReportErrorAlert } from './ReportErrorAlert'
import { UnitSelect } from './ReportFilters'
import { ChartWithTable } from './ReportSection'
import { formatDay, unitTitle } from './reportFormat'
import { overdueUnitPath, REPORTS_PATH } from './reportPaths'
import { type OverdueReport, useOverdueReport } from './reportsApi'

const COLUMNS = [
  ['dossiers', 'overdue', 'dossiersOverdue', CHART_COLORS.red],
  ['dossiers', 'dueToday', 'dossiersDueToday', CHART_COLORS.orange],
  ['lockRequests', 'overdue', 'locksOverdue', CHART_COLORS.grape],
  ['lockRequests', 'dueToday', 'locksDueToday', CHART_COLORS.indigo],
] as const

const figures = (u: Pick<OverdueReport['units'][number], 'dossiers' | 'lockRequests'>) =>
  COLUMNS.map(([what, when]) => u[what][when])

/** /officer/reports/overdue: "Hồ sơ quá hạn", what is past its legal due date (or due today), per unit. */
export const OverduePage = () => {
  const { t } = useTranslation()
  const officer = useCurrentOfficer()
  const [params, setParams] = useSearchParams()
  const unit = params.get('unit') || undefined
  const overdue = useOverdueReport(unit)
  const data = overdue.data
  // The lists name cases: only officers who may read case data get the links (not administrators).
  const mayOpen = officer.permissions.includes('registry.read')
  const labels = COLUMNS.map(([, , key]) => t(`officer.reports.overdue.${key}`))
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('officer.reports.overdue.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('officer.reports.overdue.intro')}
        </Text>
        <Anchor component={Link} to={REPORTS_PATH} size="sm">
          {t('officer.reports.overdue.toReports')}
        </Anchor>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <UnitSelect value={unit ?? null} onChange={(code) => setParams(code ? { unit: code } : {})} />
      </Paper>
      {overdue.isPending && <Loader aria-label={t('common.loading')} />}
      {overdue.isError && <ReportErrorAlert error={overdue.error} />}
      {data && (
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" aria-busy={overdue.isPlaceholderData}>
          <Stack gap="md">
            <Group gap="lg" aria-live="polite">
              <Text fw={600}>
                {t('officer.reports.page.scope', {
                  unit: unitTitle(data.scope.unit),
                })}
              </Text>
              <Text>{t('officer.reports.overdue.asOf', { date: formatDay(data.asOf) })}</Text>
            </Group>
            {data.units.length === 0 && <Text>{t('officer.reports.overdue.none')}</Text>}
            <ChartWithTable
              title={t('officer.reports.overdue.chart')}
              series={COLUMNS.map(([, , key, color], i) => ({ key, label: labels[i] ?? key, color }))}
              categories={data.units.map((u) => ({
                key: u.unit.code,
                label: u.unit.name,
                values: figures(u),
              }))}
              csvName={`ho-so-qua-han-${data.asOf}_${data.scope.unit.code}`}
              linkHeader={t('officer.reports.overdue.list')}
              table={{
                caption: t('officer.reports.overdue.table'),
                header: [t('officer.reports.overdue.unit'), ...labels],
                rows: data.units.map((u) => ({
                  key: u.unit.code,
                  cells: [u.unit.name, ...figures(u)],
                  ...(mayOpen
                    ? {
                        link: {
                          to: overdueUnitPath(u.unit.code),
                          label: t('officer.reports.overdue.openUnit', { unit: u.unit.name }),
                        },
                      }
                    : {}),
                })),
                total: [t('officer.reports.table.total'), ...figures(data.total)],
              }}
            />
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
