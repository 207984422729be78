import { fail, ok, type Result } from './result.js'

// A calendar date with no time zone, 'YYYY-MM-DD': legal deadlines and birthdays are days, not instants.
export type LocalDate = string
export type LocalDateParts = { y: number; m: number; d: number }
// 0 = Sunday … 6 = Saturday, as Date#getUTCDay.
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000
// Vietnam has used UTC+7 without daylight saving since 1975.
const VIETNAM_OFFSET_MS = 7 * 3_600_000

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31

export const isRealDate = (y: number, m: number, d: number): boolean =>
  Number.isInteger(y) &&
  Number.isInteger(m) &&
  Number.isInteger(d) &&
  y >= 1 &&
  y <= 9999 &&
  m >= 1 &&
  m <= 12 &&
  d >= 1 &&
  d <= daysInMonth(y, m)

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

export const parseLocalDate = (s: string): Result<LocalDate> => {
  const match = PATTERN.exec(s)
  if (!match) return fail('vn-id.DATE_INVALID', `expected YYYY-MM-DD, got "${s}"`)
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isRealDate(y, m, d) ? ok(s) : fail('vn-id.DATE_INVALID', `"${s}"`)
}

export const isLocalDate = (s: string): boolean => parseLocalDate(s).ok

export const fromParts = ({ y, m, d }: LocalDateParts): LocalDate => {
  if (!isRealDate(y, m, d)) throw new RangeError(`not a real date: ${y}-${m}-${d}`)
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`
}

// Malformed dates are programmer errors here; parse untrusted input with parseLocalDate first.
export const toParts = (date: LocalDate): LocalDateParts => {
  const match = PATTERN.exec(date)
  const parts = match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : undefined
  if (!parts || !isRealDate(parts.y, parts.m, parts.d)) throw new RangeError(`not a LocalDate: "${date}"`)
  return parts
}

// Days since 1970-01-01 (proleptic Gregorian), integer arithmetic so no Date quirks for small years.
export const toDayNumber = (date: LocalDate): number => {
  const { y, m, d } = toParts(date)
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

export const fromDayNumber = (dayNumber: number): LocalDate => {
  const z = dayNumber + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return fromParts({ y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d })
}

export const addDays = (date: LocalDate, days: number): LocalDate => fromDayNumber(toDayNumber(date) + days)

export const dayOfWeek = (date: LocalDate): Weekday => ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday

// The date on a wall calendar in Vietnam at the given instant; the caller supplies the clock.
export const vietnamDateOf = (instant: Date): LocalDate =>
  fromDayNumber(Math.floor((instant.getTime() + VIETNAM_OFFSET_MS) / MS_PER_DAY))
