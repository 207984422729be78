import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { AN, BAO, BINH, CUONG, givenFamily, loggedIn } from './dependents.test-support.js'

describe('representatives and dependents under Decree 69/2024', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await givenFamily({}, { [BINH]: 2, [CUONG]: 1, [AN]: 2 })
  }, 60_000)
  afterAll(() => t.close())

  test('a level-1 parent cannot register a child: a level-2 representative does (D69 Art 7, 10)', async () => {
    const res = await (await loggedIn(t, CUONG))('POST', '/api/v1/me/dependents', BAO)
    expect(res.json()).toMatchObject({
      code: 'accounts.DEPENDENT_REFUSED',
      details: { reasons: ['representative_not_level_2'] },
    })
  })

  test("a level-2 mother registers her 10-year-old: a level-1 account of the child's own, with her phone", async () => {
    const binh = await loggedIn(t, BINH)
    const res = await binh('POST', '/api/v1/me/dependents', BAO)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      kind: 'own_account',
      account: { level: 1, status: 'approved' },
      takeoverAge: 14,
    })
    const child = await t.db
      .selectFrom('accounts_account')
      .selectAll()
      .where('subject_id', '=', BAO.personalId)
      .executeTakeFirstOrThrow()
    expect(child).toMatchObject({ created_via: 'representative', phone: `+8491${BINH.slice(-7)}` })
    expect((await binh('GET', '/api/v1/me/dependents')).json()).toEqual([
      expect.objectContaining({ personalId: BAO.personalId, relation: 'parent', regime: 'decree-69-2024' }),
    ])
  })

  test("reading the child's history is an act for the child, recorded under both", async () => {
    const binh = await loggedIn(t, BINH)
    expect((await binh('GET', `/api/v1/me/dependents/${BAO.personalId}/history`)).statusCode).toBe(200)
    const underChild = await t.db
      .selectFrom('platform_audit_event')
      .select(['action', 'actor'])
      .where('subject', '=', BAO.personalId)
      .where('action', '=', 'accounts.dependent.history.read')
      .execute()
    const underMother = await t.db
      .selectFrom('platform_audit_event')
      .select('action')
      .where('subject', '=', BINH)
      .where('action', '=', 'accounts.dependent.history.read')
      .execute()
    expect(underChild).toEqual([{ action: 'accounts.dependent.history.read', actor: BINH }])
    expect(underMother).toHaveLength(1)
  })

  test('the child takes the account over at 14 with their own phone, not before; the mother is told', async () => {
    const start = (phone: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts/activation/start',
        payload: {
          personalId: BAO.personalId,
          phone,
          fullName: BAO.fullName,
          dateOfBirth: BAO.dateOfBirth,
          cardIssuedOn: '2025-01-15',
        },
      })
    const codes = () =>
      t.db
        .selectFrom('platform_outbox')
        .select('body')
        .where('recipient', '=', '+84987000111')
        .where('template', '=', 'otp.activation')
        .execute()
    expect((await start('0987000111')).json()).toEqual({ sent: true })
    expect(await codes()).toEqual([])
    t.clock.set('2030-04-10T03:00:00Z')
    await start('0987000111')
    const [sms] = await codes()
    const code = /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1]
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/activation/finish',
      payload: {
        personalId: BAO.personalId,
        phone: '0987000111',
        code,
        password: 'Bao@2030pass',
        passcode: '385926',
        securityQuestions: [
          { questionId: 'first_pet', answer: 'Mun' },
          { questionId: 'favourite_dish', answer: 'Phở' },
        ],
      },
    })
    expect(done.json()).toMatchObject({ username: BAO.personalId, status: 'active' })
    const child = await t.db
      .selectFrom('accounts_account')
      .select('phone')
      .where('subject_id', '=', BAO.personalId)
      .executeTakeFirstOrThrow()
    expect(child.phone).toBe('+84987000111')
    const rep = await t.db
      .selectFrom('accounts_representation')
      .select(['ended_reason'])
      .where('dependent_subject_id', '=', BAO.personalId)
      .execute()
    expect(rep).toEqual([{ ended_reason: 'takeover' }])
    const told = await t.db
      .selectFrom('platform_outbox')
      .select('recipient')
      .where('template', '=', 'accounts.dependent.takeover')
      .execute()
    expect(told).toEqual([{ recipient: `+8491${BINH.slice(-7)}` }])
  })

  test('someone the registry does not record as parent or guardian cannot register the child, nor read their history', async () => {
    const an = await loggedIn(t, AN)
    expect((await an('POST', '/api/v1/me/dependents', BAO)).json().code).toBe('accounts.NOT_REPRESENTATIVE')
    expect((await an('GET', `/api/v1/me/dependents/${BAO.personalId}/history`)).json().code).toBe(
      'accounts.NOT_REPRESENTATIVE',
    )
  })
})

describe('representatives and dependents under Decree 59/2022', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await givenFamily({ POLICY_PROFILE: 'decree-59-2022' }, { [CUONG]: 1 })
  }, 60_000)
  afterAll(() => t.close())

  test('a child under 14 is recorded under the parent’s account, with no account of their own (D59 Art 11)', async () => {
    const res = await (await loggedIn(t, CUONG))('POST', '/api/v1/me/dependents', BAO)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ kind: 'under_representative_account', account: null })
    expect(
      await t.db
        .selectFrom('accounts_account')
        .select('id')
        .where('subject_id', '=', BAO.personalId)
        .execute(),
    ).toEqual([])
  })
})
