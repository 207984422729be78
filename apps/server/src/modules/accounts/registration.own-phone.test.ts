import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { cropFace, PORTRAIT } from '../biometrics/face/face.samples.js'
import { enrolFace } from '../biometrics/index.js'
import { seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { createSandboxPhoneOwnership } from '../telecom/index.js'
import { processDossier, processWaitingDossiers } from './dossier.processor.js'

let t: TestContext
let selfie: Buffer
// Trần Thị Bình; 0912 345 678 is in her own name at the sandbox carrier, 0911 111 111 in her husband's.
const BINH = { personalId: '001190012345', fullName: 'Trần Thị Bình', dateOfBirth: '1990-08-02' }
const carrier = () => createSandboxPhoneOwnership(t.db)
const system = { id: 'test', kind: 'system' as const, purpose: 'test' }

beforeAll(async () => {
  t = await startTestApp({ FACE_THREADS: '1' })
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  const portrait = await cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin)
  await enrolFace(t.deps, system, { subjectId: BINH.personalId, image: portrait, source: 'registry' })
  selfie = await sharp(portrait).resize(320).jpeg({ quality: 85 }).toBuffer()
}, 120_000)
afterAll(() => t.close())

const submit = async (phone: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/accounts/registrations',
    payload: { ...BINH, phone, selfie: selfie.toString('base64') },
  })
  expect(res.statusCode, res.body).toBe(202)
  return res.json().dossierId as string
}
const dossier = (id: string) =>
  t.db.selectFrom('accounts_dossier').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const ownershipEvents = () =>
  t.db
    .selectFrom('platform_audit_event')
    .select(['subject', 'subject_kind', 'data'])
    .where('action', '=', 'accounts.phone.ownership_checked')
    .orderBy('seq')
    .execute()

describe('the phone must be a subscription in the applicant’s own name (D69 Art 10)', () => {
  test("a number in someone else's name is rejected with PHONE_NOT_OWN_NAME, before the face check", async () => {
    const id = await submit('0911 111 111')
    expect(await processDossier(t.deps, id)).toEqual({ state: 'rejected', reason: 'PHONE_NOT_OWN_NAME' })
    expect(await dossier(id)).toMatchObject({ verification_id: null, selfie_enc: null })
    const sms = await t.db
      .selectFrom('platform_outbox')
      .select('body')
      .where('template', '=', 'accounts.dossier.rejected')
      .executeTakeFirstOrThrow()
    expect(sms.body).toContain('PHONE_NOT_OWN_NAME')
    expect(sms.body).not.toMatch(/Cường|001088004321/)
  })

  test('a number no carrier has is rejected the same way', async () => {
    expect(await processDossier(t.deps, await submit('0999 999 999'))).toEqual({
      state: 'rejected',
      reason: 'PHONE_NOT_OWN_NAME',
    })
  })

  test('each check is in the audit log under the applicant, with the number masked', async () => {
    const events = await ownershipEvents()
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ phone: '+84 91*****11', result: 'not_own_name', source: 'sandbox' }),
      expect.objectContaining({ phone: '+84 99*****99', result: 'unknown_subscriber', source: 'sandbox' }),
    ])
    expect(events.every((e) => e.subject === BINH.personalId && e.subject_kind === 'citizen')).toBe(true)
    expect(JSON.stringify(events)).not.toMatch(/911111111|999999999/)
  })

  test('while the carrier is unavailable the dossier stays queued, and is decided once it answers', async () => {
    const sandbox = carrier()
    t.deps.phoneOwnership = sandbox
    sandbox.simulate({ outage: true })
    const id = await submit('0912 345 678')
    await expect(processDossier(t.deps, id)).rejects.toMatchObject({ code: 'accounts.CARRIER_UNAVAILABLE' })
    expect(await dossier(id)).toMatchObject({ state: 'submitted', reason: null })
    // The worker's round leaves it queued too, and sends nothing.
    expect(await processWaitingDossiers(t.deps)).toBe(0)
    expect(await dossier(id)).toMatchObject({ state: 'submitted' })
    const told = await t.db
      .selectFrom('platform_outbox')
      .select('id')
      .where('template', 'like', 'accounts.dossier.%')
      .execute()
    expect(told).toHaveLength(2)
    sandbox.simulate({})
    expect(await processWaitingDossiers(t.deps)).toBe(1)
    expect(await dossier(id)).toMatchObject({ state: 'approved', reason: null })
    expect((await ownershipEvents()).at(-1)?.data).toMatchObject({ result: 'own_name' })
  })
})
