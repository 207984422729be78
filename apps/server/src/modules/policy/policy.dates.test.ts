import { describe, expect, test } from 'vitest'
import { ageOn, birthdayAt, parseBirthDate } from './policy.dates.js'

describe('age from a possibly partial date of birth', () => {
  test('a person is 14 on their 14th birthday and 13 the day before', () => {
    expect(ageOn('2012-05-20', '2026-05-19')).toBe(13)
    expect(ageOn('2012-05-20', '2026-05-20')).toBe(14)
  })

  test('a year-only birth date is read as 31 December: 14 only from 31 Dec of the 14th year', () => {
    expect(ageOn('2012', '2026-12-30')).toBe(13)
    expect(ageOn('2012', '2026-12-31')).toBe(14)
  })

  test('a year-and-month birth date is read as the last day of that month', () => {
    expect(ageOn('2012-02', '2026-02-27')).toBe(13)
    expect(ageOn('2012-02', '2026-02-28')).toBe(14) // 2012-02-29 in a common year
    expect(ageOn('2010-04', '2024-04-29')).toBe(13)
    expect(ageOn('2010-04', '2024-04-30')).toBe(14)
  })

  test('a 29 February birthday falls on 28 February in common years (Civil Code 2015 Art 148)', () => {
    expect(ageOn('2012-02-29', '2026-02-27')).toBe(13)
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(14)
    expect(ageOn('2012-02-29', '2028-02-28')).toBe(15)
    expect(ageOn('2012-02-29', '2028-02-29')).toBe(16)
  })

  test("the registry's { year, month, day } with unknown parts reads the same as the text form", () => {
    expect(ageOn({ year: 2012, month: null, day: null }, '2026-12-31')).toBe(14)
    expect(ageOn({ year: 2012, month: 7, day: null }, '2026-07-30')).toBe(13)
    expect(ageOn({ year: 2012, month: 7, day: 4 }, '2026-07-04')).toBe(14)
    expect(ageOn({ year: 2012, month: null, day: 4 }, '2026-07-04')).toBeUndefined()
  })

  test('an instant is read as the date in Vietnam (UTC+7): 17:00 UTC on the eve is already the birthday', () => {
    expect(ageOn('2012-05-20', new Date('2026-05-19T16:59:59Z'))).toBe(13)
    expect(ageOn('2012-05-20', new Date('2026-05-19T17:00:00Z'))).toBe(14)
  })

  test('unreal dates are refused as values, malformed "as of" dates as programming errors', () => {
    expect(parseBirthDate('2012-02-30')).toBeUndefined()
    expect(parseBirthDate('2012-13')).toBeUndefined()
    expect(parseBirthDate('12-05-2012')).toBeUndefined()
    expect(ageOn('not a date', '2026-01-01')).toBeUndefined()
    expect(() => ageOn('2012', '2026-1-1')).toThrow(RangeError)
  })

  test('birthdayAt gives the day a person reaches an age', () => {
    const dob = parseBirthDate('2019-11')
    expect(dob && birthdayAt(dob, 6)).toBe('2025-11-30')
  })
})
