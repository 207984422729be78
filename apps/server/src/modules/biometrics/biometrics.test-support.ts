import type { TestContext } from '../../test/harness.js'
import {
  encodeFmr,
  type FingerprintRecord,
  recapture,
  syntheticFingerprintRecord,
  syntheticFingers,
} from './fingerprint/index.js'

export const OFFICER = { 'x-officer-id': 'officer-001', 'x-purpose': 'test' }
export const OTHER_OFFICER = { 'x-officer-id': 'officer-002' }

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

export const post = (
  t: TestContext,
  url: string,
  payload: object,
  headers: Record<string, string> = OFFICER,
) => t.app.inject({ method: 'POST', url, payload, headers })

/** A ten-print enrolment record for a person, as the counter scanner sends it. */
export const tenPrint = (subjectId: string) => encodeFmr(syntheticFingerprintRecord(subjectId, 'test'))

/** A later capture of some of the person's fingers (turned, shifted, some minutiae lost). */
export const fingersCapture = (subjectId: string, positions: number[], seed = 'capture'): Uint8Array => {
  const base = syntheticFingerprintRecord(subjectId, 'test')
  const fingers = syntheticFingers(subjectId, 'test').filter((f) => positions.includes(f.position))
  const record: FingerprintRecord = {
    ...base,
    views: fingers.map((f) => ({
      position: f.position,
      viewNumber: 0,
      impression: 0,
      quality: 70,
      minutiae: [...recapture(f.template, `${seed}/${f.position}`).minutiae],
    })),
  }
  return encodeFmr(record)
}
