import type { FaceExtraction, FaceTemplate } from './face/index.js'
import type { FingerPosition, FingerTemplate } from './fingerprint/index.js'

/** One finger from a capture: its ISO position, the scanner's quality and the minutiae template. */
export type FingerCapture = { position: FingerPosition; quality: number; template: FingerTemplate }

/** How a face was captured: a stored reference portrait, an officer-attended capture, or an unattended one. */
export type FaceCaptureKind = 'reference' | 'attended' | 'unattended'

/**
 * The port every biometric use goes through: enrolment, the counter, payments. The built-in engine
 * (builtin.matcher.ts) is uncertified; a certified engine plugs in here by implementing this type.
 */
export type BiometricMatcher = {
  readonly face: { modelVersion: string; dim: number; threshold: number }
  readonly fingerprint: { modelVersion: string; threshold: number }
  /** The one face of a capture as a template, after quality (and for unattended captures, liveness) checks. */
  extractFace(image: Uint8Array, kind: FaceCaptureKind): Promise<FaceExtraction>
  /** Similarity in [0, 1] of two templates of this engine's model (refuses another model's). */
  compareFaces(a: FaceTemplate, b: FaceTemplate): number
  /** The finger views of an ISO/IEC 19794-2 record (refuses a malformed record with its reason). */
  readFingerprints(record: Uint8Array): FingerCapture[]
  /** Similarity in [0, 1] of two fingers. */
  compareFingers(a: FingerTemplate, b: FingerTemplate): number
  close(): Promise<void>
}
