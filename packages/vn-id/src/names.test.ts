import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { nameKey, normalizeName } from './names.js'

const vietnameseWord = fc.string({
  unit: fc.constantFrom(
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵAĂÂĐÊÔƠƯ',
  ),
  minLength: 1,
  maxLength: 8,
})
const vietnameseName = fc
  .array(fc.tuple(vietnameseWord, fc.constantFrom(' ', '  ', '\t', '\u00a0')), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''))

describe('normalizeName', () => {
  test('title-cases each word and collapses spaces', () => {
    expect(normalizeName('  nguyễn   VĂN  an ')).toBe('Nguyễn Văn An')
    expect(normalizeName('đỗ thị ÁNH')).toBe('Đỗ Thị Ánh')
    expect(normalizeName('ĐẶNG\tTHỊ\u00a0NGỌC')).toBe('Đặng Thị Ngọc')
  })

  test('decomposed input comes out NFC', () => {
    const out = normalizeName('Nguyễn văn ân'.normalize('NFD'))
    expect(out).toBe('Nguyễn Văn Ân')
    expect(out).toBe(out.normalize('NFC'))
  })

  test('ethnic-minority names keep a capital after an apostrophe or hyphen', () => {
    expect(normalizeName("h'hen niê")).toBe("H'Hen Niê")
    expect(normalizeName('ksor h’bia')).toBe('Ksor H’Bia')
  })

  test('is idempotent (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(vietnameseName, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        (s) => {
          expect(normalizeName(normalizeName(s))).toBe(normalizeName(s))
        },
      ),
    )
  })
})

describe('nameKey', () => {
  test('matches names regardless of accents, đ, case and spacing', () => {
    expect(nameKey('Nguyễn Văn Đức')).toBe('nguyen van duc')
    expect(nameKey('  NGUYEN  van   duc')).toBe('nguyen van duc')
    expect(nameKey('Nguyễn Văn Đức'.normalize('NFD'))).toBe('nguyen van duc')
    expect(nameKey('Trần Thị Thuỷ')).toBe(nameKey('Trần Thị Thủy'))
  })

  test('is idempotent (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(vietnameseName, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        (s) => {
          expect(nameKey(nameKey(s))).toBe(nameKey(s))
        },
      ),
    )
  })

  test('is the same for a name and its normalised display form (property)', () => {
    fc.assert(
      fc.property(vietnameseName, (s) => {
        expect(nameKey(normalizeName(s))).toBe(nameKey(s))
      }),
    )
  })
})
