import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  addDays,
  dayOfWeek,
  fromDayNumber,
  fromParts,
  parseLocalDate,
  toDayNumber,
  vietnamDateOf,
} from './local-date.js'

describe('LocalDate', () => {
  test('only real calendar dates in YYYY-MM-DD parse', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' })
    expect(parseLocalDate('2023-02-29')).toMatchObject({ ok: false, code: 'vn-id.DATE_INVALID' })
    expect(parseLocalDate('1900-02-29')).toMatchObject({ ok: false, code: 'vn-id.DATE_INVALID' })
    expect(parseLocalDate('2000-02-29').ok).toBe(true)
    expect(parseLocalDate('2024-2-9')).toMatchObject({ ok: false, code: 'vn-id.DATE_INVALID' })
    expect(parseLocalDate('2024-02-09T00:00')).toMatchObject({ ok: false, code: 'vn-id.DATE_INVALID' })
  })

  test('day numbers count from 1970-01-01 and agree with Date.UTC (property)', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const date = fromDayNumber(n)
        expect(toDayNumber(date)).toBe(n)
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(date)
      }),
    )
  })

  test('weekdays and month/year rollover', () => {
    expect(dayOfWeek('2024-02-10')).toBe(6)
    expect(dayOfWeek('1970-01-01')).toBe(4)
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(() => fromParts({ y: 2023, m: 2, d: 29 })).toThrow(RangeError)
  })

  test('the Vietnamese date of an instant uses UTC+7', () => {
    expect(vietnamDateOf(new Date('2024-02-09T16:59:59Z'))).toBe('2024-02-09')
    expect(vietnamDateOf(new Date('2024-02-09T17:00:00Z'))).toBe('2024-02-10')
  })
})
