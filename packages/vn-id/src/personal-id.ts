import type { Gender } from './gender.js'
import { type LocalDate, toParts } from './local-date.js'
import { type Province, provinceByCode } from './provinces.js'
import { fail, ok, type Result } from './result.js'

// PPP G YY RRRRRR (Decree 137/2015 Art 13; Circular 07/2016 Art 7). There is no check digit.
export type PersonalId = {
  value: string
  provinceCode: string
  province?: Province
  // Set when the birth was registered abroad (codes 101–295 by default).
  countryCode?: string
  gender: Gender
  // First two digits of the birth year: 19 for 1900–1999, 20 for 2000–2099, …
  century: number
  birthYear: number
  serial: string
}

export type PersonalIdOptions = {
  // Foreign-country code range; the public decoder lists 101–295, not yet checked against the Circular.
  foreignCodes?: { min: number; max: number }
  // Accept codes outside the tables (legacy 12-digit CMND, post-2025 registrations): DOMAIN §6.1 "uncertain".
  allowUnknownProvince?: boolean
  // When given, a birth year after this date's year is rejected.
  today?: LocalDate
}

export const DEFAULT_FOREIGN_CODES = Object.freeze({ min: 101, max: 295 })

const FIRST_CENTURY = 19
const LAST_BIRTH_YEAR = 2399

type Origin = { province?: Province; countryCode?: string }

const originOf = (code: string, options: PersonalIdOptions): Origin | undefined => {
  const province = provinceByCode(code)
  if (province) return { province }
  const range = options.foreignCodes ?? DEFAULT_FOREIGN_CODES
  const n = Number(code)
  if (code[0] !== '0' && n >= range.min && n <= range.max) return { countryCode: code }
  return options.allowUnknownProvince ? {} : undefined
}

export const parsePersonalId = (input: string, options: PersonalIdOptions = {}): Result<PersonalId> => {
  const value = input.trim()
  if (!/^\d*$/.test(value)) return fail('vn-id.ID_DIGITS', `"${value}"`)
  if (value.length !== 12) return fail('vn-id.ID_LENGTH', `got ${value.length}`)
  const provinceCode = value.slice(0, 3)
  const origin = originOf(provinceCode, options)
  if (!origin) return fail('vn-id.ID_PROVINCE_UNKNOWN', `code ${provinceCode}`)
  const g = Number(value[3])
  const century = FIRST_CENTURY + Math.floor(g / 2)
  const birthYear = century * 100 + Number(value.slice(4, 6))
  if (options.today !== undefined && birthYear > toParts(options.today).y) {
    return fail('vn-id.ID_BIRTH_YEAR_FUTURE', `${birthYear}`)
  }
  return ok({
    value,
    provinceCode,
    ...origin,
    gender: g % 2 === 0 ? 'male' : 'female',
    century,
    birthYear,
    serial: value.slice(6),
  })
}

export type PersonalIdParts = {
  provinceCode: string
  gender: Gender
  birthYear: number
  serial: number | string
}

// Builds a number from its parts, e.g. for synthetic populations; refuses parts parse would refuse.
export const formatPersonalId = (parts: PersonalIdParts, options: PersonalIdOptions = {}): Result<string> => {
  const { provinceCode, gender, birthYear } = parts
  if (!/^\d{3}$/.test(provinceCode) || !originOf(provinceCode, options)) {
    return fail('vn-id.ID_PROVINCE_UNKNOWN', `code ${provinceCode}`)
  }
  if (!Number.isInteger(birthYear) || birthYear < FIRST_CENTURY * 100 || birthYear > LAST_BIRTH_YEAR) {
    return fail('vn-id.ID_BIRTH_YEAR_RANGE', `${birthYear}`)
  }
  const serial =
    typeof parts.serial === 'number'
      ? parts.serial
      : /^\d{1,6}$/.test(parts.serial)
        ? Number(parts.serial)
        : -1
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) {
    return fail('vn-id.ID_SERIAL', `${parts.serial}`)
  }
  const g = (Math.floor(birthYear / 100) - FIRST_CENTURY) * 2 + (gender === 'female' ? 1 : 0)
  const yy = String(birthYear % 100).padStart(2, '0')
  return ok(`${provinceCode}${g}${yy}${String(serial).padStart(6, '0')}`)
}

// The 9-digit identity card (CMND) number used before the 12-digit number; cards expired 31 Dec 2024.
export const isOldCmnd = (s: string): boolean => /^\d{9}$/.test(s)
