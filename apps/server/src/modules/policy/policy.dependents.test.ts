import { describe, expect, test } from 'vitest'
import {
  type Dependent,
  dependentRegistration,
  type Representative,
  takeoverAge,
  takeoverDate,
} from './policy.dependents.js'

const parent: Representative = { level: 2, age: 38, ownPhone: true }
const child = (age: number, extra: Partial<Dependent> = {}): Dependent => ({
  age,
  hasCard: true,
  isWard: false,
  ...extra,
})

describe('registering a dependent under Decree 69', () => {
  const d69 = (rep: Representative, dep: Dependent) => dependentRegistration('decree-69-2024', rep, dep)

  test('a level-2 parent files a level-1 account of the child’s own for a child of 6 to 14 with an ID card, on the parent’s phone (D69 Art 10)', () => {
    expect(d69(parent, child(9))).toEqual({
      kind: 'own_account',
      level: 1,
      onRequest: false,
      registeredBy: 'representative',
      channel: 'app',
      phone: 'representative_own',
      level2: 'on_request_at_counter',
      takeoverAge: 14,
      source: 'D69 Art 7(1), 10',
    })
  })

  test('a child under 6 gets the account only on request and cannot have level 2 (D69 Art 7(1))', () => {
    expect(d69(parent, child(3))).toMatchObject({
      kind: 'own_account',
      onRequest: true,
      level2: 'not_available',
    })
  })

  test('a ward of any age gets an own account through the guardian, with no takeover age', () => {
    expect(d69(parent, child(40, { isWard: true }))).toMatchObject({ kind: 'own_account', takeoverAge: null })
  })

  test('a representative with only a level-1 account, or none, cannot register a dependent (D69 Art 10)', () => {
    expect(d69({ ...parent, level: 1 }, child(9))).toMatchObject({
      kind: 'refused',
      reasons: ['representative_not_level_2'],
    })
    expect(d69({ ...parent, level: null }, child(9))).toMatchObject({
      reasons: ['representative_has_no_account'],
    })
  })

  test('the representative must use a phone number in their own name (D69 Art 10)', () => {
    expect(d69({ ...parent, ownPhone: false }, child(9))).toMatchObject({
      reasons: ['representative_phone_not_own'],
    })
  })

  test('a child without an ID card cannot get an account yet (D69 Art 7(1))', () => {
    expect(d69(parent, child(9, { hasCard: false }))).toMatchObject({ reasons: ['dependent_has_no_card'] })
  })

  test('a representative under 18 is refused, and every failed rule is reported at once', () => {
    expect(d69({ level: 1, age: 17, ownPhone: false }, child(2, { hasCard: false }))).toEqual({
      kind: 'refused',
      reasons: [
        'representative_not_level_2',
        'representative_is_minor',
        'representative_phone_not_own',
        'dependent_has_no_card',
      ],
      source: 'D69 Art 7(1), 10',
    })
  })

  test('a 14-year-old is not a dependent: they register themself', () => {
    expect(d69(parent, child(14))).toEqual({ kind: 'self_registration', source: 'D69 Art 7(1)' })
  })
})

describe('registering a dependent under Decree 59', () => {
  const d59 = (rep: Representative, dep: Dependent) => dependentRegistration('decree-59-2022', rep, dep)

  test('a child under 14 is recorded under the parent’s account, with no account of their own (D34 Art 6; D59 Art 11)', () => {
    expect(d59(parent, child(9, { hasCard: false }))).toEqual({
      kind: 'under_representative_account',
      takeoverAge: 14,
      source: 'D59 Art 11; D34 Art 6',
    })
  })

  test('a ward stays under the guardian’s account whatever the age', () => {
    expect(d59(parent, child(30, { isWard: true }))).toMatchObject({
      kind: 'under_representative_account',
      takeoverAge: null,
    })
  })

  test('the parent needs an account of their own; its level is not prescribed', () => {
    expect(d59({ ...parent, level: 1 }, child(9))).toMatchObject({ kind: 'under_representative_account' })
    expect(d59({ ...parent, level: null }, child(9))).toMatchObject({
      reasons: ['representative_has_no_account'],
    })
  })

  test('a 14-year-old registers themself', () => {
    expect(d59(parent, child(14))).toMatchObject({ kind: 'self_registration' })
  })
})

describe('taking the account over', () => {
  test('the dependent takes over at 14 under both regimes', () => {
    expect(takeoverAge('decree-69-2024')).toBe(14)
    expect(takeoverAge('decree-59-2022')).toBe(14)
  })

  test('the takeover day is the 14th birthday, read as late as a partial date allows', () => {
    expect(takeoverDate('decree-69-2024', '2015-03-09')).toBe('2029-03-09')
    expect(takeoverDate('decree-69-2024', '2015-03')).toBe('2029-03-31')
    expect(takeoverDate('decree-69-2024', '2015')).toBe('2029-12-31')
    expect(takeoverDate('decree-69-2024', 'nonsense')).toBeUndefined()
  })
})
