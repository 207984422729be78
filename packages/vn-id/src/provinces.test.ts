import { describe, expect, test } from 'vitest'
import { PROVINCES, provinceByCode } from './provinces.js'

describe('PROVINCES', () => {
  test('holds the 63 pre-2025 provinces with unique 3-digit codes', () => {
    expect(PROVINCES).toHaveLength(63)
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(63)
    for (const p of PROVINCES) expect(p.code).toMatch(/^0\d{2}$/)
  })

  test('ASCII names carry no diacritics', () => {
    for (const p of PROVINCES) expect(p.nameAscii).toMatch(/^[A-Za-z .-]+$/)
    expect(provinceByCode('048')?.nameAscii).toBe('Da Nang')
  })

  test('provinceByCode finds the table rows of DOMAIN §6.1', () => {
    expect(provinceByCode('001')).toMatchObject({ nameVi: 'Hà Nội', nameEn: 'Hanoi' })
    expect(provinceByCode('079')).toMatchObject({ nameVi: 'TP. Hồ Chí Minh', nameEn: 'Ho Chi Minh City' })
    expect(provinceByCode('096')).toMatchObject({ nameVi: 'Cà Mau' })
    expect(provinceByCode('003')).toBeUndefined()
  })
})
