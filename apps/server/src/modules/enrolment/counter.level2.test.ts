import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { givenAccount } from '../accounts/accounts.test-support.js'
import { officerSession } from '../officers/officers.test-support.js'
import {
  AN,
  BINH,
  CUONG,
  call,
  type Faces,
  fingers,
  givenRegistryWithBiometrics,
  givenSubmitted,
  type Headers,
} from './enrolment.test-support.js'

let t: TestContext
let faces: Faces
let counter: Headers
let counter2: Headers
let approver: Headers
let hcmApprover: Headers
let immigration: Headers

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  faces = await givenRegistryWithBiometrics(t, [AN.personalId, BINH.personalId, CUONG.personalId])
  counter = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  counter2 = (await officerSession(t, { roles: ['receiving_officer'] })).headers
  approver = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
  hcmApprover = (await officerSession(t, { roles: ['approver'], unitCode: 'PC06-079' })).headers
  immigration = (await officerSession(t, { roles: ['immigration_officer'] })).headers
}, 180_000)
afterAll(() => t.close())

const open = (h: Headers, body: Record<string, unknown>) =>
  call(t, h, 'POST', '/api/v1/counter/dossiers', body)
const step = (h: Headers, id: string, what: string, body: object = {}) =>
  call(t, h, 'POST', `/api/v1/counter/dossiers/${id}/${what}`, body)

describe('counter dossier (TK01): open, biometrics, confirmation', () => {
  test('an approver cannot receive a dossier, and an immigration office does not receive citizens', async () => {
    const byApprover = await open(approver, { personalId: AN.personalId, phone: AN.phone })
    expect(byApprover.json()).toMatchObject({ code: 'officers.PERMISSION_DENIED' })
    const atImmigration = await open(immigration, { personalId: AN.personalId, phone: AN.phone })
    expect(atImmigration.json()).toMatchObject({ code: 'enrolment.WRONG_UNIT' })
  })

  test('the CCCD QR opens the dossier; a phone in somebody else’s name is refused', async () => {
    const qr = `${AN.personalId}|025123456|Nguyễn Văn An|15031995|Nam|12 Lê Lợi, Quận 1|20052021`
    const foreignPhone = await open(counter, { qr, phone: BINH.phone })
    expect(foreignPhone.json()).toMatchObject({ code: 'enrolment.PHONE_NOT_OWN_NAME' })
    const res = await open(counter, { qr, phone: AN.phone, documents: ['driving_licence', 'tax_code'] })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      subjectId: AN.personalId,
      state: 'draft',
      receivingUnit: 'CAX-001-BA-DINH',
    })
    const again = await open(counter2, { personalId: AN.personalId, phone: AN.phone })
    expect(again.json()).toMatchObject({ code: 'enrolment.DOSSIER_OPEN' })
    expect((await step(counter, res.json().id, 'cancel')).json()).toMatchObject({ state: 'cancelled' })
    // Two counters at once: one dossier opens, the other is told one is in progress (never a 500).
    const both = await Promise.all([
      open(counter, { personalId: AN.personalId, phone: AN.phone }),
      open(counter2, { personalId: AN.personalId, phone: AN.phone }),
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409])
    const opened = both.find((r) => r.statusCode === 201)?.json().id as string
    expect((await step(counter, opened, 'cancel')).json()).toMatchObject({ state: 'cancelled' })
  })

  test('steps out of order are refused: no confirmation before the biometrics match', async () => {
    const { id } = (await open(counter, { personalId: CUONG.personalId, phone: CUONG.phone })).json()
    const early = await step(counter, id, 'confirm', { citizenSigned: true })
    expect(early.json()).toMatchObject({ code: 'enrolment.WRONG_STATE' })
    const approveDraft = await step(approver, id, 'approve')
    expect(approveDraft.json()).toMatchObject({ code: 'enrolment.ALREADY_DECIDED' })
    await step(counter, id, 'cancel')
  })

  test('a face that does not match keeps the dossier in draft; the officer captures again', async () => {
    const { id } = (await open(counter, { personalId: CUONG.personalId, phone: CUONG.phone })).json()
    const bad = await step(counter, id, 'biometrics', {
      portrait: faces.other,
      fingerprints: fingers(CUONG.personalId),
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json()).toMatchObject({ code: 'enrolment.FACE_MISMATCH' })
    expect((await call(t, counter, 'GET', `/api/v1/counter/dossiers/${id}`)).json()).toMatchObject({
      state: 'draft',
    })
    const othersFingers = await step(counter, id, 'biometrics', {
      portrait: faces.same,
      fingerprints: fingers(BINH.personalId),
    })
    expect(othersFingers.json()).toMatchObject({ code: 'enrolment.FINGERPRINT_MISMATCH' })
    const good = await step(counter, id, 'biometrics', {
      portrait: faces.same,
      fingerprints: fingers(CUONG.personalId),
    })
    expect(good.statusCode, good.body).toBe(200)
    expect(good.json()).toMatchObject({ state: 'awaiting_confirmation' })
    await step(counter, id, 'cancel')
  })

  test('the due date counts 3 working days over the National Day holiday (D69 Art 13(1)(b))', async () => {
    t.clock.set('2026-08-31T03:00:00Z')
    try {
      // Sessions of that day: the suite's own would idle out across the jump in time.
      const c = (await officerSession(t, { roles: ['receiving_officer'] })).headers
      const a = (await officerSession(t, { roles: ['approver'], unitCode: 'C06' })).headers
      const d = await givenSubmitted(
        t,
        c,
        faces,
        { personalId: CUONG.personalId, phone: CUONG.phone },
        CUONG.personalId,
      )
      // 1 and 2 September are days off (2 Sep is a Wednesday): Thu 3, Fri 4, Mon 7.
      expect(d).toMatchObject({ state: 'submitted', receivedOn: '2026-08-31', dueOn: '2026-09-07' })
      expect(await t.deps.policy.dossierDueDate('citizen_with_card_issuance', '2026-08-31')).toBe(
        '2026-09-11',
      )
      const reject = await step(a, d.id, 'reject', { reason: 'DOCUMENTS_INCOMPLETE' })
      expect(reject.json()).toMatchObject({ state: 'rejected', reason: 'DOCUMENTS_INCOMPLETE' })
    } finally {
      t.clock.set('2026-11-23T03:00:00Z')
    }
  })
})

