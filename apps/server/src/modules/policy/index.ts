// The policy module's contract: every legal question other modules ask, under either regime.
// Build one Policy at start with policyFor(config.POLICY_PROFILE); the free functions take the profile first.

export {
  checkPasscode,
  checkPassword,
  type PasscodeContext,
  type PasswordContext,
} from './policy.credentials.js'
export { type AsOf, ageOn, type BirthDate, type BirthDateParts, parseBirthDate } from './policy.dates.js'
export {
  AUTHORITY_LOCK_PERIODS,
  type AuthorityLockDeadlines,
  authorityLockDeadlines,
  DOSSIER_CASES,
  type DossierCase,
  dossierDueDate,
  dueDate,
  type Period,
  processingPeriod,
  RELYING_PARTY_APPRAISAL,
  relyingPartyAppraisalDueDate,
} from './policy.deadlines.js'
export {
  type Dependent,
  type DependentRefusal,
  type DependentRegistration,
  dependentRegistration,
  REPRESENTATIVE_MIN_AGE,
  type Representative,
  takeoverAge,
  takeoverDate,
} from './policy.dependents.js'
export {
  ADULT_REGISTRATION_AGE,
  D69_YOUNG_CHILD_AGE,
  type Eligibility,
  eligibility,
  type IneligibilityReason,
  type OrganisationSubject,
  type PersonSubject,
  type Registrant,
  type Subject,
} from './policy.eligibility.js'
export { POLICY } from './policy.errors.js'
export { LEVEL_ACTIONS, type LevelAction, type LevelPermission, levelAllows } from './policy.levels.js'
export { type LockCase, lockCases } from './policy.lock-cases.js'
export {
  type AccountLockState,
  type AutomaticLockAction,
  type AutomaticLockGround,
  automaticLockAction,
  automaticLockGrounds,
  type CitizenLockFacts,
  type ForeignerLockFacts,
  type LockFacts,
  type LockGround,
} from './policy.locks.js'
export { CREDENTIAL_MESSAGES, type CredentialRuleCode, type RuleFailure } from './policy.messages.js'
export { type Policy, type PolicyOptions, policyFor } from './policy.profile.js'
export {
  DEPENDENT_REFUSAL_MESSAGES,
  INELIGIBILITY_MESSAGES,
  LOCK_GROUND_MESSAGES,
} from './policy.reason-messages.js'
export {
  checkSecurityQuestions,
  SECURITY_QUESTIONS,
  type SecurityAnswer,
  type SecurityQuestionId,
} from './policy.security-questions.js'
export {
  type AccountLevel,
  type Bilingual,
  DEFAULT_POLICY_PROFILE,
  isPolicyProfile,
  type LegalSource,
  POLICY_PROFILES,
  type PolicyProfile,
} from './policy.types.js'
