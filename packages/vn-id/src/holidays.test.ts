import { describe, expect, test } from 'vitest'
import { holidaysOf } from './holidays.js'

const datesOf = (year: number, kind: 'statutory' | 'compensatory') =>
  holidaysOf(year)
    .filter((h) => h.kind === kind)
    .map((h) => h.date)

describe('holidaysOf', () => {
  test('2024 has the 11 statutory days of Labour Code 2019 Art 112', () => {
    expect(datesOf(2024, 'statutory')).toEqual([
      '2024-01-01',
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-04-18',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ])
  })

  test('Tết is the last day of the lunar year plus the first four of the new one', () => {
    const tet = holidaysOf(2025).filter((h) => h.nameVi === 'Tết Nguyên đán')
    expect(tet.filter((h) => h.kind === 'statutory').map((h) => h.date)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
    ])
  })

  test('Hùng Kings day is the 10th day of the 3rd lunar month', () => {
    const hung = (y: number) => holidaysOf(y).find((h) => h.nameEn.startsWith('Hùng'))?.date
    expect([hung(2023), hung(2024), hung(2025), hung(2026)]).toEqual([
      '2023-04-29',
      '2024-04-18',
      '2025-04-07',
      '2026-04-26',
    ])
  })

  test('the second National Day follows the 2021–2025 decisions of the Prime Minister', () => {
    const national = (y: number) => datesOf(y, 'statutory').filter((d) => d.slice(5, 7) === '09')
    expect(national(2021)).toEqual(['2021-09-02', '2021-09-03'])
    expect(national(2022)).toEqual(['2022-09-01', '2022-09-02'])
    expect(national(2023)).toEqual(['2023-09-01', '2023-09-02'])
    expect(national(2024)).toEqual(['2024-09-02', '2024-09-03'])
    expect(national(2025)).toEqual(['2025-09-01', '2025-09-02'])
  })

  test('before the 2019 Labour Code took effect National Day was one day', () => {
    expect(datesOf(2020, 'statutory').filter((d) => d.slice(5, 7) === '09')).toEqual(['2020-09-02'])
  })

  test('a holiday on a weekend is taken on the next working day (Art 112(3))', () => {
    // 2023: New Year on Sunday; Hùng Kings on Saturday 29 Apr and 30 Apr on Sunday.
    expect(datesOf(2023, 'compensatory')).toEqual([
      '2023-01-02',
      '2023-01-26',
      '2023-01-27',
      '2023-05-02',
      '2023-05-03',
      '2023-09-04',
    ])
    // 2022: 30 Apr Saturday and 1 May Sunday give 2 and 3 May.
    expect(datesOf(2022, 'compensatory')).toContain('2022-05-02')
    expect(datesOf(2022, 'compensatory')).toContain('2022-05-03')
  })

  test('compensatory days never fall on a weekend or another holiday', () => {
    for (let y = 2000; y <= 2060; y++) {
      const statutory = new Set(datesOf(y, 'statutory'))
      for (const d of datesOf(y, 'compensatory')) {
        expect(statutory.has(d)).toBe(false)
        expect([0, 6]).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay())
      }
    }
  })
})
