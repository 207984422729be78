import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { AppError } from '../../../platform/errors.js'
import type { FingerprintRecord } from './fingerprint.types.js'
import { encodeFmr, parseFmr } from './iso19794-2.js'

const record = (views = 1): FingerprintRecord => ({
  equipmentCompliance: 0,
  equipmentId: 0,
  width: 400,
  height: 500,
  resolutionX: 197,
  resolutionY: 197,
  views: Array.from({ length: views }, (_, v) => ({
    position: 2,
    viewNumber: v,
    impression: 0,
    quality: 80,
    minutiae: [
      { type: 'ending', x: 10, y: 20, angle: 45, quality: 60 },
      { type: 'bifurcation', x: 399, y: 499, angle: 358.59375, quality: 100 },
      { type: 'other', x: 0, y: 0, angle: 0, quality: 0 },
    ],
  })),
})

const valid = encodeFmr(record())
// Copies of the valid record with bytes changed; `withLength` rewrites the declared length to fit.
const bytesAt = (at: number, values: number[]) => {
  const copy = valid.slice()
  copy.set(values, at)
  return copy
}
const u16At = (at: number, value: number) => bytesAt(at, [value >> 8, value & 0xff])
const withLength = (bytes: Uint8Array) => {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(8, bytes.length)
  return bytes
}
const rejection = (bytes: Uint8Array): AppError => {
  try {
    parseFmr(bytes)
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('the record was accepted')
}
const code = (name: string) => `biometrics.${name}`

// Offsets in the test record: header 0–23, view header 24–27, minutiae 28, 34, 40, extended length 46.
describe('a malformed finger minutiae record is rejected with its code and byte offset', () => {
  test('the valid record parses', () => {
    expect(parseFmr(encodeFmr(record())).views[0]?.minutiae).toHaveLength(3)
  })

  test.each<[string, Uint8Array, string, Record<string, unknown>]>([
    ['wrong magic', bytesAt(0, [0x46, 0x49, 0x52]), 'FINGERPRINT_BAD_FORMAT_ID', { offset: 0 }],
    ['empty input', new Uint8Array(0), 'FINGERPRINT_TRUNCATED', { offset: 0, field: 'header' }],
    ['cut inside the header', valid.slice(0, 10), 'FINGERPRINT_TRUNCATED', { offset: 10 }],
    [
      '2011 version',
      bytesAt(4, [0x30, 0x33, 0x30, 0]),
      'FINGERPRINT_UNSUPPORTED_VERSION',
      {
        offset: 4,
        version: '030\0',
      },
    ],
    [
      'declared length too short',
      valid.slice(0, -1),
      'FINGERPRINT_TRUNCATED',
      {
        offset: 47,
        declared: 48,
        actual: 47,
      },
    ],
    [
      'bytes beyond the declared length',
      new Uint8Array([...valid, 0]),
      'FINGERPRINT_LENGTH_MISMATCH',
      {
        offset: 8,
        declared: 48,
        actual: 49,
      },
    ],
    [
      'ANSI 2-byte length',
      bytesAt(8, [0, 48, 0, 0]),
      'FINGERPRINT_UNSUPPORTED_LENGTH_FORMAT',
      {
        offset: 8,
      },
    ],
    ['zero width', u16At(14, 0), 'FINGERPRINT_MALFORMED', { offset: 14, field: 'width' }],
    [
      'zero views',
      withLength(bytesAt(22, [0]).slice(0, 24)),
      'FINGERPRINT_NO_VIEWS',
      {
        offset: 22,
      },
    ],
    [
      'finger position 11',
      bytesAt(24, [11]),
      'FINGERPRINT_BAD_FINGER_POSITION',
      {
        offset: 24,
        field: 'views[0].position',
      },
    ],
    [
      'finger quality 101',
      bytesAt(26, [101]),
      'FINGERPRINT_MALFORMED',
      {
        offset: 26,
        field: 'views[0].quality',
      },
    ],
    [
      'more minutiae than bytes',
      bytesAt(27, [4]),
      'FINGERPRINT_MINUTIAE_COUNT_MISMATCH',
      {
        offset: 27,
        count: 4,
        room: 3,
      },
    ],
    [
      'minutia type bits 11',
      bytesAt(28, [(valid[28] ?? 0) | 0xc0]),
      'FINGERPRINT_UNKNOWN_MINUTIA_TYPE',
      {
        offset: 28,
        field: 'views[0].minutiae[0].type',
      },
    ],
    [
      'minutia at x = width',
      u16At(34, 0x8000 | 400),
      'FINGERPRINT_MINUTIA_OUTSIDE_IMAGE',
      {
        offset: 34,
        field: 'views[0].minutiae[1]',
        x: 400,
      },
    ],
    [
      'minutia at y = height',
      u16At(36, 500),
      'FINGERPRINT_MINUTIA_OUTSIDE_IMAGE',
      {
        offset: 34,
        y: 500,
      },
    ],
    [
      'minutia quality 101',
      bytesAt(33, [101]),
      'FINGERPRINT_MALFORMED',
      {
        offset: 33,
        field: 'views[0].minutiae[0].quality',
      },
    ],
    [
      'extended data past the end',
      u16At(46, 5),
      'FINGERPRINT_TRUNCATED',
      {
        offset: 46,
        field: 'views[0].extendedDataLength',
      },
    ],
    [
      'a second view announced but absent',
      bytesAt(22, [2]),
      'FINGERPRINT_TRUNCATED',
      {
        offset: 48,
        field: 'views[1]',
      },
    ],
    [
      'bytes after the last view',
      withLength(new Uint8Array([...valid, 1, 2])),
      'FINGERPRINT_TRAILING_BYTES',
      {
        offset: 48,
        extra: 2,
      },
    ],
  ])('%s', (_, bytes, name, details) => {
    const err = rejection(bytes)
    expect(err.code).toBe(code(name))
    expect(err.details).toMatchObject(details)
  })

  test('extended data that fits is skipped', () => {
    const bytes = withLength(new Uint8Array([...u16At(46, 4), 0, 1, 0, 4]))
    expect(parseFmr(bytes).views[0]?.minutiae).toHaveLength(3)
  })

  test('a record read from a larger buffer (a pooled Buffer) parses at its own offset', () => {
    const bytes = encodeFmr(record(2))
    const pooled = new Uint8Array(bytes.length + 16)
    pooled.set(bytes, 7)
    expect(parseFmr(pooled.subarray(7, 7 + bytes.length))).toEqual(parseFmr(bytes))
  })

  test('random bytes and corrupted records never throw anything but an AppError of the catalogue', () => {
    const three = encodeFmr(record(3))
    const onlyCatalogue = (bytes: Uint8Array) => {
      try {
        parseFmr(bytes)
      } catch (err) {
        expect(err).toBeInstanceOf(AppError)
        expect((err as AppError).code).toMatch(/^biometrics\.FINGERPRINT_/)
      }
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), onlyCatalogue), { numRuns: 500 })
    const corruption = fc.record({
      at: fc.nat({ max: three.length - 1 }),
      value: fc.integer({ min: 0, max: 255 }),
      cut: fc.nat({ max: three.length }),
    })
    fc.assert(
      fc.property(fc.array(corruption, { minLength: 1, maxLength: 4 }), (edits) => {
        const bytes = three.slice()
        for (const e of edits) bytes[e.at] = e.value
        onlyCatalogue(bytes)
        onlyCatalogue(bytes.slice(0, edits[0]?.cut))
      }),
      { numRuns: 1000 },
    )
  })
})
