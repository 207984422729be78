import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PROVINCES } from '../provinces'
import { CHART_COLORS } from './chartColors'
import { ChartWithTable } from './ReportSection'
import { ACCOUNT_STATUSES, type AccountStatus, type AccountsReport } from './reportsApi'

const STATUS_COLORS: Record<AccountStatus, string> = {
  approved: CHART_COLORS.indigo,
  active: CHART_COLORS.teal,
  locked: CHART_COLORS.red,
  closed: CHART_COLORS.gray,
}

/** Accounts created in the period: by level and state, by how they were registered, by province. */
export const AccountsFigures = ({ data, fileSuffix }: { data: AccountsReport; fileSuffix: string }) => {
  const { t } = useTranslation()
  const statusLabel = (s: AccountStatus) => t(`officer.reports.accounts.statuses.${s}`)
  const levelLabel = (level: number) => t('officer.reports.accounts.levelN', { level })
  const originLabel = (o: AccountsReport['byOrigin'][number]) =>
    t(`officer.reports.accounts.origins.${o.via}_${o.subjectKind}`)
  const provinceLabel = (code: string | null) =>
    code === null
      ? t('officer.reports.accounts.provinceUnknown')
      : (PROVINCES.find((p) => p.code === code)?.name ??
        t('officer.reports.accounts.provinceAbroad', { code }))
  const totalLabel = t('officer.reports.table.total')
  const levels = [1, 2]
  return (
    <Stack gap="xl">
      <ChartWithTable
        title={t('officer.reports.accounts.chartByLevel')}
        series={ACCOUNT_STATUSES.map((s) => ({ key: s, label: statusLabel(s), color: STATUS_COLORS[s] }))}
        categories={data.byLevel.map((l) => ({
          key: String(l.level),
          label: levelLabel(l.level),
          values: ACCOUNT_STATUSES.map((s) => l.byStatus[s]),
        }))}
        csvName={`tai-khoan-theo-muc-${fileSuffix}`}
        table={{
          caption: t('officer.reports.accounts.tableByLevel'),
          header: [
            t('officer.reports.accounts.level'),
            ...ACCOUNT_STATUSES.map(statusLabel),
            t('officer.reports.accounts.total'),
          ],
          rows: data.byLevel.map((l) => ({
            key: String(l.level),
            cells: [levelLabel(l.level), ...ACCOUNT_STATUSES.map((s) => l.byStatus[s]), l.total],
          })),
          total: [
            totalLabel,
            ...ACCOUNT_STATUSES.map((s) => data.byLevel.reduce((n, l) => n + l.byStatus[s], 0)),
            data.total,
          ],
        }}
      />
      <ChartWithTable
        title={t('officer.reports.accounts.chartByOrigin')}
        series={[{ key: 'count', label: t('officer.reports.accounts.count'), color: CHART_COLORS.blue }]}
        categories={data.byOrigin.map((o) => ({
          key: `${o.via}_${o.subjectKind}`,
          label: originLabel(o),
          values: [o.count],
        }))}
        csvName={`tai-khoan-theo-cach-dang-ky-${fileSuffix}`}
        table={{
          caption: t('officer.reports.accounts.tableByOrigin'),
          header: [t('officer.reports.accounts.origin'), t('officer.reports.accounts.count')],
          rows: data.byOrigin.map((o) => ({
            key: `${o.via}_${o.subjectKind}`,
            cells: [originLabel(o), o.count],
          })),
          total: [totalLabel, data.total],
        }}
      />
      <ChartWithTable
        title={t('officer.reports.accounts.chartByProvince')}
        series={levels.map((l, i) => ({
          key: `level${l}`,
          label: levelLabel(l),
          color: i === 0 ? CHART_COLORS.cyan : CHART_COLORS.grape,
        }))}
        categories={data.byProvince.map((p) => ({
          key: p.provinceCode ?? 'none',
          label: provinceLabel(p.provinceCode),
          values: [p.level1, p.level2],
        }))}
        csvName={`tai-khoan-theo-tinh-${fileSuffix}`}
        table={{
          caption: t('officer.reports.accounts.tableByProvince'),
          header: [
            t('officer.reports.accounts.province'),
            ...levels.map(levelLabel),
            t('officer.reports.accounts.total'),
          ],
          rows: data.byProvince.map((p) => ({
            key: p.provinceCode ?? 'none',
            cells: [provinceLabel(p.provinceCode), p.level1, p.level2, p.total],
          })),
          total: [
            totalLabel,
            data.byProvince.reduce((n, p) => n + p.level1, 0),
            data.byProvince.reduce((n, p) => n + p.level2, 0),
            data.total,
          ],
        }}
      />
    </Stack>
  )
}
