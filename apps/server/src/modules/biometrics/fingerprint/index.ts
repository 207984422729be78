// Fingerprints: ISO/IEC 19794-2 minutiae records, a 1:1 minutiae matcher, synthetic fingers for tests.
export { FINGERPRINT } from './fingerprint.errors.js'
export type { FingerPattern } from './fingerprint.orientation.js'
export { MIN_MINUTIAE, requireEnoughMinutiae } from './fingerprint.quality.js'
export {
  generateFinger,
  type RecaptureOptions,
  recapture,
  SYNTHETIC_IMAGE,
  type SyntheticFinger,
  syntheticFingerprintRecord,
  syntheticFingers,
} from './fingerprint.synthetic.js'
export {
  ANGLE_UNIT_DEGREES,
  type FingerPosition,
  type FingerprintRecord,
  type FingerTemplate,
  type FingerView,
  type Minutia,
  type MinutiaType,
  templateOfView,
} from './fingerprint.types.js'
export { encodeFmr, parseFmr } from './iso19794-2.js'
export {
  FINGERPRINT_THRESHOLD,
  MATCHER_DEFAULTS,
  type MatcherOptions,
  type MatchResult,
  matchFingerprints,
  type PreparedTemplate,
  prepareTemplate,
} from './minutiae.matcher.js'
