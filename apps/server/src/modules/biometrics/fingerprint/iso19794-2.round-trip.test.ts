import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { AppError } from '../../../platform/errors.js'
import { syntheticFingerprintRecord } from './fingerprint.synthetic.js'
import {
  ANGLE_UNIT_DEGREES,
  type FingerPosition,
  type FingerprintRecord,
  type MinutiaType,
} from './fingerprint.types.js'
import { encodeFmr, parseFmr } from './iso19794-2.js'

const arbitraryRecord: fc.Arbitrary<FingerprintRecord> = fc
  .record({ width: fc.integer({ min: 1, max: 0xffff }), height: fc.integer({ min: 1, max: 0xffff }) })
  .chain(({ width, height }) => {
    const minutia = fc.record({
      type: fc.constantFrom<MinutiaType>('other', 'ending', 'bifurcation'),
      x: fc.integer({ min: 0, max: Math.min(width, 0x4000) - 1 }),
      y: fc.integer({ min: 0, max: Math.min(height, 0x4000) - 1 }),
      angle: fc.integer({ min: 0, max: 255 }).map((u) => u * ANGLE_UNIT_DEGREES),
      quality: fc.integer({ min: 0, max: 100 }),
    })
    const view = fc.record({
      position: fc.integer({ min: 0, max: 10 }).map((p) => p as FingerPosition),
      viewNumber: fc.integer({ min: 0, max: 15 }),
      impression: fc.integer({ min: 0, max: 15 }),
      quality: fc.integer({ min: 0, max: 100 }),
      minutiae: fc.array(minutia, { maxLength: 60 }),
    })
    return fc.record({
      equipmentCompliance: fc.integer({ min: 0, max: 15 }),
      equipmentId: fc.integer({ min: 0, max: 0x0fff }),
      width: fc.constant(width),
      height: fc.constant(height),
      resolutionX: fc.integer({ min: 1, max: 0xffff }),
      resolutionY: fc.integer({ min: 1, max: 0xffff }),
      views: fc.array(view, { minLength: 1, maxLength: 4 }),
    })
  })

const notEncodable = (record: FingerprintRecord) => {
  try {
    encodeFmr(record)
  } catch (err) {
    return err instanceof AppError ? { code: err.code, details: err.details } : err
  }
  return 'encoded'
}

describe('ISO/IEC 19794-2 records round-trip exactly', () => {
  test('encode then parse gives back the same record', () => {
    fc.assert(
      fc.property(arbitraryRecord, (record) => {
        expect(parseFmr(encodeFmr(record))).toEqual(record)
      }),
      { numRuns: 300 },
    )
  })

  test('parse then encode gives back the same bytes', () => {
    fc.assert(
      fc.property(arbitraryRecord, (record) => {
        const bytes = encodeFmr(record)
        expect(encodeFmr(parseFmr(bytes))).toEqual(bytes)
      }),
      { numRuns: 100 },
    )
  })

  test('a synthetic ten-print record survives encoding unchanged', () => {
    const record = syntheticFingerprintRecord('079095001234', 'round-trip')
    expect(record.views.map((v) => v.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(parseFmr(encodeFmr(record))).toEqual(record)
  })

  test('angles are rounded to the 1.40625° unit and wrapped', () => {
    const record = syntheticFingerprintRecord('1', 's')
    const view = { ...record.views[0], minutiae: [{ type: 'ending', x: 1, y: 1, angle: -1, quality: 50 }] }
    const parsed = parseFmr(encodeFmr({ ...record, views: [view as FingerprintRecord['views'][0]] }))
    expect(parsed.views[0]?.minutiae[0]?.angle).toBe(360 - ANGLE_UNIT_DEGREES)
  })

  test('what the format cannot hold is refused, naming the field', () => {
    const record = syntheticFingerprintRecord('1', 's')
    const [first] = record.views
    if (!first) throw new Error('no view')
    const withMinutia = (m: Partial<(typeof first.minutiae)[0]>) => ({
      ...record,
      views: [{ ...first, minutiae: [{ type: 'ending' as const, x: 1, y: 1, angle: 0, quality: 1, ...m }] }],
    })
    expect(notEncodable({ ...record, views: [] })).toMatchObject({
      code: 'biometrics.FINGERPRINT_NOT_ENCODABLE',
      details: { field: 'views' },
    })
    expect(notEncodable(withMinutia({ x: 400 }))).toMatchObject({
      details: { field: 'views[0].minutiae[0].x' },
    })
    expect(notEncodable(withMinutia({ y: 1.5 }))).toMatchObject({
      details: { field: 'views[0].minutiae[0].y' },
    })
    expect(notEncodable(withMinutia({ angle: Number.NaN }))).toMatchObject({
      details: { field: 'views[0].minutiae[0].angle' },
    })
    expect(notEncodable({ ...record, views: [{ ...first, position: 11 as FingerPosition }] })).toMatchObject({
      details: { field: 'views[0].position' },
    })
  })
})
