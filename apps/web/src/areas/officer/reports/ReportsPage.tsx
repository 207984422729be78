import { Anchor, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AccountsFigures } from './AccountsSection'
import { DossiersFigures } from './DossiersSection'
import { CardsFigures, LocksFigures } from './KindStateFigures'
import { ReportFilters, useReportFilter } from './ReportFilters'
import { ReportSection } from './ReportSection'
import { formatDay, unitTitle } from './reportFormat'
import { OVERDUE_PATH } from './reportPaths'
import { useAccountsReport, useCardsReport, useDossiersReport, useLocksReport } from './reportsApi'

/** /officer/reports: "Báo cáo thống kê", counts within the supervisor's jurisdiction over a period. */
export const ReportsPage = () => {
  const { t } = useTranslation()
  const [filter, setFilter] = useReportFilter()
  const dossiers = useDossiersReport(filter)
  const accounts = useAccountsReport(filter)
  const cards = useCardsReport(filter)
  const locks = useLocksReport(filter)
  const shown = dossiers.data
  const suffix = shown ? `${shown.range.from}_${shown.range.to}_${shown.scope.unit.code}` : 'bao-cao'
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('officer.reports.page.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('officer.reports.page.intro')}
        </Text>
        <Anchor component={Link} to={OVERDUE_PATH} size="sm">
          {t('officer.reports.page.toOverdue')}
        </Anchor>
      </Stack>
      {/* Shows the period on screen (the 30-day default too); remounted when another one arrives. */}
      <ReportFilters
        key={`${shown?.range.from}|${shown?.range.to}|${filter.unit}`}
        value={{ ...filter, from: filter.from ?? shown?.range.from, to: filter.to ?? shown?.range.to }}
        onApply={setFilter}
      />
      {shown && (
        <Group gap="lg" aria-live="polite">
          <Text fw={600}>{t('officer.reports.page.scope', { unit: unitTitle(shown.scope.unit) })}</Text>
          <Text>
            {t('officer.reports.page.period', {
              from: formatDay(shown.range.from),
              to: formatDay(shown.range.to),
              days: shown.range.days,
            })}
          </Text>
        </Group>
      )}
      <ReportSection
        title={t('officer.reports.dossiers.title')}
        intro={t('officer.reports.dossiers.intro')}
        query={dossiers}
      >
        {(data) => <DossiersFigures data={data} fileSuffix={suffix} />}
      </ReportSection>
      <ReportSection
        title={t('officer.reports.accounts.title')}
        intro={t('officer.reports.accounts.intro')}
        query={accounts}
      >
        {(data) => <AccountsFigures data={data} fileSuffix={suffix} />}
      </ReportSection>
      <ReportSection
        title={t('officer.reports.cards.title')}
        intro={t('officer.reports.cards.intro')}
        query={cards}
      >
        {(data) => <CardsFigures data={data} fileSuffix={suffix} />}
      </ReportSection>
      <ReportSection
        title={t('officer.reports.locks.title')}
        intro={t('officer.reports.locks.intro')}
        query={locks}
      >
        {(data) => <LocksFigures data={data} fileSuffix={suffix} />}
      </ReportSection>
    </Stack>
  )
}
