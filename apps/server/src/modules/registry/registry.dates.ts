import type { LocalDate } from '@dinhdanh/vn-id'

// A birth date as Vietnamese records hold it: the month and the day may be unknown.
export type PartialDate = { year: number; month: number | null; day: number | null }

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const MS_PER_DAY = 86_400_000

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (leap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31

// Calendar arithmetic on UTC day numbers: no time zone, no clock.
export const dayNumber = (d: LocalDate): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY

export const fromDayNumber = (n: number): LocalDate => new Date(n * MS_PER_DAY).toISOString().slice(0, 10)

export const plusDays = (d: LocalDate, days: number): LocalDate => fromDayNumber(dayNumber(d) + days)

const pad2 = (n: number) => String(n).padStart(2, '0')

export const localDate = (y: number, m: number, d: number): LocalDate => `${y}-${pad2(m)}-${pad2(d)}`

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', each part a real calendar value; undefined otherwise. */
export const parsePartialDate = (s: string): PartialDate | undefined => {
  const m = PARTIAL.exec(s.trim())
  if (!m) return undefined
  const year = Number(m[1])
  const month = m[2] === undefined ? null : Number(m[2])
  const day = m[3] === undefined ? null : Number(m[3])
  if (year < 1850 || year > 2399) return undefined
  if (month !== null && (month < 1 || month > 12)) return undefined
  if (day !== null && month !== null && (day < 1 || day > daysInMonth(year, month))) return undefined
  return { year, month, day }
}

export const formatPartialDate = (p: PartialDate): string =>
  p.month === null
    ? String(p.year)
    : p.day === null
      ? `${p.year}-${pad2(p.month)}`
      : localDate(p.year, p.month, p.day)

/** The day a person reaches `age`; an unknown month or day counts as the latest possible, giving the benefit of the doubt. */
export const birthdayAt = (dob: PartialDate, age: number): LocalDate => {
  const y = dob.year + age
  const m = dob.month ?? 12
  const d = Math.min(dob.day ?? 31, daysInMonth(y, m))
  return localDate(y, m, d)
}

/** Completed years of age on `on`. */
export const ageOn = (dob: PartialDate, on: LocalDate): number => {
  const years = Number(on.slice(0, 4)) - dob.year
  return on >= birthdayAt(dob, years) ? years : years - 1
}

// Law on Identification 2023 Art 21: cards are renewed on reaching 14, 25, 40 and 60.
export const RENEWAL_AGES = [14, 25, 40, 60] as const
const GRACE_YEARS = 2

/**
 * When a card issued on `issuedOn` expires: on reaching the next renewal age, except that a card issued
 * within 2 years before that age lasts until the following one (Art 21(2)); none after the last (null).
 */
export const cardExpiry = (dob: PartialDate, issuedOn: LocalDate): LocalDate | null => {
  const ages = RENEWAL_AGES.filter((age) => birthdayAt(dob, age) > issuedOn)
  const [next, following] = ages
  if (next === undefined) return null
  const withinGrace = issuedOn >= birthdayAt(dob, next - GRACE_YEARS)
  if (!withinGrace) return birthdayAt(dob, next)
  return following === undefined ? null : birthdayAt(dob, following)
}
