import type { FaceObservation } from './face.types.js'

/**
 * What a face image must satisfy. Defaults suit a phone selfie or a counter capture checked against the
 * registry portrait; every threshold was set on the sample photos described in docs/face.md.
 */
export type FaceQualityPolicy = {
  /** Largest accepted file, in bytes (checked before decoding). Default 10 MiB. */
  maxBytes: number
  /** Largest accepted declared width × height (checked from the header, before decoding). Default 40 MP. */
  maxPixels: number
  /** Smallest face: shorter side of the face box in the original image's pixels. Default 100. */
  minFaceSize: number
  /** A second face counts when it is at least this fraction of the largest face's size. Default 0.5. */
  otherFaceRatio: number
  /** Smallest focus measure (Laplacian variance of the face at 128×128). Default 40. */
  minSharpness: number
  /** Largest head turn left/right, up/down and tilt, in degrees. Defaults 30, 30, 35. */
  maxYaw: number
  maxPitch: number
  maxRoll: number
  /** Eyes count as closed when the more open eye's aspect ratio is below this. Default 0.15. */
  minEyeOpenness: number
  /** Smallest anti-spoofing score (0..1); 0 turns the check off. Default 0.3. */
  minAntispoof: number
  /** Smallest liveness score (0..1); 0 turns the check off. Default 0.3. */
  minLiveness: number
}

/** For a live capture: selfie in the app, portrait taken at the counter. */
export const DEFAULT_FACE_QUALITY_POLICY: Readonly<FaceQualityPolicy> = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  minFaceSize: 100,
  otherFaceRatio: 0.5,
  minSharpness: 40,
  maxYaw: 30,
  maxPitch: 30,
  maxRoll: 35,
  minEyeOpenness: 0.15,
  minAntispoof: 0.3,
  minLiveness: 0.3,
})

/** For a stored reference (the registry portrait, a scanned photo): no liveness or anti-spoofing. */
export const REFERENCE_PORTRAIT_POLICY: Readonly<FaceQualityPolicy> = Object.freeze({
  ...DEFAULT_FACE_QUALITY_POLICY,
  minAntispoof: 0,
  minLiveness: 0,
})

export type FaceQualityCode =
  | 'FACE_NOT_FOUND'
  | 'FACE_MULTIPLE'
  | 'FACE_TOO_SMALL'
  | 'FACE_BLURRED'
  | 'FACE_TURNED'
  | 'FACE_EYES_CLOSED'
  | 'FACE_SPOOF_SUSPECTED'

/** The measures of the accepted face, for the caller's record. */
export type FaceQuality = {
  faceSize: number
  sharpness: number
  yaw: number
  pitch: number
  roll: number
  eyeOpenness: number | null
  detectionScore: number
}

export type FaceLiveness = { antispoof: number | null; liveness: number | null }

export type FaceAssessment =
  | { kind: 'accepted'; face: FaceObservation; quality: FaceQuality; liveness: FaceLiveness }
  | { kind: 'rejected'; code: FaceQualityCode; details: Record<string, unknown> }

const round = (n: number, digits = 2) => Number(n.toFixed(digits))
const reject = (code: FaceQualityCode, details: Record<string, unknown> = {}): FaceAssessment => ({
  kind: 'rejected',
  code,
  details,
})

/** The checks, in the order a person can fix them: one face, near enough, still, facing, eyes open, live. */
export const assessFaces = (faces: readonly FaceObservation[], policy: FaceQualityPolicy): FaceAssessment => {
  const [face, ...others] = [...faces].sort((a, b) => b.size - a.size)
  if (!face) return reject('FACE_NOT_FOUND')
  const rivals = others.filter((other) => other.size >= face.size * policy.otherFaceRatio)
  if (rivals.length > 0) return reject('FACE_MULTIPLE', { faces: rivals.length + 1 })
  if (face.embedding.length === 0) return reject('FACE_NOT_FOUND', { reason: 'no embedding' })
  if (face.size < policy.minFaceSize)
    return reject('FACE_TOO_SMALL', { faceSize: round(face.size, 0), minFaceSize: policy.minFaceSize })
  if (face.sharpness < policy.minSharpness)
    return reject('FACE_BLURRED', { sharpness: round(face.sharpness, 1), minSharpness: policy.minSharpness })
  const turned = turnedBy(face, policy)
  if (turned) return reject('FACE_TURNED', turned)
  const eyes = face.eyes ? Math.max(face.eyes.left, face.eyes.right) : null
  if (eyes !== null && eyes < policy.minEyeOpenness)
    return reject('FACE_EYES_CLOSED', { eyeOpenness: round(eyes), minEyeOpenness: policy.minEyeOpenness })
  const spoof = spoofSuspected(face, policy)
  if (spoof) return reject('FACE_SPOOF_SUSPECTED', spoof)
  return {
    kind: 'accepted',
    face,
    quality: {
      faceSize: round(face.size, 0),
      sharpness: round(face.sharpness, 1),
      yaw: round(face.pose.yaw, 1),
      pitch: round(face.pose.pitch, 1),
      roll: round(face.pose.roll, 1),
      eyeOpenness: eyes === null ? null : round(eyes),
      detectionScore: round(face.score),
    },
    liveness: { antispoof: face.antispoof, liveness: face.liveness },
  }
}

const turnedBy = (face: FaceObservation, policy: FaceQualityPolicy) => {
  const { yaw, pitch, roll } = face.pose
  if (
    Math.abs(yaw) <= policy.maxYaw &&
    Math.abs(pitch) <= policy.maxPitch &&
    Math.abs(roll) <= policy.maxRoll
  )
    return null
  return { yaw: round(yaw, 1), pitch: round(pitch, 1), roll: round(roll, 1) }
}

// When the policy asks for a score, a missing one rejects too: the check never silently passes.
const below = (score: number | null, min: number) => min > 0 && (score === null || score < min)

const spoofSuspected = (face: FaceObservation, policy: FaceQualityPolicy) => {
  const antispoofLow = below(face.antispoof, policy.minAntispoof)
  const livenessLow = below(face.liveness, policy.minLiveness)
  if (!antispoofLow && !livenessLow) return null
  return { antispoof: face.antispoof, liveness: face.liveness }
}
