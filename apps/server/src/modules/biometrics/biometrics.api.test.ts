import { readFile } from 'node:fs/promises'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { officerSession } from '../officers/officers.test-support.js'
import {
  type BiometricOfficers,
  b64,
  biometricOfficers,
  fingersCapture,
  post,
  tenPrint,
} from './biometrics.test-support.js'
import { cropFace, GROUP_PHOTOS, NO_FACE_PHOTO, PORTRAIT, SAME_PERSON_PHOTOS } from './face/face.samples.js'

let t: TestContext
let officers: BiometricOfficers
let portrait: Buffer
let otherFace: Buffer
const AN = '079095001234'
const BINH = '001190012345'

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  officers = await biometricOfficers(t)
  portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  // Somebody else: the man of @vladmandic/human's screenshots.
  const other = SAME_PERSON_PHOTOS[2]
  otherFace = await cropFace(other.file, other.box, other.margin)
}, 120_000)
afterAll(() => t.close())

const auditActions = async (subject: string) =>
  (
    await t.db
      .selectFrom('platform_audit_event')
      .select('action')
      .where('subject', '=', subject)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action)

describe('face enrolment and 1:1 checks', () => {
  test('an enrolled portrait matches a later capture of the same face, and the check is audited', async () => {
    const enrol = await post(t, '/api/v1/biometrics/faces/enrol', {
      subjectId: AN,
      image: b64(portrait),
      source: 'registry',
    })
    expect(enrol.statusCode, enrol.body).toBe(200)
    expect(enrol.json()).toMatchObject({ subjectId: AN, duplicates: [] })
    const capture = await sharp(portrait).resize(300).jpeg({ quality: 60 }).toBuffer()
    const res = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: AN,
      image: b64(capture),
      use: 'counter_capture',
    })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ decision: 'match', modality: 'face', use: 'counter_capture' })
    expect(body.score).toBeGreaterThanOrEqual(body.threshold)
    expect(await auditActions(AN)).toEqual(['biometrics.face.enrolled', 'biometrics.face.verified'])
  })

  test("another person's face does not match", async () => {
    const res = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: AN,
      image: b64(otherFace),
      use: 'counter_capture',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ decision: 'no_match' })
    expect(res.json().score).toBeLessThan(res.json().threshold)
  })

  test('a photo with several faces is refused: the check must be about one person', async () => {
    const group = await readFile(GROUP_PHOTOS[1]?.file ?? '')
    const res = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: AN,
      image: b64(group),
      use: 'counter_capture',
    })
    expect(res.json().code).toBe('biometrics.FACE_MULTIPLE')
  })

  test('the same face enrolled under a second number is reported as a possible duplicate', async () => {
    const res = await post(t, '/api/v1/biometrics/faces/enrol', {
      subjectId: BINH,
      image: b64(portrait),
      source: 'counter',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().duplicates).toEqual([expect.objectContaining({ subjectId: AN })])
    const search = await post(t, '/api/v1/biometrics/faces/search', { image: b64(portrait) })
    expect(
      search
        .json()
        .hits.map((h: { subjectId: string }) => h.subjectId)
        .sort(),
    ).toEqual([BINH, AN].sort())
  })

  test('a check for a person with no enrolled face is refused with NO_REFERENCE', async () => {
    const res = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: '001088004321',
      image: b64(portrait),
      use: 'payment',
    })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('biometrics.NO_REFERENCE')
  })

  test('a capture without a face is refused with its reason and still recorded for review', async () => {
    const noFace = await readFile(NO_FACE_PHOTO)
    const res = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: AN,
      image: b64(noFace),
      use: 'counter_capture',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      code: 'biometrics.FACE_NOT_FOUND',
      details: { verificationId: expect.any(String) },
    })
    const review = await t.app.inject({
      method: 'GET',
      url: `/api/v1/biometrics/verifications/${res.json().details.verificationId}`,
      headers: officers.reviewer.headers,
    })
    expect(review.json()).toMatchObject({
      decision: 'quality_rejected',
      reasonCode: 'biometrics.FACE_NOT_FOUND',
      score: null,
    })
  })

  test('bad input gets a code, never a crash: not an image, not base64, no caller', async () => {
    const junk = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: AN,
      image: b64(Buffer.from('not an image at all')),
      use: 'payment',
    })
    expect(junk.json().code).toBe('biometrics.IMAGE_INVALID')
    const notB64 = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: AN,
      image: '%%%',
      use: 'payment',
    })
    expect(notB64.json().code).toBe('platform.VALIDATION')
    const badId = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: '12345',
      image: b64(portrait),
      use: 'payment',
    })
    expect(badId.json().code).toBe('biometrics.SUBJECT_INVALID')
    const anonymous = await post(t, '/api/v1/biometrics/faces/search', { image: b64(portrait) }, {})
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('review of a check by an officer', () => {
  test('shows both images, score and model; another officer confirms it once; the reads are audited', async () => {
    const capture = await sharp(portrait).modulate({ brightness: 1.2 }).jpeg().toBuffer()
    const check = await post(t, '/api/v1/biometrics/faces/verify', {
      subjectId: AN,
      image: b64(capture),
      use: 'counter_capture',
    })
    const id = check.json().verificationId as string
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/biometrics/verifications/${id}`,
      headers: officers.reviewer.headers,
    })
    expect(read.statusCode, read.body).toBe(200)
    const view = read.json()
    expect(view.probeImage).toMatch(/^data:image\/jpeg;base64,/)
    expect(view.referenceImage).toMatch(/^data:image\/jpeg;base64,/)
    expect(view).toMatchObject({
      actor: officers.counter.officer.officerNumber,
      decision: 'match',
      modelVersion: expect.stringContaining('faceres'),
      review: null,
    })

    const counterOnly = await post(
      t,
      `/api/v1/biometrics/verifications/${id}/review`,
      { outcome: 'confirmed' },
      officers.counter.headers,
    )
    expect(counterOnly.statusCode).toBe(403)
    expect(counterOnly.json().code).toBe('officers.PERMISSION_DENIED')
    const ok = await post(
      t,
      `/api/v1/biometrics/verifications/${id}/review`,
      { outcome: 'confirmed', note: 'same person' },
      officers.reviewer.headers,
    )
    expect(ok.json().review).toMatchObject({
      by: officers.reviewer.officer.officerNumber,
      outcome: 'confirmed',
    })
    const again = await post(
      t,
      `/api/v1/biometrics/verifications/${id}/review`,
      { outcome: 'overturned' },
      officers.reviewer.headers,
    )
    expect(again.statusCode).toBe(409)
    expect(await auditActions(AN)).toContain('biometrics.verification.reviewed')
  })
})

describe('review of a check by an officer: never their own', () => {
  test('an officer who both checks and reviews may not review a check they made', async () => {
    const both = await officerSession(t, { roles: ['receiving_officer', 'supervisor'] })
    const check = await post(
      t,
      '/api/v1/biometrics/faces/verify',
      { subjectId: AN, image: b64(portrait), use: 'counter_capture' },
      both.headers,
    )
    const own = await post(
      t,
      `/api/v1/biometrics/verifications/${check.json().verificationId}/review`,
      { outcome: 'confirmed' },
      both.headers,
    )
    expect(own.statusCode).toBe(403)
    expect(own.json().code).toBe('biometrics.OWN_VERIFICATION')
  })
})

describe('officer sessions on the biometric routes', () => {
  test('a state-changing call without the CSRF header is refused, and nothing is checked', async () => {
    const { cookie } = officers.counter.headers
    const payload = { subjectId: AN, image: b64(portrait), use: 'counter_capture' }
    const before = (await auditActions(AN)).length
    const attempts: Record<string, string>[] = [
      { cookie: cookie ?? '' },
      { cookie: cookie ?? '', 'x-csrf-token': 'forged' },
    ]
    for (const headers of attempts) {
      const res = await post(t, '/api/v1/biometrics/faces/verify', payload, headers)
      expect(res.statusCode).toBe(403)
      expect(res.json().code).toBe('officers.CSRF_INVALID')
    }
    expect((await auditActions(AN)).length).toBe(before)
  })

  test('checks need biometrics.check: an approver or an administrator makes none', async () => {
    for (const roles of [['approver'], ['administrator']] as const) {
      const o = await officerSession(t, { roles: [...roles], unitCode: 'C06' })
      const res = await post(t, '/api/v1/biometrics/faces/search', { image: b64(portrait) }, o.headers)
      expect(res.statusCode).toBe(403)
      expect(res.json().code).toBe('officers.PERMISSION_DENIED')
    }
  })

  test('the audit names the officer by number, with their unit', async () => {
    const row = await t.db
      .selectFrom('platform_audit_event')
      .select(['actor', 'actor_kind', 'data'])
      .where('action', '=', 'biometrics.face.verified')
      .orderBy('seq')
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      actor: officers.counter.officer.officerNumber,
      actor_kind: 'officer',
      data: { unit: 'CAX-001-BA-DINH' },
    })
  })
})

describe('fingerprints', () => {
  test('a ten-print enrolment, then two fingers at the counter match and an impostor does not', async () => {
    const enrol = await post(t, '/api/v1/biometrics/fingerprints/enrol', {
      subjectId: AN,
      record: b64(tenPrint(AN)),
      source: 'counter',
    })
    expect(enrol.json()).toMatchObject({ positions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })
    const genuine = await post(t, '/api/v1/biometrics/fingerprints/verify', {
      subjectId: AN,
      record: b64(fingersCapture(AN, [2, 7])),
      use: 'counter_capture',
    })
    expect(genuine.json()).toMatchObject({ decision: 'match', modality: 'fingerprint' })
    const impostor = await post(t, '/api/v1/biometrics/fingerprints/verify', {
      subjectId: AN,
      record: b64(fingersCapture(BINH, [2, 7])),
      use: 'counter_capture',
    })
    expect(impostor.json()).toMatchObject({ decision: 'no_match' })
  })

  test('one finger is not enough at the counter, where the policy asks for two', async () => {
    const res = await post(t, '/api/v1/biometrics/fingerprints/verify', {
      subjectId: AN,
      record: b64(fingersCapture(AN, [2])),
      use: 'counter_capture',
    })
    expect(res.json()).toMatchObject({ decision: 'no_match', fingers: [{ position: 2 }] })
  })

  test('a malformed record is refused with the byte where it breaks, nothing stored', async () => {
    const record = Buffer.from(tenPrint(BINH)).subarray(0, 40)
    const res = await post(t, '/api/v1/biometrics/fingerprints/enrol', {
      subjectId: BINH,
      record: b64(record),
      source: 'counter',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toMatch(/^biometrics\.FINGERPRINT_/)
    const rows = await t.db
      .selectFrom('biometrics_template')
      .select('position')
      .where('subject_id', '=', BINH)
      .where('modality', '=', 'fingerprint')
      .execute()
    expect(rows).toEqual([])
  })
})

describe('templates at rest', () => {
  test('templates and portraits are stored sealed: no raw FMR record, JPEG or embedding bytes in the table', async () => {
    const rows = await t.db
      .selectFrom('biometrics_template')
      .selectAll()
      .where('subject_id', '=', AN)
      .execute()
    expect(rows.length).toBe(11)
    for (const r of rows) {
      const enc = Buffer.from(r.template_enc)
      expect(enc.includes(Buffer.from('FMR\0'))).toBe(false)
      expect(enc.includes(Buffer.from('faceres'))).toBe(false)
      if (r.image_enc)
        expect(
          Buffer.from(r.image_enc)
            .subarray(0, 3)
            .equals(Buffer.from([0xff, 0xd8, 0xff])),
        ).toBe(false)
    }
  })
})
