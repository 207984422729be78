import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { cropFace, PORTRAIT, SAME_PERSON_PHOTOS } from '../biometrics/face/face.samples.js'
import { enrolFace } from '../biometrics/index.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { processDossier } from './dossier.processor.js'

let t: TestContext
let binhSelfie: Buffer
let manSelfie: Buffer
const BINH = { personalId: '001190012345', fullName: 'Trần Thị Bình', dateOfBirth: '1990-08-02' }
const CUONG = { personalId: '001088004321', fullName: 'Lê Minh Cường', dateOfBirth: '1988-11-20' }
const BAO = { personalId: '001216006789', fullName: 'Lê Gia Bảo', dateOfBirth: '2016-04-09' }
const system = { id: 'test', kind: 'system' as const, purpose: 'test' }

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  const portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  await enrolFace(t.deps, system, { subjectId: BINH.personalId, image: portrait, source: 'registry' })
  // A selfie is another capture: smaller, recompressed, a little brighter.
  binhSelfie = await sharp(portrait)
    .resize(320)
    .modulate({ brightness: 1.1 })
    .jpeg({ quality: 80 })
    .toBuffer()
  const man = SAME_PERSON_PHOTOS[2]
  manSelfie = await cropFace(man.file, man.box, 0.12)
}, 120_000)
afterAll(() => t.close())

