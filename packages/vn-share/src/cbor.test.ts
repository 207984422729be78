import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type Cbor, cborDecode, cborEncode } from './cbor.js'

const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16))
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

describe('CBOR subset (RFC 8949)', () => {
  test('RFC 8949 appendix A vectors', () => {
    const vectors: [Cbor, string][] = [
      [0, '00'],
      [23, '17'],
      [24, '1818'],
      [1000, '1903e8'],
      [1000000, '1a000f4240'],
      [1000000000000, '1b000000e8d4a51000'],
      [-1, '20'],
      [-1000, '3903e7'],
      ['IETF', '6449455446'],
      ['水', '63e6b0b4'],
      [hex('01020304'), '4401020304'],
      [[1, [2, 3], [4, 5]], '8301820203820405'],
      [
        new Map<number, Cbor>([
          [1, 2],
          [3, 4],
        ]),
        'a201020304',
      ],
      [false, 'f4'],
      [null, 'f6'],
    ]
    for (const [value, encoded] of vectors) {
      expect(toHex(cborEncode(value))).toBe(encoded)
      expect(cborDecode(hex(encoded))).toEqual(value)
    }
  })

  test('one value has one encoding: non-shortest heads, indefinite lengths, tags, floats, trailing bytes are refused', () => {
    for (const bad of [
      '1817',
      '190017',
      '5f4101ff',
      'c11a514b67b0',
      'f93c00',
      '0000',
      'a20102',
      'a2010201 03'.replace(' ', ''),
      '62c328',
      '81',
    ])
      expect(() => cborDecode(hex(bad)), bad).toThrow()
  })

  test('a duplicate map key is refused', () => {
    expect(() => cborDecode(hex('a201020103'))).toThrow(/duplicate/)
  })

  test('values round-trip', () => {
    const leaf = fc.oneof(
      fc.maxSafeInteger(),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -1 }),
      fc.string(),
      fc.uint8Array({ maxLength: 40 }),
      fc.boolean(),
      fc.constant(null),
    )
    const value = fc.letrec<{ v: Cbor }>((tie) => ({
      v: fc.oneof({ depthSize: 'small', maxDepth: 4 }, leaf, fc.array(tie('v'), { maxLength: 4 })),
    })).v
    fc.assert(
      fc.property(value, (v) => {
        expect(cborDecode(cborEncode(v))).toEqual(v)
      }),
    )
  })
})
