import { type Holiday, holidaysOf } from './holidays.js'
import { addDays, dayOfWeek, type LocalDate, toDayNumber, toParts, type Weekday } from './local-date.js'

// Operator overrides: the government often moves a day off next to a holiday and makes a Saturday up.
export type WorkingCalendar = {
  // Extra days off (compensatory or swapped days decided by the PM or the Ministry of Home Affairs).
  extraDaysOff?: readonly LocalDate[]
  // Days worked although weekend or holiday (make-up Saturdays); wins over everything else.
  extraWorkingDays?: readonly LocalDate[]
  // Weekly rest days; civil servants rest Saturday and Sunday (Decree 145/2020 guidance).
  weekend?: readonly Weekday[]
  // Replaces the statutory holiday list, e.g. with the PM's published schedule.
  holidays?: (year: number) => readonly Holiday[]
}

const DEFAULT_WEEKEND: readonly Weekday[] = [0, 6]
// A calendar with no working day in ten years is misconfigured; stop instead of looping forever.
const MAX_SCAN_DAYS = 3660

export const isWorkingDay = (date: LocalDate, calendar: WorkingCalendar = {}): boolean => {
  if (calendar.extraWorkingDays?.includes(date)) return true
  if (calendar.extraDaysOff?.includes(date)) return false
  const holidays = (calendar.holidays ?? holidaysOf)(toParts(date).y)
  if (holidays.some((h) => h.date === date)) return false
  return !(calendar.weekend ?? DEFAULT_WEEKEND).includes(dayOfWeek(date))
}

// The n-th working day after start; start itself never counts (Civil Code 2015 Art 147: a period runs
// from the day after the event), so a dossier complete on Friday with 1 working day is due Monday.
// n = 0 returns start; negative n counts back to the n-th working day before start.
export const addWorkingDays = (start: LocalDate, n: number, calendar: WorkingCalendar = {}): LocalDate => {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`)
  const step = n < 0 ? -1 : 1
  let day = start
  let left = Math.abs(n)
  let idle = 0
  while (left > 0) {
    day = addDays(day, step)
    if (isWorkingDay(day, calendar)) {
      left--
      idle = 0
    } else if (++idle > MAX_SCAN_DAYS) {
      throw new RangeError('calendar has no working days')
    }
  }
  return day
}

// Working days d with from < d ≤ to; negative (those with to ≤ d < from) when to is earlier.
// Inverse of addWorkingDays: workingDaysBetween(s, addWorkingDays(s, n)) === n.
export const workingDaysBetween = (
  from: LocalDate,
  to: LocalDate,
  calendar: WorkingCalendar = {},
): number => {
  const [a, b] = [toDayNumber(from), toDayNumber(to)]
  const [first, last, sign] = b >= a ? [a + 1, b, 1] : [b, a - 1, -1]
  let count = 0
  for (let d = first; d <= last; d++) if (isWorkingDay(addDays(from, d - a), calendar)) count++
  return sign * count
}
