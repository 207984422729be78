import { addDays, addWorkingDays, isWorkingDay, type LocalDate, type WorkingCalendar } from '@dinhdanh/vn-id'
import { toLocalDate } from './policy.dates.js'
import type { LegalSource, PolicyProfile } from './policy.types.js'

/** Kinds of registration dossier, each with its processing time counted from the complete dossier. */
export const DOSSIER_CASES = [
  'citizen_level1',
  'citizen_level2',
  'citizen_with_card_issuance',
  'foreigner_level1',
  'foreigner_level2_biometrics_on_file',
  'foreigner_level2_without_biometrics',
  'organisation_found_in_databases',
  'organisation_manual_verification',
  'card_issuance',
] as const
export type DossierCase = (typeof DOSSIER_CASES)[number]

/** A time limit as the source states it; `uncertain` marks figures DOMAIN.md asks to verify. */
export type Period = {
  count: number
  unit: 'working_days' | 'days'
  source: LegalSource
  uncertain?: true
}

const wd = (count: number, source: LegalSource): Period => ({ count, unit: 'working_days', source })

const D69_PERIODS: Record<DossierCase, Period> = {
  citizen_level1: wd(1, 'D69 Art 13(1)(a)'),
  citizen_level2: wd(3, 'D69 Art 13(1)(b)'),
  citizen_with_card_issuance: wd(7, 'D69 Art 13(2)'),
  foreigner_level1: wd(1, 'D69 Art 13(3)(a)'),
  foreigner_level2_biometrics_on_file: wd(3, 'D69 Art 13(3)(b)'),
  foreigner_level2_without_biometrics: wd(7, 'D69 Art 13(3)(c)'),
  organisation_found_in_databases: wd(3, 'D69 Art 13(4)(a)'),
  // The source says "15 days" (ngày), not "working days": counted as calendar days, rolled past a day off.
  organisation_manual_verification: { count: 15, unit: 'days', source: 'D69 Art 13(4)(b)', uncertain: true },
  // Issuing, renewing or reissuing an ID card (cấp, cấp đổi, cấp lại): the article number is unverified.
  card_issuance: { ...wd(7, 'LID 2023 Art 26'), uncertain: true },
}

// Decree 59 Art 17 as summarised by lawnet.vn (only the citizen level-1 figure is in DOMAIN.md §2.4).
const D59_PERIODS: Record<DossierCase, Period> = {
  citizen_level1: wd(1, 'D59 Art 17'),
  citizen_level2: wd(3, 'D59 Art 17'),
  citizen_with_card_issuance: wd(7, 'D59 Art 17'),
  foreigner_level1: wd(1, 'D59 Art 17'),
  foreigner_level2_biometrics_on_file: wd(3, 'D59 Art 17'),
  foreigner_level2_without_biometrics: wd(7, 'D59 Art 17'),
  organisation_found_in_databases: { ...wd(1, 'D59 Art 17'), uncertain: true },
  organisation_manual_verification: { ...wd(15, 'D59 Art 17'), uncertain: true },
  card_issuance: { ...wd(7, 'LID 2023 Art 26'), uncertain: true },
}

/** Authority-initiated lock/unlock: commune police forward, the MPS body decides (§4 rules 5–6). */
export const AUTHORITY_LOCK_PERIODS: Record<PolicyProfile, { forward: Period | null; decide: Period }> = {
  'decree-69-2024': { forward: wd(1, 'D69 Art 29-30'), decide: wd(2, 'D69 Art 29-30') },
  // The police head who receives the request decides it; nothing is forwarded.
  'decree-59-2022': { forward: null, decide: wd(2, 'D59 Art 19(1)(c)') },
}

/** Relying-party connection: appraisal within 30 days of the written agreement (D69 Art 18). */
export const RELYING_PARTY_APPRAISAL: Record<PolicyProfile, Period> = {
  'decree-69-2024': { count: 30, unit: 'days', source: 'D69 Art 18' },
  // DOMAIN.md gives no Decree 59 figure; the current one is applied.
  'decree-59-2022': { count: 30, unit: 'days', source: 'D69 Art 18 (applied to D59)', uncertain: true },
}

export const processingPeriod = (profile: PolicyProfile, kind: DossierCase): Period =>
  (profile === 'decree-69-2024' ? D69_PERIODS : D59_PERIODS)[kind]

const nextWorkingDayFrom = (day: LocalDate, calendar: WorkingCalendar): LocalDate =>
  isWorkingDay(day, calendar) ? day : addWorkingDays(day, 1, calendar)

/**
 * The last day of `period` started by an event on `from`. The event day never counts (Civil Code 2015
 * Art 147). Calendar days that end on a weekend or public holiday end on the next working day
 * instead (Civil Code 2015 Art 148), so every deadline is a working day. A dossier received on a day
 * off is not moved to the next working day first: the count starts at once, in the citizen's favour.
 */
export const dueDate = (from: LocalDate, period: Period, calendar: WorkingCalendar = {}): LocalDate => {
  const start = toLocalDate(from)
  return period.unit === 'working_days'
    ? addWorkingDays(start, period.count, calendar)
    : nextWorkingDayFrom(addDays(start, period.count), calendar)
}

/** When a complete dossier received on `receivedAt` must be decided (DOMAIN §2.4). */
export const dossierDueDate = (
  profile: PolicyProfile,
  kind: DossierCase,
  receivedAt: LocalDate,
  calendar: WorkingCalendar = {},
): LocalDate => dueDate(receivedAt, processingPeriod(profile, kind), calendar)

export type AuthorityLockDeadlines = {
  /** Decree 69: the receiving police unit forwards the request by this day; null under Decree 59. */
  forwardBy: LocalDate | null
  /** The competent head decides by this day. */
  decideBy: LocalDate
}

/**
 * Deadlines for a lock or unlock requested by an authority, received on `receivedAt`. Under Decree
 * 69 the two working days for the decision run from the actual forwarding when known, else from
 * the forwarding deadline (the latest the decision may legally come).
 */
export const authorityLockDeadlines = (
  profile: PolicyProfile,
  receivedAt: LocalDate,
  forwardedAt?: LocalDate,
  calendar: WorkingCalendar = {},
): AuthorityLockDeadlines => {
  const { forward, decide } = AUTHORITY_LOCK_PERIODS[profile]
  if (forward === null) return { forwardBy: null, decideBy: dueDate(receivedAt, decide, calendar) }
  const forwardBy = dueDate(receivedAt, forward, calendar)
  return { forwardBy, decideBy: dueDate(forwardedAt ?? forwardBy, decide, calendar) }
}

/** When the management agency must have appraised a relying party's system (agreement signed on `agreedAt`). */
export const relyingPartyAppraisalDueDate = (
  profile: PolicyProfile,
  agreedAt: LocalDate,
  calendar: WorkingCalendar = {},
): LocalDate => dueDate(agreedAt, RELYING_PARTY_APPRAISAL[profile], calendar)
