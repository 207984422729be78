import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestContext } from '../../test/harness.js'
import { AN, auditUnder, BAO, BINH, type Caller, givenFamily, loggedIn } from './dependents.test-support.js'
import { applyAutomaticLocks } from './lock.service.js'

const url = (act: 'lock' | 'unlock' | 'card') => `/api/v1/me/dependents/${BAO.personalId}/${act}`

let t: TestContext
let binh: Caller
beforeAll(async () => {
  t = await givenFamily({}, { [BINH]: 2, [AN]: 2 })
  binh = await loggedIn(t, BINH)
  expect((await binh('POST', '/api/v1/me/dependents', BAO)).statusCode).toBe(200)
}, 60_000)
afterAll(() => t.close())

const child = () =>
  t.db
    .selectFrom('accounts_account')
    .select(['id', 'status'])
    .where('subject_id', '=', BAO.personalId)
    .executeTakeFirstOrThrow()
const openLocks = async () =>
  t.db
    .selectFrom('accounts_lock')
    .select(['initiator', 'ground', 'form', 'locked_by'])
    .where('account_id', '=', (await child()).id)
    .where('unlocked_at', 'is', null)
    .orderBy('locked_at')
    .execute()
const setCardExpiry = (on: string) =>
  sql`UPDATE registry_card SET expires_on = ${on} WHERE personal_id = ${BAO.personalId} AND status = 'valid'`.execute(
    t.db,
  )

describe("a representative locks and unlocks the dependent's own account (form TK03)", () => {
  test('a lock changes state: without the session, or without its CSRF token, it is refused', async () => {
    expect((await t.app.inject({ method: 'POST', url: url('lock') })).statusCode).toBe(401)
    const forged = await binh('POST', url('lock'), undefined, { csrf: false })
    expect([forged.statusCode, forged.json().code]).toEqual([403, 'accounts.CSRF_INVALID'])
    expect((await child()).status).toBe('approved')
  })

  test("the mother locks her son's account at once: the holder side's lock, kept with who asked, recorded under both", async () => {
    const res = await binh('POST', url('lock'))
    expect(res.json()).toEqual({ status: 'locked' })
    expect((await child()).status).toBe('locked')
    expect(await openLocks()).toEqual([
      { initiator: 'self', ground: 'holder_request', form: 'TK03', locked_by: BINH },
    ])
    const underChild = await auditUnder(t, BAO.personalId, 'accounts.dependent.account.locked')
    expect(underChild).toEqual([
      expect.objectContaining({ actor: BINH, actor_kind: 'representative', purpose: 'representation' }),
    ])
    expect(await auditUnder(t, BINH, 'accounts.dependent.account.locked')).toHaveLength(1)
    // Locking again is the same lock, not a second act.
    expect((await binh('POST', url('lock'))).json()).toEqual({ status: 'locked' })
    expect(await openLocks()).toHaveLength(1)
  })

  test('a locked account cannot be activated, so nobody takes it over with stolen details', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/activation/start',
      payload: { personalId: BAO.personalId, phone: `+8491${BINH.slice(-7)}` },
    })
    const codes = await t.db
      .selectFrom('platform_outbox')
      .select('id')
      .where('template', '=', 'otp.activation')
      .execute()
    expect(codes).toEqual([])
  })

  test('unlocking opens the account again: a session without a recent step-up is asked for one first', async () => {
    t.clock.advance(6 * 60_000)
    const stale = await binh('POST', url('unlock'))
    expect([stale.statusCode, stale.json().code]).toEqual([403, 'accounts.STEP_UP_REQUIRED'])
    expect((await child()).status).toBe('locked')
    // A fresh login with the code sent to her phone is two factors: it vouches for the next minutes.
    binh = await loggedIn(t, BINH)
  })

  test('unlocking lifts her lock and the never-activated account is back to approved, recorded under both', async () => {
    const res = await binh('POST', url('unlock'))
    expect(res.json()).toEqual({ status: 'approved', remainingLocks: 0 })
    expect((await child()).status).toBe('approved')
    expect(await openLocks()).toEqual([])
    expect(await auditUnder(t, BAO.personalId, 'accounts.dependent.account.unlocked')).toHaveLength(1)
    expect(await auditUnder(t, BINH, 'accounts.dependent.account.unlocked')).toHaveLength(1)
    const again = await binh('POST', url('unlock'))
    expect([again.statusCode, again.json().code]).toEqual([409, 'accounts.NOT_LOCKED_BY_HOLDER'])
  })

  test('a representative cannot lift a system lock: an expired card keeps the account locked until it is renewed', async () => {
    await binh('POST', url('lock'))
    await setCardExpiry('2026-11-01')
    await applyAutomaticLocks(t.deps)
    const res = await binh('POST', url('unlock'))
    expect(res.json()).toEqual({ status: 'locked', remainingLocks: 1 })
    expect(await openLocks()).toEqual([
      expect.objectContaining({ initiator: 'system', ground: 'card_expired' }),
    ])
    const card = (await binh('GET', url('card'))).json()
    expect(card.locks).toEqual([expect.objectContaining({ initiator: 'system', byYou: false })])
    await setCardExpiry('2030-04-09')
    await applyAutomaticLocks(t.deps)
    expect((await child()).status).toBe('approved')
  })

  test('a representative cannot lift an authority lock', async () => {
    const { id } = await child()
    await t.db
      .insertInto('accounts_lock')
      .values({
        id: randomUUID(),
        account_id: id,
        ground: 'prosecution_request',
        initiator: 'authority',
        form: null,
        locked_at: t.clock.now(),
        locked_by: 'officer-c06-01',
        unlocked_at: null,
        unlocked_by: null,
      })
      .execute()
    await t.db.updateTable('accounts_account').set({ status: 'locked' }).where('id', '=', id).execute()
    const res = await binh('POST', url('unlock'))
    expect([res.statusCode, res.json().code]).toEqual([409, 'accounts.NOT_LOCKED_BY_HOLDER'])
    await binh('POST', url('lock'))
    expect((await binh('POST', url('unlock'))).json()).toEqual({ status: 'locked', remainingLocks: 1 })
    expect(await openLocks()).toEqual([expect.objectContaining({ initiator: 'authority' })])
  })

  test('someone not represented cannot lock or unlock the account, and nothing is recorded under them', async () => {
    const an = await loggedIn(t, AN)
    for (const act of ['lock', 'unlock'] as const) {
      const res = await an('POST', url(act))
      expect([res.statusCode, res.json().code]).toEqual([403, 'accounts.NOT_REPRESENTATIVE'])
    }
    expect(await auditUnder(t, AN, 'accounts.dependent.account.locked')).toEqual([])
  })
})
