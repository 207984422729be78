import { addDays, dayOfWeek, fromParts, type LocalDate } from './local-date.js'
import { lunarNewYear, lunarToSolar } from './lunar-calendar.js'

// Public holidays of Labour Code 2019 Art 112 (Labour Code 2012 Art 115 before 2021).
export type Holiday = {
  date: LocalDate
  kind: 'statutory' | 'compensatory'
  nameVi: string
  nameEn: string
}

type Name = Pick<Holiday, 'nameVi' | 'nameEn'>

const NEW_YEAR: Name = { nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" }
const TET: Name = { nameVi: 'Tết Nguyên đán', nameEn: 'Lunar New Year (Tết)' }
const HUNG_KINGS: Name = { nameVi: 'Giỗ Tổ Hùng Vương', nameEn: "Hùng Kings' Commemoration Day" }
const VICTORY: Name = { nameVi: 'Ngày Chiến thắng', nameEn: 'Reunification Day' }
const LABOUR: Name = { nameVi: 'Ngày Quốc tế Lao động', nameEn: 'International Labour Day' }
const NATIONAL: Name = { nameVi: 'Quốc khánh', nameEn: 'National Day' }

const isWeekend = (date: LocalDate): boolean => [0, 6].includes(dayOfWeek(date))

// The PM fixes the exact second National Day each year; 2021–2025 decisions all follow this rule:
// 3 Sep when 2 Sep is Thu (bridge to Fri) or Sun/Mon (1 Sep would be a weekend), otherwise 1 Sep.
const nationalDayCompanion = (year: number): LocalDate => {
  const second = fromParts({ y: year, m: 9, d: 2 })
  return [0, 1, 4].includes(dayOfWeek(second)) ? addDays(second, 1) : addDays(second, -1)
}

// Tết: last day of the old lunar year and the first four of the new, the usual reading of "5 days".
const tetDays = (year: number): LocalDate[] => {
  const firstDay = lunarNewYear(year)
  return [-1, 0, 1, 2, 3].map((n) => addDays(firstDay, n))
}

const statutoryHolidays = (year: number): Holiday[] => {
  const hungKings = lunarToSolar({ year, month: 3, day: 10, leap: false })
  const days: Array<[LocalDate | undefined, Name]> = [
    [fromParts({ y: year, m: 1, d: 1 }), NEW_YEAR],
    ...tetDays(year).map((d): [LocalDate, Name] => [d, TET]),
    [hungKings, HUNG_KINGS],
    [fromParts({ y: year, m: 4, d: 30 }), VICTORY],
    [fromParts({ y: year, m: 5, d: 1 }), LABOUR],
    [fromParts({ y: year, m: 9, d: 2 }), NATIONAL],
    [year >= 2021 ? nationalDayCompanion(year) : undefined, NATIONAL],
  ]
  const byDate = new Map<LocalDate, Holiday>()
  for (const [date, name] of days) {
    // Two holidays on one date count once; the Code grants no extra day for that case.
    if (date !== undefined && !byDate.has(date)) byDate.set(date, { date, kind: 'statutory', ...name })
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1))
}

// Art 112(3): a holiday on a weekly rest day is taken on the next working day(s).
const withCompensation = (statutory: Holiday[]): Holiday[] => {
  const taken = new Set(statutory.map((h) => h.date))
  const compensatory: Holiday[] = []
  for (const holiday of statutory) {
    if (!isWeekend(holiday.date)) continue
    let day = addDays(holiday.date, 1)
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1)
    taken.add(day)
    compensatory.push({ ...holiday, date: day, kind: 'compensatory' })
  }
  return [...statutory, ...compensatory].sort((a, b) => (a.date < b.date ? -1 : 1))
}

// Pure but costly (lunar arithmetic), and asked for on every day a deadline walks over.
const cache = new Map<number, readonly Holiday[]>()

// Days off by law in a year, with compensatory days; government day swaps come from a WorkingCalendar.
export const holidaysOf = (year: number): readonly Holiday[] => {
  const cached = cache.get(year)
  if (cached) return cached
  const holidays = Object.freeze(withCompensation(statutoryHolidays(year)).map((h) => Object.freeze(h)))
  cache.set(year, holidays)
  return holidays
}
