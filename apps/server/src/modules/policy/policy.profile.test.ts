import { describe, expect, test } from 'vitest'
import { loadConfig } from '../../platform/config.js'
import { DEFAULT_POLICY_PROFILE, POLICY_PROFILES, type PolicyProfile, policyFor } from './index.js'

describe('choosing the legal regime', () => {
  test('every profile the configuration accepts has a policy, and Decree 69 is the default', () => {
    expect(loadConfig({}).POLICY_PROFILE).toBe(DEFAULT_POLICY_PROFILE)
    for (const profile of POLICY_PROFILES) {
      expect(loadConfig({ POLICY_PROFILE: profile }).POLICY_PROFILE).toBe(profile)
      expect(policyFor(profile).profile).toBe(profile)
    }
  })

  test('an unknown profile stops the process with a stable code', () => {
    expect(() => policyFor('decree-13-2023' as PolicyProfile)).toThrow(
      expect.objectContaining({ code: 'policy.UNKNOWN_PROFILE' }),
    )
  })

  test('the bound policy answers under its own regime: a 10-year-old gets an own account under D69, none under D59', () => {
    const child = { kind: 'citizen', dateOfBirth: '2016-01-01', hasValidCard: true, alive: true } as const
    expect(policyFor('decree-69-2024').eligibility(child, 1, '2026-06-15').kind).toBe('eligible')
    expect(policyFor('decree-59-2022').eligibility(child, 1, '2026-06-15').kind).toBe('via_representative')
  })

  test('the operator calendar passed once applies to every deadline', () => {
    const policy = policyFor('decree-69-2024', { calendar: { extraDaysOff: ['2026-03-16'] } })
    expect(policy.dossierDueDate('citizen_level1', '2026-03-13')).toBe('2026-03-17')
    expect(policy.authorityLockDeadlines('2026-03-13').forwardBy).toBe('2026-03-17')
  })

  test('the policy object is frozen: no module can swap a rule at run time', () => {
    expect(Object.isFrozen(policyFor('decree-69-2024'))).toBe(true)
  })
})