const register = (body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/accounts/registrations', payload: body })
const application = (who: typeof BINH, selfie: Buffer, extra: Record<string, unknown> = {}) => ({
  ...who,
  phone: '0912345678',
  selfie: selfie.toString('base64'),
  ...extra,
})
const submitAndProcess = async (body: Record<string, unknown>) => {
  const res = await register(body)
  expect(res.statusCode, res.body).toBe(202)
  return processDossier(t.deps, res.json().dossierId)
}
const outbox = () => t.db.selectFrom('platform_outbox').selectAll().orderBy('created_at').execute()

describe('level-1 registration in the app', () => {
  test('the answer is the same receipt whether or not the number is in the registry (no enumeration)', async () => {
    const known = await register(application(BINH, binhSelfie))
    const unknown = await register(application({ ...BINH, personalId: '001190099999' }, binhSelfie))
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(known.json()).sort())
    expect(known.json()).toMatchObject({ state: 'submitted', receivedOn: '2026-11-23', dueOn: '2026-11-24' })
    expect(unknown.json()).toMatchObject({
      state: 'submitted',
      receivedOn: '2026-11-23',
      dueOn: '2026-11-24',
    })
    // Clean up: decide both so the later tests start from an empty queue.
    await processDossier(t.deps, unknown.json().dossierId)
    await processDossier(t.deps, known.json().dossierId)
  })

  test('an eligible citizen whose selfie matches the portrait gets a level-1 account to activate, told by SMS', async () => {
    const account = await t.db
      .selectFrom('accounts_account')
      .selectAll()
      .where('subject_id', '=', BINH.personalId)
      .executeTakeFirst()
    expect(account).toMatchObject({ level: 1, status: 'approved', phone: '+84912345678', created_via: 'app' })
    const sms = (await outbox()).filter((m) => m.template === 'accounts.dossier.approved')
    expect(sms).toHaveLength(1)
    expect(sms[0]).toMatchObject({ channel: 'sms', recipient: '+84912345678' })
    expect(sms[0]?.body).toContain('da duoc phe duyet')
    const dossier = await t.db
      .selectFrom('accounts_dossier')
      .selectAll()
      .where('subject_id', '=', BINH.personalId)
      .executeTakeFirst()
    expect(dossier).toMatchObject({
      state: 'approved',
      selfie_enc: null,
      verification_id: expect.any(String),
    })
  })

  test('an unknown number and a wrong name are rejected with the same reason, which reveals nothing', async () => {
    const unknown = await t.db
      .selectFrom('accounts_dossier')
      .select(['state', 'reason'])
      .where('subject_id', '=', '001190099999')
      .executeTakeFirst()
    expect(unknown).toEqual({ state: 'rejected', reason: 'DECLARED_DATA_MISMATCH' })
    const wrongName = await submitAndProcess(application({ ...CUONG, fullName: 'Lê Văn Cường' }, manSelfie))
    expect(wrongName).toEqual({ state: 'rejected', reason: 'DECLARED_DATA_MISMATCH' })
    const sms = (await outbox()).filter((m) => m.template === 'accounts.dossier.rejected')
    expect(sms.at(-1)?.body).toContain('DECLARED_DATA_MISMATCH')
    expect(sms.at(-1)?.body).not.toMatch(/Cường|1988|Hà Nội/)
  })

  test('a child under 14 cannot register in the app (D69 Art 7(1): through a representative)', async () => {
    expect(await submitAndProcess(application(BAO, binhSelfie))).toEqual({
      state: 'rejected',
      reason: 'NOT_ELIGIBLE',
    })
  })

  test('a person with no portrait on record is sent to a counter', async () => {
    // Cường's own number at the sandbox carrier: the phone check passes, the face check has nothing.
    expect(await submitAndProcess(application(CUONG, manSelfie, { phone: '0398004321' }))).toEqual({
      state: 'rejected',
      reason: 'NO_PORTRAIT_ON_RECORD',
    })
  })

  test("someone else's face is refused, and the check is kept for review", async () => {
    await t.db.deleteFrom('accounts_account').where('subject_id', '=', BINH.personalId).execute()
    const out = await submitAndProcess(application(BINH, manSelfie))
    expect(out).toEqual({ state: 'rejected', reason: 'FACE_MISMATCH' })
    const v = await t.db
      .selectFrom('biometrics_verification')
      .select(['decision', 'use'])
      .where('subject_id', '=', BINH.personalId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst()
    expect(v).toMatchObject({ use: 'app_selfie' })
  })

  test('a photo without a face is an unusable selfie', async () => {
    const grey = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer()
    expect(await submitAndProcess(application(BINH, grey))).toEqual({
      state: 'rejected',
      reason: 'SELFIE_UNUSABLE',
    })
  })

  test('a second account for the same number is refused', async () => {
    expect(await submitAndProcess(application(BINH, binhSelfie))).toMatchObject({ state: 'approved' })
    expect(await submitAndProcess(application(BINH, binhSelfie))).toEqual({
      state: 'rejected',
      reason: 'ACCOUNT_EXISTS',
    })
  })

  test('two processors cannot both check the same dossier', async () => {
    const res = await register(application({ ...BINH, personalId: '001190088888' }, binhSelfie))
    const both = await Promise.all([
      processDossier(t.deps, res.json().dossierId),
      processDossier(t.deps, res.json().dossierId),
    ])
    expect(both.filter((d) => d === null)).toHaveLength(1)
  })

  test('a malformed form is refused at once with a code: ID number, phone, date, selfie', async () => {
    expect((await register(application({ ...BINH, personalId: '12345' }, binhSelfie))).json().code).toBe(
      'vn-id.ID_LENGTH',
    )
    expect((await register(application(BINH, binhSelfie, { phone: '0112345678' }))).json().code).toBe(
      'accounts.INVALID_PHONE',
    )
    expect(
      (await register(application({ ...BINH, dateOfBirth: '1990-13-40' }, binhSelfie))).json().code,
    ).toBe('accounts.INVALID_DATE')
    expect((await register(application(BINH, Buffer.alloc(0)))).json().code).toBe('accounts.SELFIE_REQUIRED')
  })

  test('the applicant can follow the dossier with the receipt', async () => {
    const res = await register(application({ ...BINH, personalId: '001190077777' }, binhSelfie))
    const id = res.json().dossierId
    await processDossier(t.deps, id)
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/accounts/registrations/${id}` })
    expect(status.json()).toMatchObject({
      state: 'rejected',
      reason: 'DECLARED_DATA_MISMATCH',
      dueOn: '2026-11-24',
    })
  })
})
