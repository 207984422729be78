import type { LocalDate } from '@dinhdanh/vn-id'
import { type BirthDate, birthdayAt, parseBirthDate } from './policy.dates.js'
import { ADULT_REGISTRATION_AGE, D69_YOUNG_CHILD_AGE } from './policy.eligibility.js'
import type { AccountLevel, LegalSource, PolicyProfile } from './policy.types.js'

/** The parent, guardian or legal representative who registers for a dependent. */
export type Representative = {
  /** Level of the representative's own account; null when they have none. */
  level: AccountLevel | null
  age: number
  /** The phone number is a subscription in the representative's own name (chính chủ, D69 Art 10). */
  ownPhone: boolean
}
export type Dependent = {
  age: number
  /** Citizens: a chip CCCD or ID card; foreigners: a residence card. */
  hasCard: boolean
  /** Under guardianship or a represented person, whatever the age. */
  isWard: boolean
}

export type DependentRefusal =
  | 'representative_has_no_account'
  | 'representative_not_level_2'
  | 'representative_is_minor'
  | 'representative_phone_not_own'
  | 'dependent_has_no_card'

export type DependentRegistration =
  /** Decree 69: the dependent gets a level-1 account of their own, filed in the representative's app. */
  | {
      kind: 'own_account'
      level: 1
      onRequest: boolean
      registeredBy: 'representative'
      channel: 'app'
      phone: 'representative_own'
      /** Level 2 needs the dependent at the counter with the representative (DOMAIN §5.3, uncertain for citizens). */
      level2: 'on_request_at_counter' | 'not_available'
      /** Age at which the dependent takes the account over; null for a ward (guardianship ends by decision, not age). */
      takeoverAge: number | null
      source: LegalSource
    }
  /** Decree 59: no account of their own, the dependent is recorded under the representative's account. */
  | { kind: 'under_representative_account'; takeoverAge: number | null; source: LegalSource }
  /** Not a dependent: 14 or older and not a ward, registers themself. */
  | { kind: 'self_registration'; source: LegalSource }
  | { kind: 'refused'; reasons: DependentRefusal[]; source: LegalSource }

/** Full civil capacity; a guardian must have it (Civil Code 2015 Art 20, 49). Applied to parents too: a platform choice. */
export const REPRESENTATIVE_MIN_AGE = 18

/** The age at which a dependent takes the account over, or registers on their own (both regimes: 14). */
export const takeoverAge = (_profile: PolicyProfile): number => ADULT_REGISTRATION_AGE

/** The day a dependent born on `dob` reaches the takeover age (latest-birth-date reading), or undefined for an unreadable date. */
export const takeoverDate = (profile: PolicyProfile, dob: BirthDate): LocalDate | undefined => {
  const parts = parseBirthDate(dob)
  return parts && birthdayAt(parts, takeoverAge(profile))
}

const d69 = (rep: Representative, dep: Dependent): DependentRegistration => {
  const source = 'D69 Art 7(1), 10'
  const reasons: DependentRefusal[] = []
  if (rep.level === null) reasons.push('representative_has_no_account')
  else if (rep.level !== 2) reasons.push('representative_not_level_2')
  if (rep.age < REPRESENTATIVE_MIN_AGE) reasons.push('representative_is_minor')
  if (!rep.ownPhone) reasons.push('representative_phone_not_own')
  if (!dep.hasCard) reasons.push('dependent_has_no_card')
  if (reasons.length > 0) return { kind: 'refused', reasons, source }
  const young = dep.age < D69_YOUNG_CHILD_AGE
  return {
    kind: 'own_account',
    level: 1,
    onRequest: young,
    registeredBy: 'representative',
    channel: 'app',
    phone: 'representative_own',
    level2: young ? 'not_available' : 'on_request_at_counter',
    takeoverAge: dep.isWard ? null : ADULT_REGISTRATION_AGE,
    source,
  }
}

// Decision 34 names no level for the parent's account; any account is accepted (uncertain, docs/policy.md).
const d59 = (rep: Representative, dep: Dependent): DependentRegistration => {
  const source = 'D59 Art 11; D34 Art 6'
  const reasons: DependentRefusal[] = []
  if (rep.level === null) reasons.push('representative_has_no_account')
  if (rep.age < REPRESENTATIVE_MIN_AGE) reasons.push('representative_is_minor')
  if (reasons.length > 0) return { kind: 'refused', reasons, source }
  return {
    kind: 'under_representative_account',
    takeoverAge: dep.isWard ? null : ADULT_REGISTRATION_AGE,
    source,
  }
}

/**
 * How `dependent` is registered by `representative`. Decree 69: a level-2 representative files a
 * level-1 account for a child 6–14 with a card (under 6 on request) or for a ward, with the
 * representative's own phone. Decree 59: a child under 14 or a ward goes under the representative's account.
 */
export const dependentRegistration = (
  profile: PolicyProfile,
  representative: Representative,
  dependent: Dependent,
): DependentRegistration => {
  if (dependent.age >= ADULT_REGISTRATION_AGE && !dependent.isWard) {
    return { kind: 'self_registration', source: profile === 'decree-69-2024' ? 'D69 Art 7(1)' : 'D59 Art 11' }
  }
  return profile === 'decree-69-2024' ? d69(representative, dependent) : d59(representative, dependent)
}
