import { type AsOf, ageOn, type BirthDate } from './policy.dates.js'
import type { AccountLevel, LegalSource, PolicyProfile } from './policy.types.js'

/** A person asking for an account. `hasValidCard`: citizens a valid chip CCCD or ID card (thẻ căn cước); foreigners a valid permanent or temporary residence card. */
export type PersonSubject = {
  kind: 'citizen' | 'foreigner'
  dateOfBirth: BirthDate
  hasValidCard: boolean
  alive: boolean
  /** Under guardianship or otherwise represented (người được giám hộ, người đại diện). */
  isWard?: boolean
  /** Foreigners under Decree 59 only: a valid passport or international travel document. */
  hasValidTravelDocument?: boolean
}
export type OrganisationSubject = {
  kind: 'organisation'
  /** Established or registered to operate in Vietnam. */
  registeredInVietnam: boolean
  dissolved?: boolean
}
export type Subject = PersonSubject | OrganisationSubject

/** Who files the registration: the person, or their parent/guardian/representative. */
export type Registrant = 'self' | 'representative'

export type IneligibilityReason =
  | 'deceased'
  | 'date_of_birth_invalid'
  | 'not_yet_born'
  | 'no_valid_card'
  | 'no_residence_card'
  | 'no_valid_travel_document'
  | 'level_2_not_available_under_6'
  | 'level_required'
  | 'organisation_not_registered_in_vietnam'
  | 'organisation_dissolved'

/**
 * The answer to "may this subject have an account of this level?". `level` is the level the account
 * would have: organisations get none under Decree 69 and level 2 under Decree 59 (D59 Art 12).
 * `via_representative` is the legacy form: no account of one's own, the person is recorded under
 * the parent's or guardian's account.
 */
export type Eligibility =
  | { kind: 'eligible'; level: AccountLevel | null; registrant: Registrant; source: LegalSource }
  | { kind: 'on_request'; level: AccountLevel; registrant: Registrant; source: LegalSource }
  | { kind: 'via_representative'; account: 'representative_account'; source: LegalSource }
  | {
      kind: 'not_eligible'
      reason: IneligibilityReason
      source: LegalSource
      /** What the person can do instead: citizens without a valid card apply together with the card. */
      remedy?: 'apply_with_card_issuance'
    }

/** Age at which a person registers themself and gets every level (both regimes). */
export const ADULT_REGISTRATION_AGE = 14
/** Decree 69: below this age level 1 is only on request and level 2 is not available. */
export const D69_YOUNG_CHILD_AGE = 6

const notEligible = (
  reason: IneligibilityReason,
  source: LegalSource,
  remedy?: 'apply_with_card_issuance',
): Eligibility =>
  remedy ? { kind: 'not_eligible', reason, source, remedy } : { kind: 'not_eligible', reason, source }

const organisationEligibility = (profile: PolicyProfile, org: OrganisationSubject): Eligibility => {
  const source = profile === 'decree-69-2024' ? 'D69 Art 7(3)' : 'D59 Art 11(3), 12'
  if (!org.registeredInVietnam) return notEligible('organisation_not_registered_in_vietnam', source)
  if (org.dissolved) return notEligible('organisation_dissolved', source)
  // One account per organisation; D69 gives it no level, D59 Art 12 calls it a level-2 account.
  return {
    kind: 'eligible',
    level: profile === 'decree-69-2024' ? null : 2,
    registrant: 'representative',
    source,
  }
}

// Decree 69 Art 7(1)-(2): own accounts at every age with a card; children and wards through a representative.
const d69Person = (p: PersonSubject, level: AccountLevel, age: number): Eligibility => {
  const citizen = p.kind === 'citizen'
  const source = citizen ? 'D69 Art 7(1)' : 'D69 Art 7(2)'
  if (!p.hasValidCard) {
    return citizen
      ? notEligible('no_valid_card', 'D69 Art 7(1), 13(2)', 'apply_with_card_issuance')
      : notEligible('no_residence_card', source)
  }
  const registrant: Registrant = age < ADULT_REGISTRATION_AGE || p.isWard ? 'representative' : 'self'
  if (age < D69_YOUNG_CHILD_AGE) {
    return level === 1
      ? { kind: 'on_request', level, registrant: 'representative', source }
      : notEligible('level_2_not_available_under_6', source)
  }
  // Foreigners get level 2 only on request at any age; citizens from 14.
  if (level === 2 && (!citizen || age < ADULT_REGISTRATION_AGE)) {
    return { kind: 'on_request', level, registrant, source }
  }
  return { kind: 'eligible', level, registrant, source }
}

// Decree 59 Art 11 with Decision 34 Art 6: 14+ registers themself; under 14 or a ward goes under the parent's account.
const d59Person = (p: PersonSubject, level: AccountLevel, age: number): Eligibility => {
  const citizen = p.kind === 'citizen'
  const source = citizen ? 'D59 Art 11(1); D34 Art 6' : 'D59 Art 11(2); D34 Art 6'
  if (age < ADULT_REGISTRATION_AGE || p.isWard) {
    return { kind: 'via_representative', account: 'representative_account', source }
  }
  if (citizen && !p.hasValidCard) {
    return notEligible('no_valid_card', 'D59 Art 14(2)', 'apply_with_card_issuance')
  }
  if (!citizen && !p.hasValidTravelDocument)
    return notEligible('no_valid_travel_document', 'D59 Art 8, 11(2)')
  return { kind: 'eligible', level, registrant: 'self', source }
}

/**
 * May `subject` have an account of `level` on `asOf`? A value, never an exception. For an
 * organisation `level` is ignored (pass null). Partial birth dates are read as the latest possible
 * day (policy.dates.ts), so nobody is granted an age-dependent right before they certainly have it.
 */
export const eligibility = (
  profile: PolicyProfile,
  subject: Subject,
  level: AccountLevel | null,
  asOf: AsOf,
): Eligibility => {
  const d69 = profile === 'decree-69-2024'
  if (subject.kind === 'organisation') return organisationEligibility(profile, subject)
  const article = d69 ? (subject.kind === 'citizen' ? 'D69 Art 7(1)' : 'D69 Art 7(2)') : 'D59 Art 11'
  if (!subject.alive)
    return notEligible('deceased', d69 ? `${article}; LID Art 34(1)(d)` : `${article}, 19(1)(a)`)
  if (level === null) return notEligible('level_required', article)
  const age = ageOn(subject.dateOfBirth, asOf)
  if (age === undefined) return notEligible('date_of_birth_invalid', article)
  if (age < 0) return notEligible('not_yet_born', article)
  return d69 ? d69Person(subject, level, age) : d59Person(subject, level, age)
}
