import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCountFormat } from './reportFormat'

export type Series = { key: string; label: string; color: string }
export type Category = { key: string; label: string; values: readonly number[] }

type Props = {
  /** The chart's title, as its heading shows it: the start of what a screen reader hears. */
  title: string
  series: readonly Series[]
  categories: readonly Category[]
  /** How many bars at most; the table beside the chart has every row. */
  maxBars?: number
}

const ROW = 46
const BAR = 18
const BAR_AREA = 84 // percent of the width; the rest holds the total after the bar

const totalOf = (c: Category) => c.values.reduce((a, b) => a + b, 0)

/**
 * A horizontal (stacked) bar chart drawn as inline SVG: one row per category, its label above the bar and
 * its total after it. Screen readers get a one-sentence summary (role="img"); the data table that goes with
 * every chart is the accessible source of the figures.
 */
export const BarChart = ({ title, series, categories, maxBars = 12 }: Props) => {
  const { t } = useTranslation()
  const count = useCountFormat()
  const shown = categories.slice(0, maxBars)
  const max = Math.max(0, ...shown.map(totalOf))
  const summary =
    shown.length === 0 || max === 0
      ? t('officer.reports.chart.empty')
      : shown
          .map((c) => {
            const parts =
              series.length > 1 ? series.map((s, i) => `${s.label} ${count(c.values[i] ?? 0)}`) : []
            return `${c.label}: ${count(totalOf(c))}${parts.length ? ` (${parts.join(', ')})` : ''}`
          })
          .join('; ')
  return (
    <div>
      <svg
        role="img"
        aria-label={`${title}. ${summary}`}
        width="100%"
        height={max === 0 ? 28 : shown.length * ROW}
        style={{ display: 'block', overflow: 'visible' }}
      >
        {max === 0 && (
          <text x="0" y="20" fontSize="13" fill="currentColor">
            {t('officer.reports.chart.empty')}
          </text>
        )}
        {max > 0 &&
          shown.map((c, row) => {
            const y = row * ROW
            let offset = 0
            return (
              <g key={c.key}>
                <text x="0" y={y + 14} fontSize="13" fill="currentColor">
                  {c.label}
                </text>
                {c.values.map((v, i) => {
                  const width = (v / max) * BAR_AREA
                  const x = offset
                  offset += width
                  const s = series[i]
                  return v > 0 && s ? (
                    <rect
                      key={s.key}
                      x={`${x}%`}
                      y={y + 20}
                      width={`${width}%`}
                      height={BAR}
                      fill={s.color}
                      stroke="#fff"
                      strokeWidth={1}
                    />
                  ) : null
                })}
                <text x={`${offset + 1}%`} y={y + 34} fontSize="13" fontWeight={600} fill="currentColor">
                  {count(totalOf(c))}
                </text>
              </g>
            )
          })}
      </svg>
      {categories.length > shown.length && (
        <Text size="sm" c="dimmed">
          {t('officer.reports.chart.topNote', { shown: shown.length, total: categories.length })}
        </Text>
      )}
      {series.length > 1 && max > 0 && (
        <Group
          component="ul"
          aria-label={t('officer.reports.chart.legend')}
          gap="md"
          wrap="wrap"
          mt="xs"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {series.map((s) => (
            <Group component="li" key={s.key} gap={6} wrap="nowrap">
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={s.color} />
              </svg>
              <Text size="sm">{s.label}</Text>
            </Group>
          ))}
        </Group>
      )}
    </div>
  )
}
