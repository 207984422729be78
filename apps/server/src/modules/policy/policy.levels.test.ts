import { describe, expect, test } from 'vitest'
import { LEVEL_ACTIONS, levelAllows } from './policy.levels.js'
import { POLICY_PROFILES } from './policy.types.js'

const D69 = 'decree-69-2024'
const D59 = 'decree-59-2022'

describe('what each level allows (DOMAIN §2.3)', () => {
  test('presenting the electronic ID card needs level 2: it equals showing the physical card (D69 Art 9(6), 28)', () => {
    expect(levelAllows(D69, 1, 'present_id_card')).toMatchObject({
      allowed: false,
      reason: 'level_too_low',
      requires: 2,
    })
    expect(levelAllows(D69, 2, 'present_id_card')).toEqual({ allowed: true, source: 'D69 Art 9(6), 28' })
    expect(levelAllows(D59, 2, 'present_id_card')).toEqual({ allowed: true, source: 'D59 Art 13(8)' })
  })

  test('a foreigner’s level 2 never presents an ID card: the e-ID card is for citizens', () => {
    expect(levelAllows(D69, 2, 'present_id_card', 'foreigner')).toMatchObject({
      allowed: false,
      reason: 'citizens_only',
    })
  })

  test('level 1 may log in to public-service portals and prove identity attributes', () => {
    for (const profile of POLICY_PROFILES) {
      expect(levelAllows(profile, 1, 'public_service_login').allowed).toBe(true)
      expect(levelAllows(profile, 1, 'prove_identity_attributes').allowed).toBe(true)
    }
  })

  test('QR web login, full integrated documents and money need level 2; practice-only rules are flagged uncertain', () => {
    expect(levelAllows(D69, 1, 'qr_web_login')).toMatchObject({ allowed: false, uncertain: true })
    expect(levelAllows(D69, 1, 'integrated_documents_full').allowed).toBe(false)
    expect(levelAllows(D69, 2, 'financial_transactions')).toMatchObject({ allowed: true, uncertain: true })
  })

  test('registering a dependent needs level 2 under Decree 69, any account under Decree 59', () => {
    expect(levelAllows(D69, 1, 'register_dependent').allowed).toBe(false)
    expect(levelAllows(D59, 1, 'register_dependent')).toMatchObject({ allowed: true, uncertain: true })
  })

  test('property: level 2 may do everything level 1 may, in every regime', () => {
    for (const profile of POLICY_PROFILES)
      for (const action of LEVEL_ACTIONS)
        for (const holder of ['citizen', 'foreigner'] as const)
          if (levelAllows(profile, 1, action, holder).allowed)
            expect(levelAllows(profile, 2, action, holder).allowed).toBe(true)
  })
})
