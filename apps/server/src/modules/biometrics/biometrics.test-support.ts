import type { TestContext } from '../../test/harness.js'
import { type OfficerSession, officerSession } from '../officers/officers.test-support.js'
import { templateAad } from './biometrics.runtime.js'
import {
  encodeFmr,
  type FingerprintRecord,
  recapture,
  syntheticFingerprintRecord,
  syntheticFingers,
} from './fingerprint/index.js'

export type BiometricOfficers = { counter: OfficerSession; reviewer: OfficerSession }
const officersOf = new WeakMap<TestContext, BiometricOfficers>()

/** A counter officer who makes checks (biometrics.check) and a supervisor who reviews them, logged in. */
export const biometricOfficers = async (t: TestContext): Promise<BiometricOfficers> => {
  const officers = {
    counter: await officerSession(t, { roles: ['receiving_officer'] }),
    reviewer: await officerSession(t, { roles: ['supervisor'] }),
  }
  officersOf.set(t, officers)
  return officers
}

const counterHeaders = (t: TestContext) => {
  const officers = officersOf.get(t)
  if (!officers) throw new Error('call biometricOfficers(t) in beforeAll first')
  return { ...officers.counter.headers, 'x-purpose': 'test' }
}

export const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

/** A POST by the counter officer of biometricOfficers(t), unless other headers are given. */
export const post = (t: TestContext, url: string, payload: object, headers?: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, payload, headers: headers ?? counterHeaders(t) })

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

/**
 * A portrait on record, sealed as enrolment seals it, without running the engine: under a model version
 * of its own, so the 1:N gallery of the real model never reads its placeholder template.
 */
export const givenPortrait = async (t: TestContext, subjectId: string, image: Uint8Array, type: string) => {
  const model = 'test-portrait'
  const rt = t.deps.biometrics
  await t.db
    .insertInto('biometrics_template')
    .values({
      subject_id: subjectId,
      modality: 'face',
      position: 0,
      model_version: model,
      template_enc: rt.templates.seal(new Uint8Array(8), templateAad(subjectId, 'face', 0, model)),
      image_enc: rt.images.seal(image, templateAad(subjectId, 'face-image', 0, model)),
      image_type: type,
      quality: 90,
      source: 'registry',
      created_at: t.clock.now(),
    })
    .execute()
}
