import { nameKey } from '@dinhdanh/vn-id'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { cropFace, PORTRAIT, SAME_PERSON_PHOTOS } from '../biometrics/face/face.samples.js'
import { demoLaterCapture, enrolFace } from '../biometrics/index.js'
import { insertForeigners } from '../registry/foreigner.repository.js'
import { demoForeigners, seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { lastSmsCode } from './accounts.test-support.js'
import { processDossier } from './dossier.processor.js'

let t: TestContext
let kimSelfie: Buffer
let otherFace: Buffer
// Kim Min Jun of the demo immigration data; his own number at the sandbox carrier is 0700 000 001.
const KIM = {
  passportNumber: 'M12345678',
  nationality: 'KR',
  residenceCardNumber: 'TT0000000001',
  fullName: 'KIM MIN JUN',
  dateOfBirth: '1985-07-07',
  phone: '0700 000 001',
}
const KIM_ID = 'NN0000000001'
const KIM_PHONE = '+84700000001'
// A resident whose temporary residence card ran out a month before the test day.
const TANAKA = {
  passportNumber: 'TK1234567',
  nationality: 'JP',
  residenceCardNumber: 'TT0000000002',
  fullName: 'Tanaka Yuki',
  dateOfBirth: '1990-04-01',
  phone: '0700 000 002',
}
const system = { id: 'test', kind: 'system' as const, purpose: 'test' }

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  const kim = demoForeigners[0]?.record
  if (!kim) throw new Error('the demo registry has no foreigner')
  await insertForeigners(
    t.db,
    [
      {
        ...kim,
        foreignerId: 'NN0000000002',
        fullName: TANAKA.fullName,
        dateOfBirth: TANAKA.dateOfBirth,
        nationality: 'JP',
        passport: { ...kim.passport, number: TANAKA.passportNumber },
        residenceCard: { kind: 'TEMPORARY', number: TANAKA.residenceCardNumber, expiresOn: '2026-10-31' },
      },
    ],
    nameKey,
    NOW,
  )
  // Kim's portrait on record is one photo of the sample man; his selfie is a later photo of him.
  const man = SAME_PERSON_PHOTOS[1]
  await enrolFace(t.deps, system, {
    subjectId: KIM_ID,
    image: await cropFace(man.file, man.box, man.margin),
    source: 'registry',
  })
  kimSelfie = await demoLaterCapture()
  otherFace = await sharp(await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin))
    .resize(320)
    .jpeg()
    .toBuffer()
}, 120_000)
afterAll(() => t.close())

const register = (body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/accounts/registrations/foreigner', payload: body })
const application = (who: typeof KIM, selfie: Buffer, extra: Record<string, unknown> = {}) => ({
  ...who,
  selfie: selfie.toString('base64'),
  ...extra,
})
const submitAndProcess = async (body: Record<string, unknown>) => {
  const res = await register(body)
  expect(res.statusCode, res.body).toBe(202)
  return processDossier(t.deps, res.json().dossierId)
}
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload })

