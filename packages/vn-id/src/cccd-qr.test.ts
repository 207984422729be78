import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type CccdQrRecord, formatCccdQr, parseCccdQr } from './cccd-qr.js'
import { fromParts } from './local-date.js'
import { formatPersonalId } from './personal-id.js'

const ADDRESS = '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh'
const WORKED_EXAMPLE = `079095001234|025123456|Nguyễn Văn An|15031995|Nam|${ADDRESS}|20052021`

const withField = (n: number, value: string): string => {
  const fields = WORKED_EXAMPLE.split('|')
  fields[n - 1] = value
  return fields.join('|')
}

describe('parseCccdQr', () => {
  test('reads the DOMAIN §6.2 worked example', () => {
    expect(parseCccdQr(WORKED_EXAMPLE)).toEqual({
      ok: true,
      value: {
        personalId: '079095001234',
        oldCmnd: '025123456',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1995-03-15',
        gender: 'male',
        address: ADDRESS,
        issueDate: '2021-05-20',
        extra: [],
      },
    })
  })

  test('an empty field 2 means the holder had no old CMND', () => {
    const r = parseCccdQr(withField(2, ''))
    expect(r.ok).toBe(true)
    expect(r.ok && 'oldCmnd' in r.value).toBe(false)
  })

  test('commas in the address never split fields', () => {
    const r = parseCccdQr(WORKED_EXAMPLE)
    expect(r.ok && r.value.address).toBe(ADDRESS)
  })

  test('decomposed Unicode from a scanner is normalised to NFC', () => {
    const r = parseCccdQr(withField(5, 'Nữ').replace('079095', '079195').normalize('NFD'))
    expect(r).toMatchObject({ ok: true, value: { fullName: 'Nguyễn Văn An', gender: 'female' } })
    expect(r.ok && r.value.fullName).toBe('Nguyễn Văn An'.normalize('NFC'))
  })

  test('gender is read case-insensitively', () => {
    expect(parseCccdQr(withField(5, 'NAM'))).toMatchObject({ ok: true, value: { gender: 'male' } })
    expect(parseCccdQr(withField(5, 'NỮ').replace('079095', '079195'))).toMatchObject({
      ok: true,
      value: { gender: 'female' },
    })
  })

  test('a trailing newline or BOM from the scanner is ignored', () => {
    expect(parseCccdQr(`\uFEFF${WORKED_EXAMPLE}\r\n`).ok).toBe(true)
  })

  test('the longer 2024-card payload keeps its extra fields', () => {
    const r = parseCccdQr(`${WORKED_EXAMPLE}|Nguyễn Văn Bình|Trần Thị Cúc|`)
    expect(r).toMatchObject({ ok: true, value: { extra: ['Nguyễn Văn Bình', 'Trần Thị Cúc', ''] } })
  })

  test('fewer than 7 fields is rejected', () => {
    expect(parseCccdQr('079095001234|025123456|Nguyễn Văn An')).toMatchObject({
      ok: false,
      code: 'vn-id.QR_FIELD_COUNT',
    })
    expect(parseCccdQr(WORKED_EXAMPLE.replaceAll('|', ','))).toMatchObject({ code: 'vn-id.QR_FIELD_COUNT' })
    expect(parseCccdQr('  ')).toMatchObject({ code: 'vn-id.QR_EMPTY' })
  })

  test.each([
    [1, '07909500123', 'vn-id.QR_ID'],
    [1, '003095001234', 'vn-id.QR_ID'],
    [2, '02512345', 'vn-id.QR_OLD_CMND'],
    [2, '079095001234', 'vn-id.QR_OLD_CMND'],
    [3, '', 'vn-id.QR_NAME'],
    [4, '31021995', 'vn-id.QR_DATE_OF_BIRTH'],
    [4, '1995-03-15', 'vn-id.QR_DATE_OF_BIRTH'],
    [5, 'Male', 'vn-id.QR_GENDER'],
    [6, '', 'vn-id.QR_ADDRESS'],
    [7, '29022021', 'vn-id.QR_ISSUE_DATE'],
    [7, '01011990', 'vn-id.QR_ISSUE_DATE'],
  ])('a malformed field %i (%s) is rejected with %s', (field, value, code) => {
    expect(parseCccdQr(withField(field, value))).toMatchObject({ ok: false, code, field })
  })

  test('field 1 must agree with the birth year and gender of fields 4 and 5', () => {
    expect(parseCccdQr(withField(4, '15031996'))).toMatchObject({
      ok: false,
      code: 'vn-id.QR_ID_MISMATCH',
      message: expect.stringContaining('birthYear'),
    })
    expect(parseCccdQr(withField(5, 'Nữ'))).toMatchObject({
      ok: false,
      code: 'vn-id.QR_ID_MISMATCH',
      message: expect.stringContaining('gender'),
    })
  })

  test('the cross-check can be switched off for legacy numbers', () => {
    expect(parseCccdQr(withField(4, '15031996'), { crossCheck: false }).ok).toBe(true)
  })
})

