import type { BiometricMatcher, FaceCaptureKind } from './biometrics.port.js'
import {
  createFaceEngine,
  DEFAULT_FACE_QUALITY_POLICY,
  FACE_MATCH_THRESHOLD,
  type FaceQualityPolicy,
  MODEL_VERSION,
  REFERENCE_PORTRAIT_POLICY,
} from './face/index.js'
import {
  FINGERPRINT_THRESHOLD,
  matchFingerprints,
  parseFmr,
  requireEnoughMinutiae,
  templateOfView,
} from './fingerprint/index.js'

/** Names the fingerprint matcher: a new matcher means templates are compared again from the raw records. */
export const FINGERPRINT_MODEL_VERSION = 'iso19794-2/dinhdanh-minutiae-1'
/** Length of the face embeddings the built-in model makes. */
export const FACE_DIM = 1024

// An officer watches the counter capture: no presentation-attack models, the other checks as usual.
const ATTENDED: FaceQualityPolicy = { ...DEFAULT_FACE_QUALITY_POLICY, minAntispoof: 0, minLiveness: 0 }
const POLICIES: Record<FaceCaptureKind, FaceQualityPolicy> = {
  reference: REFERENCE_PORTRAIT_POLICY,
  attended: ATTENDED,
  unattended: DEFAULT_FACE_QUALITY_POLICY,
}

/**
 * The built-in engine: faces with @vladmandic/human on the tfjs WebAssembly backend in worker threads,
 * fingerprints with the project's own minutiae matcher. Not certified: see docs/biometrics.md.
 */
export const createBuiltinMatcher = (
  opts: { threads?: number; timeoutMs?: number } = {},
): BiometricMatcher => {
  const engine = createFaceEngine({
    threads: opts.threads ?? 2,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  })
  return {
    face: { modelVersion: MODEL_VERSION, dim: FACE_DIM, threshold: FACE_MATCH_THRESHOLD },
    fingerprint: { modelVersion: FINGERPRINT_MODEL_VERSION, threshold: FINGERPRINT_THRESHOLD },
    extractFace: (image, kind) => engine.extract(image, POLICIES[kind]),
    compareFaces: (a, b) => engine.compare(a, b),
    readFingerprints: (record) => {
      const parsed = parseFmr(record)
      return parsed.views.map((view) => ({
        position: view.position,
        quality: view.quality,
        template: requireEnoughMinutiae(templateOfView(parsed, view), `finger ${view.position}`),
      }))
    },
    compareFingers: (a, b) => matchFingerprints(a, b).score,
    close: () => engine.close(),
  }
}
