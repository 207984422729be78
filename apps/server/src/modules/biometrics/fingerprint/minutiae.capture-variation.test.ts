import { describe, expect, test } from 'vitest'
import { createRng } from './fingerprint.prng.js'
import { generateFinger, recapture } from './fingerprint.synthetic.js'
import type { FingerTemplate, Minutia } from './fingerprint.types.js'
import { FINGERPRINT_THRESHOLD, matchFingerprints, prepareTemplate } from './minutiae.matcher.js'

const fingers = Array.from({ length: 20 }, (_, i) => generateFinger(`cv-${i}`))
const decisions = (pairs: [FingerTemplate, FingerTemplate][]) =>
  pairs.map(([a, b]) => matchFingerprints(a, b).decision)

describe('a finger still matches however it is pressed on the scanner', () => {
  test('turned by 20° either way and shifted by 40 px', () => {
    const pairs = fingers.flatMap((f, i): [FingerTemplate, FingerTemplate][] => [
      [f, recapture(f, `rot+${i}`, { rotation: 20, shift: { dx: 40, dy: -40 } })],
      [recapture(f, `a${i}`), recapture(f, `rot-${i}`, { rotation: -20, shift: { dx: -40, dy: 30 } })],
    ])
    expect(decisions(pairs).filter((d) => d !== 'match')).toEqual([])
  })

  test('with a quarter of its minutiae missing on both captures, and spurious ones added', () => {
    const pairs = fingers.map((f, i): [FingerTemplate, FingerTemplate] => [
      recapture(f, `m1-${i}`, { dropRate: 0.25, spurious: 4 }),
      recapture(f, `m2-${i}`, { dropRate: 0.25, spurious: 4 }),
    ])
    expect(decisions(pairs).filter((d) => d !== 'match')).toEqual([])
  })

  test('whatever order the scanner lists the minutiae in, and prepared or not', () => {
    const f = fingers[0] as FingerTemplate
    const probe = recapture(f, 'order')
    const reversed = { ...probe, minutiae: [...probe.minutiae].reverse() }
    const expected = matchFingerprints(f, probe)
    expect(matchFingerprints(prepareTemplate(f), prepareTemplate(probe))).toEqual(expected)
    expect(matchFingerprints(f, reversed).score).toBeCloseTo(expected.score, 1)
  })
})

describe('degenerate templates score 0 without throwing', () => {
  const finger = fingers[1] as FingerTemplate
  const empty: FingerTemplate = { width: 400, height: 500, minutiae: [] }
  const tiny: FingerTemplate = { ...finger, minutiae: finger.minutiae.slice(0, 2) }
  const stacked: FingerTemplate = {
    ...finger,
    minutiae: Array.from(
      { length: 10 },
      () => ({ type: 'ending', x: 5, y: 5, angle: 0, quality: 50 }) as Minutia,
    ),
  }

  test.each([
    ['empty', empty, finger],
    ['empty against empty', empty, empty],
    ['two minutiae', tiny, finger],
    ['ten minutiae on one spot', stacked, finger],
  ])('%s', (_, a, b) => {
    expect(matchFingerprints(a, b)).toEqual({ score: 0, paired: 0, decision: 'no-match' })
    expect(matchFingerprints(b, a).decision).toBe('no-match')
  })

  test('a few minutiae that agree are little evidence: they score below the threshold', () => {
    const few = { ...finger, minutiae: finger.minutiae.slice(0, 5) }
    expect(matchFingerprints(few, few).score).toBeLessThan(FINGERPRINT_THRESHOLD)
  })
})

describe('a probe crowded with minutiae does not match everyone', () => {
  test('255 minutiae spread over the image in every direction match none of 20 fingers', () => {
    const rng = createRng('wolf')
    const wolf: FingerTemplate = {
      width: 400,
      height: 500,
      minutiae: Array.from({ length: 255 }, () => ({
        type: 'ending',
        x: rng.int(400),
        y: rng.int(500),
        angle: rng.int(256) * (360 / 256),
        quality: 100,
      })),
    }
    const scores = fingers.map((f) => matchFingerprints(wolf, recapture(f, 'w')).score)
    expect(scores.filter((s) => s >= FINGERPRINT_THRESHOLD)).toEqual([])
  })
})