describe('approval (four eyes)', () => {
  let dossierId: string

  test('the queue lists submitted dossiers of the jurisdiction, oldest due first, overdue flagged', async () => {
    t.clock.set('2026-11-16T03:00:00Z')
    const lastWeek = (await officerSession(t, { roles: ['receiving_officer'] })).headers
    const d = await givenSubmitted(
      t,
      lastWeek,
      faces,
      { personalId: BINH.personalId, phone: BINH.phone },
      BINH.personalId,
    )
    t.clock.set('2026-11-23T03:00:00Z')
    dossierId = d.id
    const queue = await call(t, approver, 'GET', '/api/v1/counter/queue?page=1&pageSize=10')
    expect(queue.statusCode, queue.body).toBe(200)
    expect(queue.json()).toMatchObject({
      total: 1,
      items: [{ id: d.id, overdue: true, dueOn: '2026-11-19' }],
    })
    const elsewhere = await call(t, hcmApprover, 'GET', '/api/v1/counter/queue')
    expect(elsewhere.json()).toMatchObject({ total: 0, items: [] })
  })

  test('the officer who received the dossier cannot decide it, nor an approver outside the jurisdiction', async () => {
    const receiverWithApproval = await step(counter, dossierId, 'approve')
    expect(receiverWithApproval.json()).toMatchObject({ code: 'officers.PERMISSION_DENIED' })
    const outside = await step(hcmApprover, dossierId, 'approve')
    expect(outside.json()).toMatchObject({ code: 'officers.OUTSIDE_JURISDICTION' })
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/counter/dossiers/${dossierId}/approve`,
      headers: { cookie: approver.cookie ?? '' },
    })
    expect(noCsrf.json()).toMatchObject({ code: 'officers.CSRF_INVALID' })
  })

  test('upgrading a level-1 account to level 2 keeps its password, issues the e-ID card and texts the citizen', async () => {
    const accountId = await givenAccount(t.db, {
      subjectId: BINH.personalId,
      password: 'MatKhau@2026',
      at: t.clock.now(),
    })
    const before = await t.db
      .selectFrom('accounts_account')
      .selectAll()
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow()
    const res = await step(approver, dossierId, 'approve')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      state: 'approved',
      accountId,
      account: { outcome: 'upgraded', status: 'active' },
    })
    const after = await t.db
      .selectFrom('accounts_account')
      .selectAll()
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow()
    expect(after).toMatchObject({ level: 2, password_hash: before.password_hash, status: 'active' })
    const card = await t.db
      .selectFrom('accounts_eid_card')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    expect(card).toMatchObject({ status: 'active', number: `CCDT-${BINH.personalId}-20261123` })
    const sms = await t.db
      .selectFrom('platform_outbox')
      .selectAll()
      .where('template', '=', 'enrolment.dossier.upgraded')
      .execute()
    expect(sms.map((s) => s.recipient)).toEqual(['+84390012345'])
    const read = await call(t, approver, 'GET', `/api/v1/counter/dossiers/${dossierId}`)
    expect(read.json().trail.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'enrolment.counter.opened',
        'enrolment.counter.submitted',
        'enrolment.dossier.approved',
      ]),
    )
  })

  test('two approvers at once end with one decision', async () => {
    const d = await givenSubmitted(
      t,
      counter,
      faces,
      { personalId: AN.personalId, phone: AN.phone },
      AN.personalId,
    )
    const other = (await officerSession(t, { roles: ['approver'], unitCode: 'PC06-001' })).headers
    const [a, b] = await Promise.all([
      step(approver, d.id, 'approve'),
      step(other, d.id, 'reject', { reason: 'OTHER' }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
    const loser = a.statusCode === 409 ? a : b
    expect(loser.json()).toMatchObject({ code: 'enrolment.ALREADY_DECIDED' })
    const accounts = await t.db
      .selectFrom('accounts_account')
      .selectAll()
      .where('subject_id', '=', AN.personalId)
      .execute()
    expect(accounts.length).toBe(a.statusCode === 200 ? 1 : 0)
    const decisions = await t.db
      .selectFrom('platform_audit_event')
      .select('action')
      .where('subject', '=', AN.personalId)
      .where('action', 'in', ['enrolment.dossier.approved', 'enrolment.dossier.rejected'])
      .execute()
    expect(decisions.length).toBe(1)
  })

  test('a locked account cannot be upgraded: the counter refuses the dossier at once', async () => {
    await givenAccount(t.db, { subjectId: CUONG.personalId, status: 'locked', at: t.clock.now() })
    const refused = await open(counter, { personalId: CUONG.personalId, phone: CUONG.phone })
    expect(refused.json()).toMatchObject({ code: 'enrolment.ACCOUNT_NOT_UPGRADABLE' })
  })

  test('the registration slip is a PDF with the dossier id and a Vietnamese font', async () => {
    const res = await call(t, counter, 'GET', `/api/v1/counter/dossiers/${dossierId}/slip.pdf`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('application/pdf')
    const pdf = await PDFDocument.load(res.rawPayload)
    expect(pdf.getSubject()).toBe(dossierId)
    expect(pdf.getTitle()).toContain('Phiếu tiếp nhận')
    expect(pdf.getPageCount()).toBe(1)
    const fonts = pdf.context
      .enumerateIndirectObjects()
      .map(([, o]) => (o instanceof PDFDict ? String(o.get(PDFName.of('BaseFont')) ?? '') : ''))
    expect(fonts.join(' ')).toContain('DejaVuSans')
  })
})
