import { addDays, isLocalDate, type LocalDate, vietnamDateOf } from '@dinhdanh/vn-id'
import { fail } from '../../platform/errors.js'
import { REPORTS } from './reports.errors.js'

/** A year and a leap day: a yearly report fits, anything longer is a data export, not a report. */
export const MAX_RANGE_DAYS = 366
export const DEFAULT_RANGE_DAYS = 30

export type ReportRange = {
  from: LocalDate
  to: LocalDate
  days: number
  /** 00:00 in Vietnam on `from`, and on the day after `to`: timestamps are compared with these. */
  startsAt: Date
  endsBefore: Date
}

const DAY_MS = 86_400_000
const vietnamMidnight = (day: LocalDate) => new Date(`${day}T00:00:00+07:00`)
const daysFromTo = (from: LocalDate, to: LocalDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1

const checkedDay = (value: string | undefined, field: 'from' | 'to'): LocalDate | undefined => {
  if (value === undefined) return undefined
  if (!isLocalDate(value)) fail(REPORTS.INVALID_DATE, undefined, { field, value })
  return value
}

/**
 * The Vietnam days a report counts, both ends included: by default the 30 days up to today; `from`
 * alone runs to today, `to` alone looks 30 days back from it.
 */
export const reportRange = (q: { from?: string; to?: string }, now: Date): ReportRange => {
  const asked = { from: checkedDay(q.from, 'from'), to: checkedDay(q.to, 'to') }
  const to = asked.to ?? vietnamDateOf(now)
  const from = asked.from ?? addDays(to, 1 - DEFAULT_RANGE_DAYS)
  if (from > to) fail(REPORTS.RANGE_REVERSED, undefined, { from, to })
  const days = daysFromTo(from, to)
  if (days > MAX_RANGE_DAYS) fail(REPORTS.RANGE_TOO_LONG, undefined, { days, max: MAX_RANGE_DAYS })
  return { from, to, days, startsAt: vietnamMidnight(from), endsBefore: vietnamMidnight(addDays(to, 1)) }
}

/** The period as answers show it. */
export const rangeView = (r: ReportRange) => ({ from: r.from, to: r.to, days: r.days })
