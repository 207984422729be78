import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatPersonalId, isOldCmnd, parsePersonalId } from './personal-id.js'
import { crossCheckPersonalId } from './personal-id-check.js'
import { explainPersonalId } from './personal-id-explain.js'
import { PROVINCES } from './provinces.js'

describe('parsePersonalId', () => {
  test('DOMAIN worked example 079095001234 is a man born 1995 registered in TP. Hồ Chí Minh', () => {
    const r = parsePersonalId('079095001234')
    expect(r).toMatchObject({
      ok: true,
      value: { provinceCode: '079', gender: 'male', century: 19, birthYear: 1995, serial: '001234' },
    })
    expect(r.ok && r.value.province?.nameVi).toBe('TP. Hồ Chí Minh')
  })

  test('DOMAIN worked example 001302012345 is a woman born 2002 registered in Hà Nội', () => {
    expect(parsePersonalId('001302012345')).toMatchObject({
      ok: true,
      value: { province: { nameVi: 'Hà Nội' }, gender: 'female', century: 20, birthYear: 2002 },
    })
  })

  test.each([
    ['0', 1900, 'male'],
    ['1', 1900, 'female'],
    ['2', 2000, 'male'],
    ['3', 2000, 'female'],
    ['4', 2100, 'male'],
    ['5', 2100, 'female'],
    ['6', 2200, 'male'],
    ['7', 2200, 'female'],
    ['8', 2300, 'male'],
    ['9', 2300, 'female'],
  ])('century-gender digit %s means born from %i, %s', (g, from, gender) => {
    expect(parsePersonalId(`001${g}00000001`)).toMatchObject({ ok: true, value: { birthYear: from, gender } })
  })

  test('a number must have exactly 12 digits', () => {
    expect(parsePersonalId('07909500123')).toMatchObject({ ok: false, code: 'vn-id.ID_LENGTH' })
    expect(parsePersonalId('0790950012345')).toMatchObject({ ok: false, code: 'vn-id.ID_LENGTH' })
    expect(parsePersonalId('')).toMatchObject({ ok: false, code: 'vn-id.ID_LENGTH' })
  })

  test('a number contains only digits', () => {
    expect(parsePersonalId('07909500123A')).toMatchObject({ ok: false, code: 'vn-id.ID_DIGITS' })
    expect(parsePersonalId('079 095 001234')).toMatchObject({ ok: false, code: 'vn-id.ID_DIGITS' })
  })

  test('surrounding whitespace from copy-paste is ignored', () => {
    expect(parsePersonalId(' 079095001234\n')).toMatchObject({ ok: true, value: { value: '079095001234' } })
  })

  test('a province code missing from the Circular 07/2016 table is rejected', () => {
    for (const code of ['000', '003', '099', '097']) {
      expect(parsePersonalId(`${code}095001234`)).toMatchObject({
        ok: false,
        code: 'vn-id.ID_PROVINCE_UNKNOWN',
      })
    }
  })

  test('codes 101–295 are births registered abroad', () => {
    expect(parsePersonalId('175095001234')).toMatchObject({ ok: true, value: { countryCode: '175' } })
    expect(parsePersonalId('296095001234')).toMatchObject({ ok: false, code: 'vn-id.ID_PROVINCE_UNKNOWN' })
    expect(parsePersonalId('100095001234')).toMatchObject({ ok: false, code: 'vn-id.ID_PROVINCE_UNKNOWN' })
  })

  test('the foreign-code range and unknown codes are configurable for uncertain legacy numbers', () => {
    expect(parsePersonalId('300095001234', { foreignCodes: { min: 101, max: 999 } }).ok).toBe(true)
    const lenient = parsePersonalId('003095001234', { allowUnknownProvince: true })
    expect(lenient).toMatchObject({ ok: true, value: { provinceCode: '003' } })
    expect(lenient.ok && lenient.value.province).toBeUndefined()
  })

  test('a birth year after today is rejected when today is given', () => {
    expect(parsePersonalId('001230001234', { today: '2029-12-31' })).toMatchObject({
      ok: false,
      code: 'vn-id.ID_BIRTH_YEAR_FUTURE',
    })
    expect(parsePersonalId('001230001234', { today: '2030-01-01' }).ok).toBe(true)
  })
})

