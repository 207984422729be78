import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { givenPortrait } from '../biometrics/biometrics.test-support.js'
import {
  AN,
  auditUnder,
  BAO,
  BINH,
  type Caller,
  CUONG,
  givenFamily,
  loggedIn,
} from './dependents.test-support.js'

const card = `/api/v1/me/dependents/${BAO.personalId}/card`
// Any bytes stand for the portrait: the card hands back what was sealed, unchanged.
const PORTRAIT = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

describe("a representative views the dependent's electronic identity (Decree 69/2024)", () => {
  let t: TestContext
  let binh: Caller
  beforeAll(async () => {
    t = await givenFamily({}, { [BINH]: 2, [CUONG]: 2, [AN]: 2 })
    binh = await loggedIn(t, BINH)
    expect((await binh('POST', '/api/v1/me/dependents', BAO)).statusCode).toBe(200)
  }, 60_000)
  afterAll(() => t.close())

  test("the card shows the child's identity and account, without a photo while the registry has no portrait", async () => {
    const res = await binh('GET', card)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.json()).toMatchObject({
      personalId: BAO.personalId,
      fullName: BAO.fullName,
      dateOfBirth: BAO.dateOfBirth,
      relation: 'parent',
      regime: 'decree-69-2024',
      account: { level: 1, status: 'approved' },
      locks: [],
      takeoverOn: '2030-04-09',
      photo: null,
    })
  })

  test('the portrait on record comes with the card', async () => {
    await givenPortrait(t, BAO.personalId, PORTRAIT, 'image/png')
    const res = await binh('GET', card)
    expect(res.json().photo).toBe(`data:image/png;base64,${PORTRAIT.toString('base64')}`)
  })

  test("viewing the card is an act for the child, recorded under both, with the mother as actor in the child's history", async () => {
    const underChild = await auditUnder(t, BAO.personalId, 'accounts.dependent.card.read')
    const underMother = await auditUnder(t, BINH, 'accounts.dependent.card.read')
    expect(underChild).toHaveLength(2)
    expect(underMother).toHaveLength(2)
    expect(underChild[1]).toMatchObject({
      actor: BINH,
      actor_kind: 'representative',
      purpose: 'representation',
      data: { role: 'dependent', portrait: true },
    })
    const history = (await binh('GET', `/api/v1/me/dependents/${BAO.personalId}/history`)).json()
    expect(history).toContainEqual(
      expect.objectContaining({
        action: 'accounts.dependent.card.read',
        actor: BINH,
        actorKind: 'representative',
      }),
    )
    const own = (await binh('GET', '/api/v1/me/history')).json()
    expect(own.events.map((e: { action: string }) => e.action)).toContain('accounts.dependent.card.read')
  })

  test('nobody else can view the card: not a stranger, nor the other parent who did not file the representation', async () => {
    for (const who of [AN, CUONG]) {
      const res = await (await loggedIn(t, who))('GET', card)
      expect([res.statusCode, res.json().code]).toEqual([403, 'accounts.NOT_REPRESENTATIVE'])
    }
    expect(await auditUnder(t, AN, 'accounts.dependent.card.read')).toEqual([])
  })

  test('without a session there is no card', async () => {
    const res = await t.app.inject({ method: 'GET', url: card })
    expect(res.statusCode).toBe(401)
  })
})

describe('a representative acts for a child recorded under their account (Decree 59/2022)', () => {
  let t: TestContext
  let cuong: Caller
  beforeAll(async () => {
    t = await givenFamily({ POLICY_PROFILE: 'decree-59-2022' }, { [CUONG]: 1 })
    cuong = await loggedIn(t, CUONG)
    expect((await cuong('POST', '/api/v1/me/dependents', BAO)).statusCode).toBe(200)
  }, 60_000)
  afterAll(() => t.close())

  test('the card shows the child with no account of their own, and the view is recorded under both', async () => {
    const res = await cuong('GET', card)
    expect(res.json()).toMatchObject({ regime: 'decree-59-2022', account: null, locks: [] })
    expect(await auditUnder(t, BAO.personalId, 'accounts.dependent.card.read')).toHaveLength(1)
    expect(await auditUnder(t, CUONG, 'accounts.dependent.card.read')).toHaveLength(1)
  })

  test('there is no account of the child to lock or unlock', async () => {
    for (const act of ['lock', 'unlock']) {
      const res = await cuong('POST', `/api/v1/me/dependents/${BAO.personalId}/${act}`)
      expect([res.statusCode, res.json().code]).toEqual([409, 'accounts.DEPENDENT_HAS_NO_ACCOUNT'])
    }
  })
})
