import { Button, Group, Paper, Select, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { type RangeFilter, useReportUnits } from './reportsApi'

const DAY = /^\d{4}-\d{2}-\d{2}$/
const MAX_DAYS = 366

const realDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`)
  return DAY.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
}
const daysFromTo = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

/** The report's filter as the address holds it (?from=&to=&unit=), so a report can be bookmarked and shared. */
export const useReportFilter = (): [RangeFilter, (f: RangeFilter) => void] => {
  const [params, setParams] = useSearchParams()
  const pick = (k: string) => params.get(k) || undefined
  const filter: RangeFilter = { from: pick('from'), to: pick('to'), unit: pick('unit') }
  const set = (f: RangeFilter) => {
    const next = new URLSearchParams()
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, v)
    setParams(next)
  }
  return [filter, set]
}

type Errors = { from?: string; to?: string }

/** The unit within the officer's jurisdiction to narrow a report to, none for the whole jurisdiction. */
export const UnitSelect = ({
  value,
  onChange,
}: {
  value: string | null
  onChange: (v: string | null) => void
}) => {
  const { t } = useTranslation()
  const units = useReportUnits()
  const data = (units.data?.items ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))
  return (
    <Select
      label={t('officer.reports.filters.unit')}
      description={t('officer.reports.filters.unitDescription')}
      placeholder={t('officer.reports.filters.unitAll')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('officer.reports.filters.unitNothingFound')}
      comboboxProps={{ withinPortal: true }}
      miw={260}
    />
  )
}

/** From, to and unit; checked in the browser first, and the server says the same with its own codes. */
export const ReportFilters = ({
  value,
  onApply,
}: {
  value: RangeFilter
  onApply: (f: RangeFilter) => void
}) => {
  const { t } = useTranslation()
  const [from, setFrom] = useState(value.from ?? '')
  const [to, setTo] = useState(value.to ?? '')
  const [unit, setUnit] = useState<string | null>(value.unit ?? null)
  const [errors, setErrors] = useState<Errors>({})

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const next: Errors = {}
    if (from && !realDay(from)) next.from = t('officer.reports.filters.dayInvalid')
    if (to && !realDay(to)) next.to = t('officer.reports.filters.dayInvalid')
    if (!next.from && !next.to && from && to) {
      if (from > to) next.to = t('officer.reports.filters.reversed')
      else if (daysFromTo(from, to) > MAX_DAYS)
        next.to = t('officer.reports.filters.tooLong', { max: MAX_DAYS })
    }
    setErrors(next)
    if (next.from || next.to) return
    onApply({ from: from || undefined, to: to || undefined, unit: unit ?? undefined })
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-label={t('officer.reports.filters.label')}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={t('officer.reports.filters.from')}
            description={t('officer.reports.filters.fromDescription')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={errors.from}
          />
          <TextInput
            type="date"
            label={t('officer.reports.filters.to')}
            description={t('officer.reports.filters.toDescription')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={errors.to}
          />
          <UnitSelect value={unit} onChange={setUnit} />
          <Button type="submit">{t('officer.reports.filters.submit')}</Button>
        </Group>
      </form>
    </Paper>
  )
}
