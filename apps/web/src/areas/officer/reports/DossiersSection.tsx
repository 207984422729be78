import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CHART_COLORS } from './chartColors'
import { ChartWithTable } from './ReportSection'
import { DOSSIER_STATES, type DossierCounts, type DossierState, type DossiersReport } from './reportsApi'

const STATE_COLORS: Record<DossierState, string> = {
  draft: CHART_COLORS.gray,
  awaiting_confirmation: CHART_COLORS.grape,
  submitted: CHART_COLORS.blue,
  approved: CHART_COLORS.teal,
  rejected: CHART_COLORS.red,
  cancelled: CHART_COLORS.orange,
}

const TIMELINESS = ['decidedOnTime', 'decidedLate', 'overdueNow'] as const

/** Counter dossiers per receiving unit: by state, then card applications and timeliness. */
export const DossiersFigures = ({ data, fileSuffix }: { data: DossiersReport; fileSuffix: string }) => {
  const { t } = useTranslation()
  const stateLabel = (s: DossierState) => t(`officer.counter.states.${s}`)
  const timelinessLabel = {
    decidedOnTime: t('officer.reports.dossiers.onTime'),
    decidedLate: t('officer.reports.dossiers.late'),
    overdueNow: t('officer.reports.dossiers.overdueNow'),
  }
  const unitLabel = (u: { name: string }) => u.name
  const totalLabel = t('officer.reports.table.total')
  const detail = (c: DossierCounts) => [c.withCard, c.withoutCard, ...TIMELINESS.map((k) => c[k])]
  return (
    <Stack gap="xl">
      <ChartWithTable
        title={t('officer.reports.dossiers.chartByState')}
        series={DOSSIER_STATES.map((s) => ({ key: s, label: stateLabel(s), color: STATE_COLORS[s] }))}
        categories={data.units.map((u) => ({
          key: u.unit.code,
          label: unitLabel(u.unit),
          values: DOSSIER_STATES.map((s) => u.byState[s]),
        }))}
        csvName={`ho-so-theo-trang-thai-${fileSuffix}`}
        table={{
          caption: t('officer.reports.dossiers.tableByState'),
          header: [
            t('officer.reports.dossiers.unit'),
            ...DOSSIER_STATES.map(stateLabel),
            t('officer.reports.dossiers.total'),
          ],
          rows: data.units.map((u) => ({
            key: u.unit.code,
            cells: [unitLabel(u.unit), ...DOSSIER_STATES.map((s) => u.byState[s]), u.total],
          })),
          total: [totalLabel, ...DOSSIER_STATES.map((s) => data.total.byState[s]), data.total.total],
        }}
      />
      <ChartWithTable
        title={t('officer.reports.dossiers.chartTimeliness')}
        series={[
          { key: 'decidedOnTime', label: timelinessLabel.decidedOnTime, color: CHART_COLORS.teal },
          { key: 'decidedLate', label: timelinessLabel.decidedLate, color: CHART_COLORS.red },
          { key: 'overdueNow', label: timelinessLabel.overdueNow, color: CHART_COLORS.orange },
        ]}
        categories={data.units.map((u) => ({
          key: u.unit.code,
          label: unitLabel(u.unit),
          values: TIMELINESS.map((k) => u[k]),
        }))}
        csvName={`ho-so-thoi-han-${fileSuffix}`}
        table={{
          caption: t('officer.reports.dossiers.tableDetails'),
          header: [
            t('officer.reports.dossiers.unit'),
            t('officer.reports.dossiers.withCard'),
            t('officer.reports.dossiers.withoutCard'),
            ...TIMELINESS.map((k) => timelinessLabel[k]),
          ],
          rows: data.units.map((u) => ({ key: u.unit.code, cells: [unitLabel(u.unit), ...detail(u)] })),
          total: [totalLabel, ...detail(data.total)],
        }}
      />
    </Stack>
  )
}
