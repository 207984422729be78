import { describe, expect, test } from 'vitest'
import { lockCases } from './policy.lock-cases.js'
import {
  automaticLockAction,
  automaticLockGrounds,
  type CitizenLockFacts,
  type ForeignerLockFacts,
} from './policy.locks.js'

const D69 = 'decree-69-2024'
const D59 = 'decree-59-2022'
const TODAY = '2026-06-15'

const citizen = (extra: Partial<CitizenLockFacts> = {}): CitizenLockFacts => ({
  kind: 'citizen',
  alive: true,
  cardStatus: 'valid',
  cardExpiresOn: '2031-01-01',
  idNumberCancelled: false,
  ...extra,
})
const foreigner = (extra: Partial<ForeignerLockFacts> = {}): ForeignerLockFacts => ({
  kind: 'foreigner',
  alive: true,
  passportExpiresOn: '2030-01-01',
  residenceCardExpiresOn: '2028-01-01',
  ...extra,
})
const grounds = (...args: Parameters<typeof automaticLockGrounds>) =>
  automaticLockGrounds(...args).map((g) => g.ground)

describe('automatic locks of citizen accounts', () => {
  test('a holder in good standing has no ground to lock', () => {
    expect(automaticLockGrounds(D69, citizen(), TODAY)).toEqual([])
    expect(automaticLockGrounds(D69, citizen({ cardExpiresOn: null }), TODAY)).toEqual([])
  })

  test('the account is locked the day after the card’s printed expiry, not on it (D69 Art 15)', () => {
    expect(grounds(D69, citizen({ cardExpiresOn: TODAY }), TODAY)).toEqual([])
    expect(grounds(D69, citizen({ cardExpiresOn: '2026-06-14' }), TODAY)).toEqual(['card_expired'])
    expect(grounds(D69, citizen({ cardStatus: 'expired' }), TODAY)).toEqual(['card_expired'])
  })

  test('under Decree 59 an expired card is not a lock ground (D59 Art 19(1)(a))', () => {
    expect(grounds(D59, citizen({ cardExpiresOn: '2026-06-14' }), TODAY)).toEqual([])
  })

  test('a revoked or seized card, a terms breach and a locked e-ID card lock the account (LID Art 34(1); D69 Art 15)', () => {
    expect(grounds(D69, citizen({ cardStatus: 'revoked' }), TODAY)).toEqual(['card_revoked'])
    expect(grounds(D69, citizen({ cardStatus: 'seized' }), TODAY)).toEqual(['card_revoked'])
    expect(grounds(D69, citizen({ termsBreached: true }), TODAY)).toEqual(['terms_breached'])
    expect(grounds(D69, citizen({ eIdCardLocked: true }), TODAY)).toEqual(['e_id_card_locked'])
    expect(grounds(D59, citizen({ eIdCardLocked: true }), TODAY)).toEqual([]) // no e-ID card before the 2023 Law
    expect(grounds(D59, citizen({ cardStatus: 'revoked' }), TODAY)).toEqual(['card_revoked'])
  })

  test('death and a cancelled ID number close the account under both regimes', () => {
    for (const profile of [D69, D59] as const) {
      expect(automaticLockGrounds(profile, citizen({ alive: false }), TODAY)).toMatchObject([
        { ground: 'deceased', effect: 'close' },
      ])
      expect(automaticLockGrounds(profile, citizen({ idNumberCancelled: true }), TODAY)).toMatchObject([
        { ground: 'id_number_cancelled', effect: 'close' },
      ])
    }
  })

  test('every ground that holds is listed, each with its source', () => {
    const all = automaticLockGrounds(
      D69,
      citizen({ alive: false, cardStatus: 'revoked', cardExpiresOn: '2020-01-01' }),
      TODAY,
    )
    expect(all.map((g) => g.ground)).toEqual(['deceased', 'card_revoked', 'card_expired'])
    for (const g of all) expect(g.source).toMatch(/\w/)
  })
})

