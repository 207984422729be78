import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startTestApp, type TestContext } from '../../test/harness.js'
import { verifySecret } from '../authn/index.js'
import { demoForeigners, seedDemoRegistry } from '../registry/index.js'
import { AS_OF, NOW } from '../registry/registry.test-support.js'
import { givenAccount } from './accounts.test-support.js'

let t: TestContext
const KIM = demoForeigners[0]?.record
if (!KIM) throw new Error('the demo registry has no foreigner')
const KIM_PHONE = '+84912000111'
const AN = '079095001234'
const PHONE = '+84912345678'
const WHO = {
  personalId: AN,
  phone: '0912345678',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1995-03-15',
  cardIssuedOn: '2021-05-20',
}

beforeAll(async () => {
  t = await startTestApp()
  await seedDemoRegistry(t.handle, { asOf: AS_OF, now: NOW, population: 0 })
  await givenAccount(t.db, { subjectId: AN, phone: PHONE, password: 'Old@pass2020', at: NOW })
  await givenAccount(t.db, {
    subjectId: KIM.foreignerId,
    phone: KIM_PHONE,
    password: 'Old@pass2020',
    at: NOW,
  })
}, 60_000)
afterAll(() => t.close())

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload })
const codes = () =>
  t.db.selectFrom('platform_outbox').select('body').where('template', '=', 'otp.password_reset').execute()

describe('forgotten password', () => {
  test('a code goes out only when number, phone, name, birth date and card issue date all agree; the answer never tells', async () => {
    const wrong = [
      { ...WHO, fullName: 'Nguyễn Văn Ân Bình' },
      { ...WHO, dateOfBirth: '1995-03-16' },
      { ...WHO, cardIssuedOn: '2021-05-21' },
      { ...WHO, phone: '0987654321' },
      { ...WHO, personalId: '001190099999' },
    ]
    for (const body of wrong)
      expect((await post('/api/v1/accounts/recovery/start', body)).json()).toEqual({ sent: true })
    expect(await codes()).toHaveLength(0)
    expect((await post('/api/v1/accounts/recovery/start', WHO)).json()).toEqual({ sent: true })
    expect(await codes()).toHaveLength(1)
  })

  test('the code sets a new password that follows the rules; every session ends and the holder is told', async () => {
    const [sms] = await codes()
    const code = /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1] ?? ''
    const weak = await post('/api/v1/accounts/recovery/finish', {
      personalId: AN,
      phone: PHONE,
      code,
      newPassword: 'short',
    })
    expect(weak.json().code).toBe('accounts.CREDENTIALS_REJECTED')
    const ok = await post('/api/v1/accounts/recovery/finish', {
      personalId: AN,
      phone: PHONE,
      code,
      newPassword: 'New@pass2026',
    })
    expect(ok.statusCode, ok.body).toBe(200)
    const row = await t.db
      .selectFrom('accounts_account')
      .select('password_hash')
      .where('subject_id', '=', AN)
      .executeTakeFirstOrThrow()
    expect(await verifySecret(row.password_hash ?? '', 'New@pass2026')).toBe(true)
    const told = await t.db
      .selectFrom('platform_outbox')
      .select('recipient')
      .where('template', '=', 'accounts.password.reset')
      .execute()
    expect(told).toEqual([{ recipient: PHONE }])
  })

  test('the code works once, and a made-up number is refused like a wrong code', async () => {
    const [sms] = await codes()
    const code = /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1] ?? ''
    const replay = await post('/api/v1/accounts/recovery/finish', {
      personalId: AN,
      phone: PHONE,
      code,
      newPassword: 'Other@pass2026',
    })
    const unknown = await post('/api/v1/accounts/recovery/finish', {
      personalId: '001190099999',
      phone: PHONE,
      code,
      newPassword: 'Other@pass2026',
    })
    expect(replay.json().code).toBe('authn.OTP_INVALID')
    expect(unknown.json()).toEqual(replay.json())
  })
})

describe("a foreigner's forgotten password", () => {
  const kim = () => ({
    personalId: 'nn0000000001',
    phone: '0912000111',
    fullName: KIM.fullName,
    dateOfBirth: KIM.dateOfBirth,
    passportNumber: KIM.passport.number.toLowerCase(),
    nationality: 'kr',
  })
  const kimCodes = () =>
    t.db
      .selectFrom('platform_outbox')
      .select('body')
      .where('template', '=', 'otp.password_reset')
      .where('recipient', '=', KIM_PHONE)
      .execute()

  test('proves the identity with the passport and nationality of the immigration data, not a card issue date', async () => {
    const wrong = [
      { ...kim(), passportNumber: 'M99999999' },
      { ...kim(), nationality: 'JP' },
      { ...kim(), dateOfBirth: '1985-07-08' },
      { ...kim(), passportNumber: undefined, nationality: undefined, cardIssuedOn: '2022-01-10' },
    ]
    for (const body of wrong)
      expect((await post('/api/v1/accounts/recovery/start', body)).json()).toEqual({ sent: true })
    expect(await kimCodes()).toHaveLength(0)
    expect((await post('/api/v1/accounts/recovery/start', kim())).json()).toEqual({ sent: true })
    expect(await kimCodes()).toHaveLength(1)
  })

  test('the code sets the new password under the NN number, typed in any case', async () => {
    const [sms] = await kimCodes()
    const code = /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1] ?? ''
    const ok = await post('/api/v1/accounts/recovery/finish', {
      personalId: 'nn0000000001',
      phone: KIM_PHONE,
      code,
      newPassword: 'Seoul@Hanoi2026',
    })
    expect(ok.statusCode, ok.body).toBe(200)
    const row = await t.db
      .selectFrom('accounts_account')
      .select('password_hash')
      .where('subject_id', '=', KIM.foreignerId)
      .executeTakeFirstOrThrow()
    expect(await verifySecret(row.password_hash ?? '', 'Seoul@Hanoi2026')).toBe(true)
  })

  test('a start with neither a card issue date nor a passport is refused as malformed', async () => {
    const res = await post('/api/v1/accounts/recovery/start', { ...kim(), passportNumber: undefined })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('platform.VALIDATION')
  })
})
