import { describe, expect, test } from 'vitest'
import { generateFinger, recapture } from './fingerprint.synthetic.js'
import { FINGERPRINT_THRESHOLD, matchFingerprints, prepareTemplate } from './minutiae.matcher.js'

// 200 fingers, each captured twice with different noise; impostors compare a capture with 10 other fingers.
const FINGERS = 200
const fingers = Array.from({ length: FINGERS }, (_, i) => generateFinger(`gi-${i}`))
const first = fingers.map((f, i) => prepareTemplate(recapture(f, `gi-a-${i}`)))
const second = fingers.map((f, i) => prepareTemplate(recapture(f, `gi-b-${i}`)))
const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T

const genuine = first.map((a, i) => matchFingerprints(a, at(second, i)).score)
const impostor = first.flatMap((a, i) =>
  Array.from({ length: 10 }, (_, k) => matchFingerprints(a, at(second, i + 1 + k * 17)).score),
)

describe('the same finger scores clearly above different fingers', () => {
  test('no false match among 2,000 impostor pairs at the default threshold', () => {
    expect(impostor).toHaveLength(2000)
    expect(impostor.filter((s) => s >= FINGERPRINT_THRESHOLD)).toEqual([])
  })

  test('at most 1 % false non-matches among 200 genuine pairs', () => {
    const misses = genuine.filter((s) => s < FINGERPRINT_THRESHOLD)
    expect(misses.length / genuine.length).toBeLessThanOrEqual(0.01)
  })

  test('the score distributions are well apart: median genuine over five times the worst impostor', () => {
    const median = [...genuine].sort((a, b) => a - b)[genuine.length >> 1] ?? 0
    expect(median).toBeGreaterThan(5 * Math.max(...impostor))
  })

  test('scores stay in [0, 1] and a finger against itself scores 1', () => {
    expect([...genuine, ...impostor].every((s) => s >= 0 && s <= 1)).toBe(true)
    expect(matchFingerprints(at(first, 0), at(first, 0))).toMatchObject({ score: 1, decision: 'match' })
  })
})
