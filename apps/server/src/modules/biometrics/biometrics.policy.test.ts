import { randomBytes } from 'node:crypto'
import pino from 'pino'
import { describe, expect, test } from 'vitest'
import { ConfigError, loadConfig } from '../../platform/config.js'
import { createBiometricsRuntime } from './biometrics.runtime.js'

const runtime = (BIOMETRIC_POLICY: unknown) =>
  createBiometricsRuntime({
    config: { BIOMETRIC_POLICY, FACE_THREADS: 1 },
    kek: randomBytes(32),
    log: pino({ level: 'silent' }),
  })

describe('the biometric policy', () => {
  test('unattended uses (app selfie, payment) require liveness; a payment asks a higher face score', () => {
    const { policy } = runtime(undefined)
    expect(policy.app_selfie.requireLiveness).toBe(true)
    expect(policy.payment.requireLiveness).toBe(true)
    expect(policy.counter_capture.requireLiveness).toBe(false)
    expect(policy.counter_capture.fingersRequired).toBe(2)
    expect(policy.payment.face).toBeGreaterThan(policy.app_selfie.face)
  })

  test('BIOMETRIC_POLICY overrides one value and keeps the rest', () => {
    const { policy } = runtime({ payment: { face: 0.9 }, duplicateFace: 0.6 })
    expect(policy.payment).toMatchObject({ face: 0.9, requireLiveness: true })
    expect(policy.duplicateFace).toBe(0.6)
  })

  test('a malformed override stops the start and names the field', () => {
    expect(() => runtime({ payment: { face: 2 } })).toThrow(ConfigError)
    expect(() => runtime({ payment: { face: 2 } })).toThrow(/BIOMETRIC_POLICY\.payment\.face/)
    expect(() => runtime({ selfie: {} })).toThrow(/BIOMETRIC_POLICY/)
    expect(() => loadConfig({ BIOMETRIC_POLICY: '{not json' })).toThrow(
      /BIOMETRIC_POLICY: must be a JSON object/,
    )
  })
})