describe("a foreigner's level-1 registration in the app (D69 Art 11(1))", () => {
  test('a selfie of someone else is refused after the immigration match', async () => {
    expect(await submitAndProcess(application(KIM, otherFace))).toEqual({
      state: 'rejected',
      reason: 'FACE_MISMATCH',
    })
  })

  test("a phone in someone else's name is refused, before any face check", async () => {
    const verifications = () =>
      t.db.selectFrom('biometrics_verification').select('id').where('subject_id', '=', KIM_ID).execute()
    const before = (await verifications()).length
    expect(await submitAndProcess(application(KIM, kimSelfie, { phone: '0888 888 888' }))).toEqual({
      state: 'rejected',
      reason: 'PHONE_NOT_OWN_NAME',
    })
    expect(await verifications()).toHaveLength(before)
  })

  test('the answer is the same receipt whether or not the passport is known (no enumeration)', async () => {
    const known = await register(application(KIM, kimSelfie))
    const unknown = await register(application({ ...KIM, passportNumber: 'M99999999' }, kimSelfie))
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202])
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(known.json()).sort())
    // Foreigner level 1: at most 1 working day (D69 Art 13(3a)).
    for (const r of [known, unknown])
      expect(r.json()).toMatchObject({ state: 'submitted', receivedOn: '2026-11-23', dueOn: '2026-11-24' })
    expect(await processDossier(t.deps, unknown.json().dossierId)).toEqual({
      state: 'rejected',
      reason: 'DECLARED_DATA_MISMATCH',
    })
    expect(await processDossier(t.deps, known.json().dossierId)).toMatchObject({ state: 'approved' })
  })

  test('the account is under the foreigner ID number of the immigration record, and the SMS names it', async () => {
    const account = await t.db
      .selectFrom('accounts_account')
      .selectAll()
      .where('subject_id', '=', KIM_ID)
      .executeTakeFirstOrThrow()
    expect(account).toMatchObject({
      subject_kind: 'foreigner',
      level: 1,
      status: 'approved',
      phone: KIM_PHONE,
    })
    const sms = await t.db
      .selectFrom('platform_outbox')
      .select('body')
      .where('template', '=', 'accounts.dossier.approved')
      .where('recipient', '=', KIM_PHONE)
      .executeTakeFirstOrThrow()
    expect(sms.body).toContain(`Ten dang nhap: ${KIM_ID}`)
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .select(['subject_kind', 'data'])
      .where('action', '=', 'accounts.dossier.approved')
      .where('subject', '=', KIM_ID)
      .executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ subject_kind: 'foreigner', data: { kind: 'FOREIGNER_L1_APP', level: 1 } })
  })

  test('another residence card, an expired one or another passport: the declared data do not match', async () => {
    const mismatch = { state: 'rejected', reason: 'DECLARED_DATA_MISMATCH' }
    expect(
      await submitAndProcess(application({ ...KIM, residenceCardNumber: 'TT0000000009' }, kimSelfie)),
    ).toEqual(mismatch)
    expect(await submitAndProcess(application(TANAKA, kimSelfie))).toEqual(mismatch)
    expect(await submitAndProcess(application({ ...KIM, passportNumber: 'M12345679' }, kimSelfie))).toEqual(
      mismatch,
    )
    const sms = await t.db
      .selectFrom('platform_outbox')
      .select('body')
      .where('template', '=', 'accounts.dossier.rejected')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(sms.body).not.toMatch(/Tanaka|2026-10-31|NN0000000002/)
  })

  test('a second registration of the same person is refused', async () => {
    expect(await submitAndProcess(application(KIM, kimSelfie))).toEqual({
      state: 'rejected',
      reason: 'ACCOUNT_EXISTS',
    })
  })

  test('a malformed form is refused at once: passport, nationality, residence card, phone', async () => {
    const code = async (extra: Record<string, unknown>) =>
      (await register(application(KIM, kimSelfie, extra))).json().code
    expect(await code({ passportNumber: 'M1' })).toBe('accounts.INVALID_PASSPORT')
    expect(await code({ nationality: 'VN' })).toBe('accounts.INVALID_NATIONALITY')
    expect(await code({ nationality: 'K1' })).toBe('accounts.INVALID_NATIONALITY')
    expect(await code({ residenceCardNumber: 'T#1' })).toBe('accounts.INVALID_RESIDENCE_CARD')
    expect(await code({ phone: '0112345678' })).toBe('accounts.INVALID_PHONE')
  })
})

describe('activation and login with the foreigner ID number as username', () => {
  const GOOD = {
    password: 'Seoul@2026vn',
    passcode: '604821',
    securityQuestions: [
      { questionId: 'first_primary_school', answer: 'Seoul Elementary' },
      { questionId: 'best_childhood_friend', answer: 'Jisoo' },
    ],
  }

  test('the passcode may not be the birth date on the immigration record; then the account is active', async () => {
    const start = await post('/api/v1/accounts/activation/start', {
      personalId: 'nn0000000001',
      phone: KIM.phone,
    })
    expect(start.statusCode, start.body).toBe(202)
    const code = await lastSmsCode(t.db, 'otp.activation', KIM_PHONE)
    expect(code).toMatch(/^\d{6}$/)
    const birthDate = await post('/api/v1/accounts/activation/finish', {
      personalId: KIM_ID,
      phone: KIM_PHONE,
      code,
      ...GOOD,
      passcode: '070785',
    })
    expect(birthDate.json().details.failures.map((f: { code: string }) => f.code)).toEqual([
      'policy.PASSCODE_BIRTH_DATE',
    ])
    t.clock.advance(1000)
    await post('/api/v1/accounts/activation/start', { personalId: KIM_ID, phone: KIM_PHONE })
    const ok = await post('/api/v1/accounts/activation/finish', {
      personalId: 'nn0000000001',
      phone: KIM.phone,
      code: await lastSmsCode(t.db, 'otp.activation', KIM_PHONE),
      ...GOOD,
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toEqual({ username: KIM_ID, level: 1, status: 'active' })
    const audit = await t.db
      .selectFrom('platform_audit_event')
      .select('subject_kind')
      .where('action', '=', 'accounts.account.activated')
      .where('subject', '=', KIM_ID)
      .executeTakeFirstOrThrow()
    expect(audit.subject_kind).toBe('foreigner')
  })

  test('login takes the foreigner ID number, typed in any case', async () => {
    t.clock.advance(1000)
    const first = await post('/api/v1/auth/login', { username: ' nn0000000001 ', password: GOOD.password })
    expect(first.statusCode, first.body).toBe(202)
    const cookies = Object.fromEntries(first.cookies.map((c) => [c.name, c.value]))
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/verify',
      payload: {
        challengeId: first.json().challengeId,
        code: await lastSmsCode(t.db, 'otp.login_new_device', KIM_PHONE),
      },
      cookies,
    })
    expect(verified.statusCode, verified.body).toBe(200)
    expect(verified.json().account).toEqual({ username: KIM_ID, level: 1 })
  })
})
