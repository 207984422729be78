import { useTranslation } from 'react-i18next'
import { CHART_COLORS } from './chartColors'
import { ChartWithTable } from './ReportSection'
import { CARD_STATES, type CardsReport, LOCK_STATES, type LocksReport } from './reportsApi'

// Waiting in blue shades, done in teal, refused in red, the same in both reports.
const CARD_COLORS: Record<(typeof CARD_STATES)[number], string> = {
  received: CHART_COLORS.blue,
  approved: CHART_COLORS.indigo,
  produced: CHART_COLORS.cyan,
  delivered: CHART_COLORS.teal,
  rejected: CHART_COLORS.red,
}
const LOCK_COLORS: Record<(typeof LOCK_STATES)[number], string> = {
  recorded: CHART_COLORS.blue,
  forwarded: CHART_COLORS.indigo,
  approved: CHART_COLORS.cyan,
  refused: CHART_COLORS.red,
  carried_out: CHART_COLORS.teal,
}

type Props = {
  title: string
  caption: string
  kindHeader: string
  totalHeader: string
  states: readonly { key: string; label: string; color: string }[]
  kinds: readonly { key: string; label: string; total: number; byState: readonly number[] }[]
  total: number
  csvName: string
}

/** A by-kind, by-state report (card applications, lock requests): one bar per kind, stacked by state. */
const KindStateFigures = ({
  title,
  caption,
  kindHeader,
  totalHeader,
  states,
  kinds,
  total,
  csvName,
}: Props) => {
  const { t } = useTranslation()
  return (
    <ChartWithTable
      title={title}
      series={states}
      categories={kinds.map((k) => ({ key: k.key, label: k.label, values: k.byState }))}
      csvName={csvName}
      table={{
        caption,
        header: [kindHeader, ...states.map((s) => s.label), totalHeader],
        rows: kinds.map((k) => ({ key: k.key, cells: [k.label, ...k.byState, k.total] })),
        total: [
          t('officer.reports.table.total'),
          ...states.map((_, i) => kinds.reduce((n, k) => n + (k.byState[i] ?? 0), 0)),
          total,
        ],
      }}
    />
  )
}

export const CardsFigures = ({ data, fileSuffix }: { data: CardsReport; fileSuffix: string }) => {
  const { t } = useTranslation()
  return (
    <KindStateFigures
      title={t('officer.reports.cards.chart')}
      caption={t('officer.reports.cards.table')}
      kindHeader={t('officer.reports.cards.kind')}
      totalHeader={t('officer.reports.cards.total')}
      states={CARD_STATES.map((s) => ({
        key: s,
        label: t(`officer.reports.cards.states.${s}`),
        color: CARD_COLORS[s],
      }))}
      kinds={data.byKind.map((k) => ({
        key: k.kind,
        label: t(`officer.reports.cards.kinds.${k.kind}`),
        total: k.total,
        byState: CARD_STATES.map((s) => k.byState[s]),
      }))}
      total={data.total}
      csvName={`de-nghi-cap-the-${fileSuffix}`}
    />
  )
}

export const LocksFigures = ({ data, fileSuffix }: { data: LocksReport; fileSuffix: string }) => {
  const { t } = useTranslation()
  return (
    <KindStateFigures
      title={t('officer.reports.locks.chart')}
      caption={t('officer.reports.locks.table')}
      kindHeader={t('officer.reports.locks.kind')}
      totalHeader={t('officer.reports.locks.total')}
      states={LOCK_STATES.map((s) => ({
        key: s,
        label: t(`officer.reports.locks.states.${s}`),
        color: LOCK_COLORS[s],
      }))}
      kinds={data.byKind.map((k) => ({
        key: k.kind,
        label: t(`officer.reports.locks.kinds.${k.kind}`),
        total: k.total,
        byState: LOCK_STATES.map((s) => k.byState[s]),
      }))}
      total={data.total}
      csvName={`de-nghi-khoa-${fileSuffix}`}
    />
  )
}
