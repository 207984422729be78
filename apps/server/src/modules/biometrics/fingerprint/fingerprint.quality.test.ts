import { describe, expect, test } from 'vitest'
import { AppError } from '../../../platform/errors.js'
import { MIN_MINUTIAE, requireEnoughMinutiae } from './fingerprint.quality.js'
import { generateFinger } from './fingerprint.synthetic.js'

describe('a finger with too few minutiae cannot be enrolled', () => {
  test('below the minimum is refused with the counts; enough passes through', () => {
    const finger = generateFinger('enrol')
    expect(requireEnoughMinutiae(finger)).toBe(finger)
    const sparse = { ...finger, minutiae: finger.minutiae.slice(0, MIN_MINUTIAE - 1) }
    expect(() => requireEnoughMinutiae(sparse, 'views[3]')).toThrow(AppError)
    try {
      requireEnoughMinutiae(sparse, 'views[3]')
    } catch (err) {
      expect(err).toMatchObject({
        code: 'biometrics.FINGERPRINT_TOO_FEW_MINUTIAE',
        status: 422,
        details: { field: 'views[3]', count: MIN_MINUTIAE - 1, minimum: MIN_MINUTIAE },
      })
    }
  })
})
