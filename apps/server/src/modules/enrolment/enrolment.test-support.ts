import sharp from 'sharp'
import { expect } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { b64, fingersCapture, tenPrint } from '../biometrics/biometrics.test-support.js'
import { cropFace, PORTRAIT, SAME_PERSON_PHOTOS } from '../biometrics/face/face.samples.js'
import { enrolFace, enrolFingerprints } from '../biometrics/index.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'

export const AN = { personalId: '079095001234', phone: '0395001234' }
export const BINH = { personalId: '001190012345', phone: '0390012345' }
export const CUONG = { personalId: '001088004321', phone: '0398004321' }
export const KIM = { foreignerId: 'NN0000000001', phone: '0700000001' }
const system = { id: 'test', kind: 'system' as const, purpose: 'test' }

export type Faces = { same: string; other: string }

/** The demo registry, with the sample portrait and ten fingers on record for the given citizens. */
export const givenRegistryWithBiometrics = async (t: TestContext, subjects: string[]): Promise<Faces> => {
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  const portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  for (const id of subjects) {
    await enrolFace(t.deps, system, { subjectId: id, image: portrait, source: 'registry' })
    await enrolFingerprints(t.deps, system, { subjectId: id, record: tenPrint(id), source: 'registry' })
  }
  const capture = await sharp(portrait).resize(300).jpeg({ quality: 70 }).toBuffer()
  const man = SAME_PERSON_PHOTOS[2]
  return { same: b64(capture), other: b64(await cropFace(man.file, man.box, man.margin)) }
}

export const fingers = (subjectId: string) => b64(fingersCapture(subjectId, [2, 7]))

export type Headers = Record<string, string>

export const call = (
  t: TestContext,
  headers: Headers,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })

/** Open → biometrics → confirm through HTTP: a submitted dossier's view. */
export const givenSubmitted = async (
  t: TestContext,
  officer: Headers,
  faces: Faces,
  body: Record<string, unknown>,
  subjectId: string,
) => {
  const opened = await call(t, officer, 'POST', '/api/v1/counter/dossiers', body)
  expect(opened.statusCode, opened.body).toBe(201)
  const id: string = opened.json().id
  const bio = await call(t, officer, 'POST', `/api/v1/counter/dossiers/${id}/biometrics`, {
    portrait: faces.same,
    fingerprints: fingers(subjectId),
  })
  expect(bio.statusCode, bio.body).toBe(200)
  const confirmed = await call(t, officer, 'POST', `/api/v1/counter/dossiers/${id}/confirm`, {
    citizenSigned: true,
  })
  expect(confirmed.statusCode, confirmed.body).toBe(200)
  return confirmed.json()
}
