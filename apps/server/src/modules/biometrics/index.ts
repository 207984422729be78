// The biometrics module's public face: other modules (enrolment, payments) import only from here.

export type { BiometricActor } from './biometrics.audit.js'
export {
  demoLaterCapture,
  demoPortraits,
  SYNTHETIC_FINGER_POSITIONS,
  SYNTHETIC_FINGER_SEED,
  seedDemoBiometrics,
  seedSyntheticBiometrics,
} from './biometrics.demo.js'
export { BIOMETRICS } from './biometrics.errors.js'
export type { FaceGallery, GalleryHit } from './biometrics.gallery.js'
export { biometricsMigrations } from './biometrics.migrations.js'
export type { BiometricPolicy, UsePolicy } from './biometrics.policy.js'
export type { BiometricMatcher, FaceCaptureKind, FingerCapture } from './biometrics.port.js'
export { type Portrait, readPortrait } from './biometrics.portrait.js'
export { readVerification, reviewVerification, type VerificationReview } from './biometrics.review.js'
export { biometricsRoutes } from './biometrics.routes.js'
export { type BiometricsRuntime, createBiometricsRuntime } from './biometrics.runtime.js'
export {
  enrolFace,
  enrolFingerprints,
  type FaceEnrolment,
  searchFaces,
  type Verification,
  verifyFace,
  verifyFingerprints,
} from './biometrics.service.js'
export { syntheticFaceEmbedding } from './biometrics.synthetic.js'
export type { BiometricUse, Modality, TemplateSource } from './biometrics.table.js'
export { createBuiltinMatcher, FACE_DIM, FINGERPRINT_MODEL_VERSION } from './builtin.matcher.js'
