import type { LocalDate, WorkingCalendar } from '@dinhdanh/vn-id'
import {
  checkPasscode,
  checkPassword,
  type PasscodeContext,
  type PasswordContext,
} from './policy.credentials.js'
import type { AsOf, BirthDate } from './policy.dates.js'
import {
  type AuthorityLockDeadlines,
  authorityLockDeadlines,
  type DossierCase,
  dossierDueDate,
  type Period,
  processingPeriod,
  relyingPartyAppraisalDueDate,
} from './policy.deadlines.js'
import {
  type Dependent,
  type DependentRegistration,
  dependentRegistration,
  type Representative,
  takeoverAge,
  takeoverDate,
} from './policy.dependents.js'
import { type Eligibility, eligibility, type Subject } from './policy.eligibility.js'
import { POLICY } from './policy.errors.js'
import { type LevelAction, type LevelPermission, levelAllows } from './policy.levels.js'
import { type LockCase, lockCases } from './policy.lock-cases.js'
import { type AutomaticLockGround, automaticLockGrounds, type LockFacts } from './policy.locks.js'
import type { RuleFailure } from './policy.messages.js'
import { checkSecurityQuestions, type SecurityAnswer } from './policy.security-questions.js'
import { type AccountLevel, isPolicyProfile, type PolicyProfile } from './policy.types.js'

export { DEFAULT_POLICY_PROFILE, POLICY_PROFILES, type PolicyProfile } from './policy.types.js'

/** Every legal question, answered under one regime: `deps.policy.eligibility(subject, 2, today)`. */
export type Policy = {
  readonly profile: PolicyProfile
  eligibility(subject: Subject, level: AccountLevel | null, asOf: AsOf): Eligibility
  dependentRegistration(representative: Representative, dependent: Dependent): DependentRegistration
  takeoverAge(): number
  takeoverDate(dateOfBirth: BirthDate): LocalDate | undefined
  processingPeriod(kind: DossierCase): Period
  dossierDueDate(kind: DossierCase, receivedAt: LocalDate): LocalDate
  authorityLockDeadlines(receivedAt: LocalDate, forwardedAt?: LocalDate): AuthorityLockDeadlines
  relyingPartyAppraisalDueDate(agreedAt: LocalDate): LocalDate
  automaticLockGrounds(facts: LockFacts, asOf: AsOf): AutomaticLockGround[]
  lockCases(): readonly LockCase[]
  levelAllows(level: AccountLevel, action: LevelAction, holder?: 'citizen' | 'foreigner'): LevelPermission
  checkPassword(password: string, context?: PasswordContext): RuleFailure[]
  checkPasscode(code: string, context?: PasscodeContext): RuleFailure[]
  checkSecurityQuestions(answers: readonly SecurityAnswer[]): RuleFailure[]
}

export type PolicyOptions = {
  /** The year's official days off and make-up Saturdays (Prime Minister's decisions); statutory holidays otherwise. */
  calendar?: WorkingCalendar
}

/** The rules of `profile` bound into one object; built once at start from `config.POLICY_PROFILE`. */
export const policyFor = (profile: PolicyProfile, options: PolicyOptions = {}): Policy => {
  if (!isPolicyProfile(profile)) throw POLICY.UNKNOWN_PROFILE(`Unknown policy profile "${String(profile)}"`)
  const calendar = options.calendar ?? {}
  return Object.freeze({
    profile,
    eligibility: (subject, level, asOf) => eligibility(profile, subject, level, asOf),
    dependentRegistration: (representative, dependent) =>
      dependentRegistration(profile, representative, dependent),
    takeoverAge: () => takeoverAge(profile),
    takeoverDate: (dateOfBirth) => takeoverDate(profile, dateOfBirth),
    processingPeriod: (kind) => processingPeriod(profile, kind),
    dossierDueDate: (kind, receivedAt) => dossierDueDate(profile, kind, receivedAt, calendar),
    authorityLockDeadlines: (receivedAt, forwardedAt) =>
      authorityLockDeadlines(profile, receivedAt, forwardedAt, calendar),
    relyingPartyAppraisalDueDate: (agreedAt) => relyingPartyAppraisalDueDate(profile, agreedAt, calendar),
    automaticLockGrounds: (facts, asOf) => automaticLockGrounds(profile, facts, asOf),
    lockCases: () => lockCases(profile),
    levelAllows: (level, action, holder) => levelAllows(profile, level, action, holder),
    checkPassword,
    checkPasscode,
    checkSecurityQuestions,
  } satisfies Policy)
}
