import { isLocalDate, type LocalDate, toParts, vietnamDateOf } from '@dinhdanh/vn-id'

/**
 * A date of birth as Vietnamese records hold it: 'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when the day or
 * the month is unknown, or the registry's `{ year, month, day }` with nulls for the unknown parts.
 */
export type BirthDate = string | { year: number; month: number | null; day: number | null }

/** "Now" as the caller passes it: a Vietnamese calendar date, or an instant read as a date in UTC+7. */
export type AsOf = LocalDate | Date

/** A parsed birth date; null parts are unknown. */
export type BirthDateParts = { year: number; month: number | null; day: number | null }

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
const pad2 = (n: number) => String(n).padStart(2, '0')

/** The calendar date of `asOf`; a malformed string is a programming error (RangeError). */
export const toLocalDate = (asOf: AsOf): LocalDate => {
  if (asOf instanceof Date) return vietnamDateOf(asOf)
  if (!isLocalDate(asOf)) throw new RangeError(`not a LocalDate: "${asOf}"`)
  return asOf
}

/** The parts of a birth date, or undefined when it is not a real (possibly partial) date. */
export const parseBirthDate = (dob: BirthDate): BirthDateParts | undefined => {
  if (typeof dob !== 'string') {
    const { year, month, day } = dob
    if (!Number.isInteger(year) || year < 1 || year > 9999 || (month === null && day !== null))
      return undefined
    const y = String(year).padStart(4, '0')
    const text =
      month === null ? y : day === null ? `${y}-${pad2(month)}` : `${y}-${pad2(month)}-${pad2(day)}`
    return parseBirthDate(text)
  }
  const m = PARTIAL.exec(dob.trim())
  if (!m) return undefined
  const year = Number(m[1])
  const month = m[2] === undefined ? null : Number(m[2])
  const day = m[3] === undefined ? null : Number(m[3])
  if (year < 1) return undefined
  if (month !== null && (month < 1 || month > 12)) return undefined
  if (day !== null && month !== null && (day < 1 || day > daysInMonth(year, month))) return undefined
  return { year, month, day }
}

/**
 * The day a person reaches `age`. Reading of a partial date, used everywhere in this module: the
 * LATEST possible birth date (31 Dec for a year alone, the month's last day for year and month), so a
 * person is never treated as older than they may be. Same convention as the registry's card expiry
 * and as Criminal Procedure Code 2015 Art 417(2) for minors of unknown birth date. A 29 February
 * birthday falls on 28 February in common years (Civil Code 2015 Art 148: no corresponding day →
 * last day of the month), again as the registry does.
 */
export const birthdayAt = (dob: BirthDateParts, age: number): LocalDate => {
  const y = dob.year + age
  const m = dob.month ?? 12
  const d = Math.min(dob.day ?? 31, daysInMonth(y, m))
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
}

/** Completed years on `on` under the latest-birth-date reading; negative when not yet born. */
export const completedYears = (dob: BirthDateParts, on: LocalDate): number => {
  const years = toParts(on).y - dob.year
  return on >= birthdayAt(dob, years) ? years : years - 1
}

/** Age in completed years on `asOf`, or undefined for an unreadable birth date. */
export const ageOn = (dob: BirthDate, asOf: AsOf): number | undefined => {
  const parts = parseBirthDate(dob)
  return parts === undefined ? undefined : completedYears(parts, toLocalDate(asOf))
}

/** True when `on` is after `expiresOn`: a card or passport is valid through its printed expiry date. */
export const isExpired = (expiresOn: LocalDate | null, on: LocalDate): boolean =>
  expiresOn !== null && on > expiresOn
