import { describe, expect, test } from 'vitest'
import {
  assessFaces,
  DEFAULT_FACE_QUALITY_POLICY as policy,
  REFERENCE_PORTRAIT_POLICY,
} from './face.quality.js'
import type { FaceObservation } from './face.types.js'

// The quality rules on measured values; the image tests beside this file show the measures are real.
const face = (overrides: Partial<FaceObservation> = {}): FaceObservation => ({
  box: [100, 100, 300, 300],
  size: 300,
  score: 0.99,
  pose: { yaw: 3, pitch: -4, roll: 2 },
  eyes: { left: 0.3, right: 0.32 },
  antispoof: 0.8,
  liveness: 0.9,
  sharpness: 400,
  embedding: new Float32Array(1024).fill(1 / 32),
  ...overrides,
})

const codeOf = (faces: FaceObservation[], p = policy) => {
  const result = assessFaces(faces, p)
  return result.kind === 'rejected' ? result.code : 'accepted'
}

describe('face quality policy', () => {
  test('a clear frontal live face is accepted with its measures', () => {
    const result = assessFaces([face()], policy)
    expect(result).toMatchObject({
      kind: 'accepted',
      quality: { faceSize: 300, sharpness: 400, yaw: 3, eyeOpenness: 0.32 },
      liveness: { antispoof: 0.8, liveness: 0.9 },
    })
  })

  test('no face is FACE_NOT_FOUND', () => expect(codeOf([])).toBe('FACE_NOT_FOUND'))

  test('two faces of similar size are FACE_MULTIPLE, a small face far behind is ignored', () => {
    expect(codeOf([face(), face({ size: 200 })])).toBe('FACE_MULTIPLE')
    expect(codeOf([face(), face({ size: 60 })])).toBe('accepted')
  })

  test('a face under the minimum size is FACE_TOO_SMALL', () =>
    expect(codeOf([face({ size: policy.minFaceSize - 1 })])).toBe('FACE_TOO_SMALL'))

  test('a face under the focus minimum is FACE_BLURRED', () =>
    expect(codeOf([face({ sharpness: policy.minSharpness - 1 })])).toBe('FACE_BLURRED'))

  test.each([
    ['yaw', { yaw: 40, pitch: 0, roll: 0 }],
    ['pitch', { yaw: 0, pitch: -35, roll: 0 }],
    ['roll', { yaw: 0, pitch: 0, roll: 50 }],
  ])('a head turned beyond the %s limit is FACE_TURNED', (_axis, pose) =>
    expect(codeOf([face({ pose })])).toBe('FACE_TURNED'),
  )

  test('both eyes closed is FACE_EYES_CLOSED; one eye narrowed by a turn is not', () => {
    expect(codeOf([face({ eyes: { left: 0.08, right: 0.1 } })])).toBe('FACE_EYES_CLOSED')
    expect(codeOf([face({ eyes: { left: 0.08, right: 0.28 } })])).toBe('accepted')
  })

  test('a low anti-spoofing or liveness score is FACE_SPOOF_SUSPECTED', () => {
    expect(codeOf([face({ antispoof: 0.1 })])).toBe('FACE_SPOOF_SUSPECTED')
    expect(codeOf([face({ liveness: 0.1 })])).toBe('FACE_SPOOF_SUSPECTED')
  })

  test('a live-capture policy never passes a face whose spoof scores are missing', () =>
    expect(codeOf([face({ antispoof: null, liveness: null })])).toBe('FACE_SPOOF_SUSPECTED'))

  test('a stored reference portrait is not checked for liveness', () =>
    expect(codeOf([face({ antispoof: null, liveness: null })], REFERENCE_PORTRAIT_POLICY)).toBe('accepted'))
})