describe('automatic locks of foreigner accounts (D69 Art 15)', () => {
  test('an expired passport or residence card locks the account', () => {
    expect(grounds(D69, foreigner({ passportExpiresOn: '2026-06-14' }), TODAY)).toEqual(['passport_expired'])
    expect(grounds(D69, foreigner({ residenceCardExpiresOn: '2026-06-14' }), TODAY)).toEqual([
      'residence_permit_expired',
    ])
    expect(grounds(D69, foreigner({ residenceCardExpiresOn: TODAY }), TODAY)).toEqual([])
  })

  test('death closes a foreigner account; citizen-card grounds never apply', () => {
    expect(grounds(D69, foreigner({ alive: false }), TODAY)).toEqual(['deceased'])
  })

  test('an instant is read as the date in Vietnam', () => {
    const f = foreigner({ passportExpiresOn: '2026-06-14' })
    expect(grounds(D69, f, new Date('2026-06-14T16:59:00Z'))).toEqual([])
    expect(grounds(D69, f, new Date('2026-06-14T17:00:00Z'))).toEqual(['passport_expired'])
  })
})

describe('what the lock job does', () => {
  const expired = automaticLockGrounds(D69, citizen({ cardExpiresOn: '2020-01-01' }), TODAY)
  const dead = automaticLockGrounds(D69, citizen({ alive: false }), TODAY)

  test('a ground locks an active account; the lock is lifted by itself once no ground is left (D69 Art 30)', () => {
    expect(automaticLockAction(expired, 'active')).toBe('lock')
    expect(automaticLockAction(expired, 'locked_automatically')).toBe('none')
    expect(automaticLockAction([], 'locked_automatically')).toBe('unlock')
  })

  test('a lock the holder or an authority asked for is never lifted by the job', () => {
    expect(automaticLockAction([], 'locked_otherwise')).toBe('none')
  })

  test('death closes the account, whatever its state; a closed account stays closed', () => {
    expect(automaticLockAction(dead, 'active')).toBe('close')
    expect(automaticLockAction(dead, 'locked_otherwise')).toBe('close')
    expect(automaticLockAction([], 'closed')).toBe('none')
  })
})

describe('lock cases with their sources', () => {
  test('a holder’s own lock is processed immediately under both regimes (D69 Art 29-30; D59 Art 19)', () => {
    for (const profile of [D69, D59] as const) {
      expect(lockCases(profile).find((c) => c.id === 'holder_request')).toMatchObject({
        initiator: 'holder',
        processing: 'immediate',
      })
    }
  })

  test('an authority’s request is forwarded in 1 working day and decided in 2 under Decree 69', () => {
    expect(lockCases(D69).find((c) => c.id === 'authority_request')).toMatchObject({
      processing: 'decision',
      forwardWorkingDays: 1,
      decideWorkingDays: 2,
    })
  })

  test('under Decree 59 a relying party may also ask, and a refusal is written with reasons (D34 Art 10; D59 Art 19)', () => {
    expect(lockCases(D59).find((c) => c.id === 'relying_party_request')).toMatchObject({
      decideWorkingDays: 2,
      writtenRefusal: true,
    })
    expect(lockCases(D69).some((c) => c.id === 'relying_party_request')).toBe(false)
  })

  test('every automatic ground the job can return is listed as a lock case', () => {
    for (const profile of [D69, D59] as const) {
      const ids = lockCases(profile).map((c) => c.id)
      const facts = citizen({
        alive: false,
        cardStatus: 'revoked',
        cardExpiresOn: '2020-01-01',
        idNumberCancelled: true,
        termsBreached: true,
        eIdCardLocked: true,
      })
      for (const g of automaticLockGrounds(profile, facts, TODAY)) expect(ids).toContain(g.ground)
      const f = foreigner({
        alive: false,
        passportExpiresOn: '2020-01-01',
        residenceCardExpiresOn: '2020-01-01',
      })
      for (const g of automaticLockGrounds(profile, f, TODAY)) expect(ids).toContain(g.ground)
    }
  })
})
