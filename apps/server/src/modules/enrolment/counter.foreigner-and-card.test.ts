import { afterAll, beforeAll, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { applyAutomaticLocks } from '../accounts/index.js'
import { toSmsText } from '../authn/index.js'
import { officerSession } from '../officers/officers.test-support.js'
import {
  AN,
  BINH,
  CUONG,
  call,
  type Faces,
  givenRegistryWithBiometrics,
  givenSubmitted,
  type Headers,
  KIM,
} from './enrolment.test-support.js'

let t: TestContext
let faces: Faces
let counter: Headers
let approver: Headers
let immigration: Headers

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  faces = await givenRegistryWithBiometrics(t, [AN.personalId])
  counter = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  approver = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
  immigration = (await officerSession(t, { roles: ['immigration_officer'] })).headers
}, 180_000)
afterAll(() => t.close())

test("a foreigner's level 2 at an immigration office: first biometrics taken there, 7 working days (D69 Art 13(3)(c))", async () => {
  const atCommune = await call(t, counter, 'POST', '/api/v1/counter/dossiers', {
    foreignerId: KIM.foreignerId,
    phone: KIM.phone,
  })
  expect(atCommune.json()).toMatchObject({ code: 'enrolment.WRONG_UNIT' })
  const d = await givenSubmitted(
    t,
    immigration,
    faces,
    { foreignerId: KIM.foreignerId, phone: KIM.phone },
    KIM.foreignerId,
  )
  expect(d).toMatchObject({
    kind: 'FOREIGNER_L2_COUNTER',
    receivingUnit: 'PA08-079',
    receivedOn: '2026-11-23',
    dueOn: '2026-12-02',
  })
  const res = await call(t, approver, 'POST', `/api/v1/counter/dossiers/${d.id}/approve`)
  expect(res.statusCode, res.body).toBe(200)
  expect(res.json().account).toMatchObject({ outcome: 'created', status: 'approved', eidCard: null })
})

test('an expired card: the dossier rides with a renewal, is approved only once the card is produced, which replaces the old card in the registry', async () => {
  await t.db
    .updateTable('registry_card')
    .set({ expires_on: '2026-01-01', issued_on: '2021-05-20' })
    .where('personal_id', '=', AN.personalId)
    .execute()
  const accountId = await givenAccount(t.db, {
    subjectId: AN.personalId,
    password: 'MatKhau@2026',
    at: t.clock.now(),
  })
  await applyAutomaticLocks(t.deps)
  const locked = await t.db
    .selectFrom('accounts_account')
    .select('status')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow()
  expect(locked.status).toBe('locked')
  // The expired card locks the account (the lock job's card_expired ground); start this path without one.
  await t.db.deleteFrom('accounts_lock').where('account_id', '=', accountId).execute()
  await t.db.deleteFrom('accounts_account').where('id', '=', accountId).execute()
  const noCard = await call(t, counter, 'POST', '/api/v1/counter/dossiers', {
    personalId: AN.personalId,
    phone: AN.phone,
  })
  expect(noCard.json()).toMatchObject({ code: 'enrolment.VALID_CARD_REQUIRED' })
  const d = await givenSubmitted(
    t,
    counter,
    faces,
    { personalId: AN.personalId, phone: AN.phone, cardApplication: { kind: 'renewal', reason: 'expired' } },
    AN.personalId,
  )
  expect(d).toMatchObject({ dueOn: '2026-12-02', cardApplicationId: expect.any(String) })
  const early = await call(t, approver, 'POST', `/api/v1/counter/dossiers/${d.id}/approve`)
  expect(early.json()).toMatchObject({ code: 'enrolment.CARD_NOT_PRODUCED' })
  const card = `/api/v1/counter/card-applications/${d.cardApplicationId}`
  expect((await call(t, counter, 'POST', `${card}/approve`)).json()).toMatchObject({
    code: 'officers.PERMISSION_DENIED',
  })
  expect((await call(t, approver, 'POST', `${card}/produce`)).json()).toMatchObject({
    code: 'enrolment.WRONG_STATE',
  })
  expect((await call(t, approver, 'POST', `${card}/approve`)).json()).toMatchObject({ state: 'approved' })
  expect((await call(t, approver, 'POST', `${card}/produce`)).json()).toMatchObject({
    state: 'produced',
    cardIssuedOn: '2026-11-23',
  })
  const cards = await t.db
    .selectFrom('registry_card')
    .select(['issued_on', 'status'])
    .where('personal_id', '=', AN.personalId)
    .orderBy('issued_on')
    .execute()
  expect(cards).toEqual([
    { issued_on: '2021-05-20', status: 'replaced' },
    { issued_on: '2026-11-23', status: 'valid' },
  ])
  const approved = await call(t, approver, 'POST', `/api/v1/counter/dossiers/${d.id}/approve`)
  expect(approved.statusCode, approved.body).toBe(200)
  expect(approved.json().account.eidCard).toMatchObject({ validUntil: '2035-03-15' })
  expect((await call(t, counter, 'POST', `${card}/deliver`)).json()).toMatchObject({ state: 'delivered' })
})

test('the applicant is told by SMS when the card is ready to collect at the receiving unit and when it is handed over', async () => {
  const sms = await t.db
    .selectFrom('platform_outbox')
    .select(['template', 'body', 'recipient'])
    .where('template', 'like', 'enrolment.card_application.%')
    .orderBy('seq')
    .execute()
  const unit = await t.db
    .selectFrom('officers_unit')
    .select('name')
    .where('code', '=', 'CAX-001-BA-DINH')
    .executeTakeFirstOrThrow()
  expect(sms.map((m) => m.template)).toEqual([
    'enrolment.card_application.produced',
    'enrolment.card_application.delivered',
  ])
  expect(new Set(sms.map((m) => m.recipient))).toEqual(new Set([`+84${AN.phone.slice(1)}`]))
  // Collected where the application was filed, not at the central unit that produced the card; plain ASCII.
  expect(sms[0]?.body).toMatch(/^[\x20-\x7e]+$/)
  expect(sms[0]?.body).toContain(toSmsText(unit.name))
})

test("a refused card application is told to the e-ID account's phone, and to nobody when the applicant has no account", async () => {
  await givenAccount(t.db, { subjectId: CUONG.personalId, phone: '+84398004321', at: t.clock.now() })
  const refuse = async (personalId: string) => {
    const filed = await call(t, counter, 'POST', '/api/v1/counter/card-applications', {
      personalId,
      kind: 'renewal',
      reason: 'damaged',
    })
    expect(filed.statusCode, filed.body).toBe(201)
    const res = await call(
      t,
      approver,
      'POST',
      `/api/v1/counter/card-applications/${filed.json().id}/reject`,
      {
        reason: 'DOCUMENTS_INCOMPLETE',
      },
    )
    expect(res.json()).toMatchObject({ state: 'rejected' })
  }
  await refuse(CUONG.personalId)
  await refuse(BINH.personalId)
  const refused = await t.db
    .selectFrom('platform_outbox')
    .select(['recipient', 'body'])
    .where('template', '=', 'enrolment.card_application.rejected')
    .execute()
  expect(refused).toEqual([
    { recipient: '+84398004321', body: expect.stringContaining('DOCUMENTS_INCOMPLETE') },
  ])
})