describe('formatCccdQr', () => {
  test('reproduces the worked example', () => {
    const parsed = parseCccdQr(WORKED_EXAMPLE)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(formatCccdQr(parsed.value)).toEqual({ ok: true, value: WORKED_EXAMPLE })
  })

  test('refuses a field containing the separator', () => {
    const parsed = parseCccdQr(WORKED_EXAMPLE)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(formatCccdQr({ ...parsed.value, address: 'a|b' })).toMatchObject({
      code: 'vn-id.QR_FIELD_SEPARATOR',
      field: 6,
    })
  })

  test('refuses a record whose ID contradicts its date of birth', () => {
    const parsed = parseCccdQr(WORKED_EXAMPLE)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(formatCccdQr({ ...parsed.value, dateOfBirth: '2001-01-01' })).toMatchObject({
      code: 'vn-id.QR_ID_MISMATCH',
    })
    expect(formatCccdQr({ ...parsed.value, dateOfBirth: '1995-02-30' })).toMatchObject({
      code: 'vn-id.QR_DATE_OF_BIRTH',
    })
  })

  const text = (min: number) =>
    fc
      .string({
        unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạễởNVĐÂ ,.-/0123456789'),
        minLength: min,
      })
      .map((s) => s.trim().normalize('NFC'))
      .filter((s) => s.length >= min)

  const record: fc.Arbitrary<CccdQrRecord> = fc
    .record({
      gender: fc.constantFrom('male' as const, 'female' as const),
      born: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      issuedAfterDays: fc.integer({ min: 0, max: 40_000 }),
      serial: fc.integer({ min: 0, max: 999_999 }),
      oldCmnd: fc.option(fc.stringMatching(/^\d{9}$/), { nil: undefined }),
      fullName: text(1),
      address: text(1),
      extra: fc.array(text(0), { maxLength: 4 }),
    })
    .map(({ gender, born, issuedAfterDays, serial, oldCmnd, fullName, address, extra }) => {
      const dateOfBirth = born.toISOString().slice(0, 10)
      const issued = new Date(born.getTime() + issuedAfterDays * 86_400_000)
      const y = born.getUTCFullYear()
      const id = formatPersonalId({ provinceCode: '001', gender, birthYear: y, serial })
      if (!id.ok) throw new Error(id.message)
      const issueDate = fromParts({
        y: issued.getUTCFullYear(),
        m: issued.getUTCMonth() + 1,
        d: issued.getUTCDate(),
      })
      return {
        personalId: id.value,
        ...(oldCmnd === undefined ? {} : { oldCmnd }),
        fullName,
        dateOfBirth,
        gender,
        address,
        issueDate,
        extra,
      }
    })

  test('format then parse gives back the record (property)', () => {
    fc.assert(
      fc.property(record, (r) => {
        const formatted = formatCccdQr(r)
        if (!formatted.ok) throw new Error(formatted.message)
        expect(parseCccdQr(formatted.value)).toEqual({ ok: true, value: r })
      }),
    )
  })
})
