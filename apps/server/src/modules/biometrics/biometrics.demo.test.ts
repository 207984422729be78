import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { demoPeople, personIdsAfter, seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { demoLaterCapture, SYNTHETIC_FINGER_SEED, seedDemoBiometrics } from './biometrics.demo.js'
import { b64, biometricOfficers, post } from './biometrics.test-support.js'
import { encodeFmr, recapture, syntheticFingerprintRecord, syntheticFingers } from './fingerprint/index.js'

let t: TestContext
let report: Awaited<ReturnType<typeof seedDemoBiometrics>>
beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  await biometricOfficers(t)
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 150, seed: 'demo-bio' })
  report = await seedDemoBiometrics(
    t.deps,
    (after, limit) => personIdsAfter(t.db, after, limit),
    demoPeople.map((p) => p.record.personalId),
  )
}, 120_000)
afterAll(() => t.close())

describe('first-start biometric templates', () => {
  test('every person gets a face and both index fingers; demo people a ten-print and real portraits', () => {
    expect(report).toEqual({ faces: 150, fingers: 300, portraits: 2 })
  })

  test("a later photo of the demo man matches Nguyễn Văn An's portrait", async () => {
    const res = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: '079095001234',
      image: b64(await demoLaterCapture()),
      use: 'counter_capture',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ decision: 'match' })
  })

  test("a synthetic person's index fingers, captured again, match what was stored", async () => {
    const [id] = await personIdsAfter(t.db, '', 1)
    const subject = id ?? expect.fail('no person')
    const base = syntheticFingerprintRecord(subject, SYNTHETIC_FINGER_SEED)
    const views = syntheticFingers(subject, SYNTHETIC_FINGER_SEED)
      .filter((f) => f.position === 2 || f.position === 7)
      .map((f) => ({
        position: f.position,
        viewNumber: 0,
        impression: 0,
        quality: 60,
        minutiae: recapture(f.template, 'later').minutiae,
      }))
    const res = await post(t, '/api/v1/biometrics/fingerprints/verify', {
      subjectId: subject,
      record: b64(encodeFmr({ ...base, views })),
      use: 'counter_capture',
    })
    expect(res.json()).toMatchObject({ decision: 'match', fingers: [{ position: 2 }, { position: 7 }] })
  })

  test('a second start seeds nothing', async () => {
    const again = await seedDemoBiometrics(t.deps, (after, limit) => personIdsAfter(t.db, after, limit), [])
    expect(again).toBeNull()
  })
})
