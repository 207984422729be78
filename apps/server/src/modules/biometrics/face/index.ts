// The face engine: quality checks, templates and comparison; the built-in, uncertified BiometricMatcher engine.
export {
  createFaceEngine,
  FACE_MATCH_THRESHOLD,
  type FaceEngine,
  type FaceEngineOptions,
  type FaceExtraction,
  type LocatedFace,
} from './face.engine.js'
export { FACE } from './face.errors.js'
export {
  DEFAULT_FACE_QUALITY_POLICY,
  type FaceLiveness,
  type FaceQuality,
  type FaceQualityCode,
  type FaceQualityPolicy,
  REFERENCE_PORTRAIT_POLICY,
} from './face.quality.js'
export { MODEL_VERSION, templateFromBytes, templateToBytes } from './face.template.js'
export type { FaceBox, FaceTemplate } from './face.types.js'
