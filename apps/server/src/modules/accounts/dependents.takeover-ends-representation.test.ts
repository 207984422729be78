import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { lastSmsCode } from './accounts.test-support.js'
import {
  BAO,
  BINH,
  type Caller,
  CUONG,
  DUNG,
  givenFamily,
  loggedIn,
  takeOverBao,
} from './dependents.test-support.js'

// Bảo turns 14 on 9 April 2030 (Vietnam time): from that day he acts for himself.
const DAY_BEFORE_14 = '2030-04-08T10:00:00Z'
const FOURTEENTH_BIRTHDAY = '2030-04-08T17:00:00Z'

/** Every act a representative has for a dependent, as [method, path]. */
const acts = (personalId: string) =>
  [
    ['GET', `/api/v1/me/dependents/${personalId}/card`],
    ['GET', `/api/v1/me/dependents/${personalId}/history`],
    ['POST', `/api/v1/me/dependents/${personalId}/lock`],
    ['POST', `/api/v1/me/dependents/${personalId}/unlock`],
  ] as const

const expectAllRefused = async (who: Caller, personalId: string, reason: string) => {
  for (const [method, path] of acts(personalId)) {
    const res = await who(method, path)
    expect([res.statusCode, res.json().code, res.json().details?.reason], path).toEqual([
      403,
      'accounts.REPRESENTATION_ENDED',
      reason,
    ])
  }
}

describe('the representation ends at the takeover age and at the takeover (Decree 69/2024)', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await givenFamily({}, { [BINH]: 2 })
    expect((await (await loggedIn(t, BINH))('POST', '/api/v1/me/dependents', BAO)).statusCode).toBe(200)
  }, 60_000)
  afterAll(() => t.close())

  test('the day before he turns 14 his mother still acts for him', async () => {
    t.clock.set(DAY_BEFORE_14)
    const binh = await loggedIn(t, BINH)
    expect((await binh('GET', acts(BAO.personalId)[0][1])).statusCode).toBe(200)
    expect((await binh('GET', '/api/v1/me/dependents')).json()).toEqual([
      expect.objectContaining({ takeoverOn: '2030-04-09', acting: true }),
    ])
  })

  test('from his 14th birthday every act is refused, even before he takes the account over', async () => {
    t.clock.set(FOURTEENTH_BIRTHDAY)
    const binh = await loggedIn(t, BINH)
    await expectAllRefused(binh, BAO.personalId, 'takeover_age')
    expect((await binh('GET', '/api/v1/me/dependents')).json()).toEqual([
      expect.objectContaining({ personalId: BAO.personalId, acting: false }),
    ])
  })

  test('after he takes the account over with his own phone, every act is still refused', async () => {
    t.clock.advance(86_400_000)
    const done = await takeOverBao(t, 'Bao@2030pass')
    expect(done.json()).toMatchObject({ status: 'active' })
    const binh = await loggedIn(t, BINH)
    await expectAllRefused(binh, BAO.personalId, 'takeover')
    expect((await binh('GET', '/api/v1/me/dependents')).json()).toEqual([])
  })
})

describe('a ward is represented whatever their age: guardianship ends by decision, not at 14', () => {
  let t: TestContext
  let binh: Caller
  const WARD = { personalId: DUNG, fullName: 'Phạm Thị Dung', dateOfBirth: '1955' }
  beforeAll(async () => {
    t = await givenFamily({}, { [BINH]: 2 })
    // The registry records Bình as the guardian of Dung (an adult under guardianship).
    await t.db
      .insertInto('registry_relative')
      .values({ personal_id: BINH, relation: 'ward', relative_id: DUNG })
      .execute()
    binh = await loggedIn(t, BINH)
  }, 60_000)
  afterAll(() => t.close())

  test('the guardian registers, views, locks and unlocks for a 71-year-old ward', async () => {
    const registered = await binh('POST', '/api/v1/me/dependents', WARD)
    expect(registered.json()).toMatchObject({ kind: 'own_account', takeoverAge: null })
    const card = (await binh('GET', `/api/v1/me/dependents/${DUNG}/card`)).json()
    expect(card).toMatchObject({ relation: 'guardian', takeoverOn: null })
    expect((await binh('POST', `/api/v1/me/dependents/${DUNG}/lock`)).json()).toEqual({ status: 'locked' })
    expect((await binh('POST', `/api/v1/me/dependents/${DUNG}/unlock`)).json()).toMatchObject({
      status: 'approved',
    })
  })

  test('the ward does not take the account over by age, as a child does', async () => {
    const start = (phone: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/accounts/activation/start',
        payload: {
          personalId: DUNG,
          phone,
          fullName: WARD.fullName,
          dateOfBirth: WARD.dateOfBirth,
          cardIssuedOn: '2021-04-12',
        },
      })
    await start('0987000222')
    expect(await lastSmsCode(t.db, 'otp.activation', '+84987000222')).toBe('')
    // The same person recorded as a child would: only the guardianship stops it.
    await t.db
      .updateTable('accounts_representation')
      .set({ relation: 'parent' })
      .where('dependent_subject_id', '=', DUNG)
      .execute()
    await start('0987000333')
    expect(await lastSmsCode(t.db, 'otp.activation', '+84987000333')).toMatch(/^\d{6}$/)
  })

  test('a guardianship the registry no longer records ends the acts', async () => {
    await t.db
      .updateTable('accounts_representation')
      .set({ relation: 'guardian' })
      .where('dependent_subject_id', '=', DUNG)
      .execute()
    await t.db
      .deleteFrom('registry_relative')
      .where('personal_id', '=', BINH)
      .where('relative_id', '=', DUNG)
      .execute()
    const res = await binh('GET', `/api/v1/me/dependents/${DUNG}/card`)
    expect([res.statusCode, res.json().code]).toEqual([403, 'accounts.NOT_REPRESENTATIVE'])
  })
})

describe('the representation ends at the takeover age under Decree 59/2022 too', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await givenFamily({ POLICY_PROFILE: 'decree-59-2022' }, { [CUONG]: 1 })
    expect((await (await loggedIn(t, CUONG))('POST', '/api/v1/me/dependents', BAO)).statusCode).toBe(200)
  }, 60_000)
  afterAll(() => t.close())

  test('a child recorded under the father’s account acts for himself from 14: every act is refused', async () => {
    t.clock.set(FOURTEENTH_BIRTHDAY)
    await expectAllRefused(await loggedIn(t, CUONG), BAO.personalId, 'takeover_age')
  })
})
