import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fromDayNumber, toDayNumber } from './local-date.js'
import { addWorkingDays, isWorkingDay, type WorkingCalendar, workingDaysBetween } from './working-days.js'

const anyDay = fc
  .integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') })
  .map(fromDayNumber)

describe('isWorkingDay', () => {
  test('weekends, holidays and compensatory days are not working days', () => {
    expect(isWorkingDay('2024-03-13')).toBe(true)
    expect(isWorkingDay('2024-03-16')).toBe(false)
    expect(isWorkingDay('2024-03-17')).toBe(false)
    expect(isWorkingDay('2024-02-12')).toBe(false)
    expect(isWorkingDay('2024-02-14')).toBe(false)
    expect(isWorkingDay('2024-09-03')).toBe(false)
  })

  test('an operator calendar swaps a day off for a make-up Saturday', () => {
    // 2024: the government gave Thursday 8 Feb off, to be made up on Saturday 17 Feb.
    const swap: WorkingCalendar = { extraDaysOff: ['2024-02-08'], extraWorkingDays: ['2024-02-17'] }
    expect(isWorkingDay('2024-02-08', swap)).toBe(false)
    expect(isWorkingDay('2024-02-17', swap)).toBe(true)
    expect(isWorkingDay('2024-02-08')).toBe(true)
    expect(isWorkingDay('2024-02-17')).toBe(false)
  })

  test('an operator calendar may replace the statutory list and the weekend', () => {
    const onlySunday: WorkingCalendar = { weekend: [0], holidays: () => [] }
    expect(isWorkingDay('2024-03-16', onlySunday)).toBe(true)
    expect(isWorkingDay('2024-02-12', onlySunday)).toBe(true)
    expect(isWorkingDay('2024-03-17', onlySunday)).toBe(false)
  })
})

describe('addWorkingDays', () => {
  test('the day the dossier is complete does not count: Friday + 1 working day is Monday', () => {
    expect(addWorkingDays('2024-03-15', 1)).toBe('2024-03-18')
    expect(addWorkingDays('2024-03-13', 3)).toBe('2024-03-18')
  })

  test('a deadline skips Tết and its compensatory days', () => {
    // Thu 8 Feb 2024 + 1: 9–13 Feb Tết, 14–15 Feb compensate the weekend → Fri 16 Feb.
    expect(addWorkingDays('2024-02-08', 1)).toBe('2024-02-16')
    expect(addWorkingDays('2024-02-08', 7)).toBe('2024-02-26')
  })

  test('zero days is the start day and negative counts go back', () => {
    expect(addWorkingDays('2024-03-16', 0)).toBe('2024-03-16')
    expect(addWorkingDays('2024-03-18', -1)).toBe('2024-03-15')
  })

  test('a fractional count or a calendar without working days is a programming error', () => {
    expect(() => addWorkingDays('2024-03-15', 1.5)).toThrow(RangeError)
    expect(() => addWorkingDays('2024-03-15', 1, { weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError)
  })

  test('the result of a positive count is always a working day (property)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const due = addWorkingDays(start, n)
        expect(isWorkingDay(due)).toBe(true)
        expect(due > start).toBe(true)
      }),
    )
  })

  test('workingDaysBetween undoes addWorkingDays (property)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -30, max: 30 }), (start, n) => {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n)
      }),
    )
  })
})

describe('workingDaysBetween', () => {
  test('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2024-03-15', '2024-03-18')).toBe(1)
    expect(workingDaysBetween('2024-03-11', '2024-03-15')).toBe(4)
    expect(workingDaysBetween('2024-03-15', '2024-03-15')).toBe(0)
    expect(workingDaysBetween('2024-03-18', '2024-03-15')).toBe(-1)
  })
})
