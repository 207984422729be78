import { z } from 'zod'
import type { BiometricUse } from './biometrics.table.js'

/** What one use of biometrics demands: decision thresholds and whether a live capture must be proven. */
export type UsePolicy = {
  /** Face similarity (0..1) at or above which two faces are the same person. */
  face: number
  /** Fingerprint score (0..1) at or above which two fingers are the same finger. */
  fingerprint: number
  /** How many of the captured fingers must match their enrolled fingers. */
  fingersRequired: number
  /** Refuse a face the anti-spoofing or liveness models doubt (unattended captures). */
  requireLiveness: boolean
}
export type BiometricPolicy = Record<BiometricUse, UsePolicy> & {
  /** Face similarity above which a 1:N search reports a possible duplicate enrolment. */
  duplicateFace: number
}

/**
 * Defaults measured on the built-in engines (docs/face.md, docs/fingerprints.md): an unattended app
 * selfie and a payment need a live capture; at the counter an officer watches the capture. Payments
 * ask for a stricter face score than enrolment.
 */
export const defaultBiometricPolicy = (
  faceThreshold: number,
  fingerprintThreshold: number,
): BiometricPolicy => ({
  app_selfie: {
    face: faceThreshold,
    fingerprint: fingerprintThreshold,
    fingersRequired: 1,
    requireLiveness: true,
  },
  counter_capture: {
    face: faceThreshold,
    fingerprint: fingerprintThreshold,
    fingersRequired: 2,
    requireLiveness: false,
  },
  payment: {
    face: Math.min(0.99, faceThreshold + 0.05),
    fingerprint: fingerprintThreshold,
    fingersRequired: 1,
    requireLiveness: true,
  },
  duplicateFace: faceThreshold,
})

const Score = z.number().min(0).max(1)
const UseOverride = z
  .object({
    face: Score,
    fingerprint: Score,
    fingersRequired: z.number().int().min(1).max(10),
    requireLiveness: z.boolean(),
  })
  .partial()
  .strict()
/** The shape of BIOMETRIC_POLICY: a JSON object overriding any default, e.g. `{"payment":{"face":0.8}}`. */
export const PolicyOverride = z
  .object({
    app_selfie: UseOverride,
    counter_capture: UseOverride,
    payment: UseOverride,
    duplicateFace: Score,
  })
  .partial()
  .strict()
export type PolicyOverride = z.infer<typeof PolicyOverride>

export const applyPolicyOverride = (base: BiometricPolicy, o: PolicyOverride | undefined): BiometricPolicy =>
  o
    ? {
        app_selfie: { ...base.app_selfie, ...o.app_selfie },
        counter_capture: { ...base.counter_capture, ...o.counter_capture },
        payment: { ...base.payment, ...o.payment },
        duplicateFace: o.duplicateFace ?? base.duplicateFace,
      }
    : base