describe('formatPersonalId', () => {
  test('builds the DOMAIN worked example from its parts', () => {
    expect(formatPersonalId({ provinceCode: '079', gender: 'male', birthYear: 1995, serial: 1234 })).toEqual({
      ok: true,
      value: '079095001234',
    })
    expect(
      formatPersonalId({ provinceCode: '001', gender: 'female', birthYear: 2002, serial: '012345' }),
    ).toEqual({ ok: true, value: '001302012345' })
  })

  test('refuses parts no valid number can carry', () => {
    const base = { provinceCode: '001', gender: 'male', birthYear: 1990, serial: 1 } as const
    expect(formatPersonalId({ ...base, provinceCode: '003' })).toMatchObject({
      code: 'vn-id.ID_PROVINCE_UNKNOWN',
    })
    expect(formatPersonalId({ ...base, provinceCode: '1' })).toMatchObject({
      code: 'vn-id.ID_PROVINCE_UNKNOWN',
    })
    expect(formatPersonalId({ ...base, birthYear: 1899 })).toMatchObject({
      code: 'vn-id.ID_BIRTH_YEAR_RANGE',
    })
    expect(formatPersonalId({ ...base, birthYear: 2400 })).toMatchObject({
      code: 'vn-id.ID_BIRTH_YEAR_RANGE',
    })
    expect(formatPersonalId({ ...base, serial: 1_000_000 })).toMatchObject({ code: 'vn-id.ID_SERIAL' })
    expect(formatPersonalId({ ...base, serial: -1 })).toMatchObject({ code: 'vn-id.ID_SERIAL' })
    expect(formatPersonalId({ ...base, serial: '12a' })).toMatchObject({ code: 'vn-id.ID_SERIAL' })
  })

  test('format then parse gives back the parts (property)', () => {
    const codes = [...PROVINCES.map((p) => p.code), '101', '175', '295']
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 1900, max: 2399 }),
        fc.integer({ min: 0, max: 999_999 }),
        (provinceCode, gender, birthYear, serial) => {
          const formatted = formatPersonalId({ provinceCode, gender, birthYear, serial })
          if (!formatted.ok) throw new Error(formatted.message)
          expect(parsePersonalId(formatted.value)).toMatchObject({
            ok: true,
            value: { provinceCode, gender, birthYear, serial: String(serial).padStart(6, '0') },
          })
        },
      ),
    )
  })
})

describe('crossCheckPersonalId', () => {
  test('a matching date of birth and gender give no mismatches', () => {
    expect(crossCheckPersonalId('079095001234', { dateOfBirth: '1995-03-15', gender: 'male' })).toEqual({
      ok: true,
      value: [],
    })
  })

  test('the number must carry the declared birth year and gender', () => {
    expect(crossCheckPersonalId('079095001234', { dateOfBirth: '1996-03-15', gender: 'female' })).toEqual({
      ok: true,
      value: ['birthYear', 'gender'],
    })
    expect(crossCheckPersonalId('079095001234', { birthYear: 2095 })).toEqual({
      ok: true,
      value: ['birthYear'],
    })
  })

  test('an unreal date of birth or an invalid number is a failure, not a mismatch', () => {
    expect(crossCheckPersonalId('079095001234', { dateOfBirth: '1995-02-29' })).toMatchObject({
      code: 'vn-id.DATE_INVALID',
    })
    expect(
      crossCheckPersonalId('079095001234', { dateOfBirth: '1995-03-15', birthYear: 1994 }),
    ).toMatchObject({
      code: 'vn-id.DATE_INVALID',
    })
    expect(crossCheckPersonalId('12', { birthYear: 1995 })).toMatchObject({ code: 'vn-id.ID_LENGTH' })
  })
})

describe('explainPersonalId', () => {
  test('says in Vietnamese and English what the worked example encodes', () => {
    const vi = explainPersonalId('079095001234', 'vi')
    expect(vi.ok && vi.value).toContain('TP. Hồ Chí Minh')
    expect(vi.ok && vi.value).toContain('nam')
    expect(vi.ok && vi.value).toContain('1995')
    const en = explainPersonalId('079095001234', 'en')
    expect(en.ok && en.value).toContain('Ho Chi Minh City')
    expect(en.ok && en.value).toContain('male')
    expect(explainPersonalId('175302000001', 'en')).toMatchObject({
      ok: true,
      value: expect.stringContaining('abroad'),
    })
  })

  test('an invalid number is explained by its failure code', () => {
    expect(explainPersonalId('abc', 'vi')).toMatchObject({ ok: false, code: 'vn-id.ID_DIGITS' })
  })
})

describe('isOldCmnd', () => {
  test('an old identity card number has exactly 9 digits', () => {
    expect(isOldCmnd('025123456')).toBe(true)
    expect(isOldCmnd('02512345')).toBe(false)
    expect(isOldCmnd('0251234567')).toBe(false)
    expect(isOldCmnd('02512345a')).toBe(false)
    expect(isOldCmnd('079095001234')).toBe(false)
  })
})
