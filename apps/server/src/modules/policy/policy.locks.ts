import type { LocalDate } from '@dinhdanh/vn-id'
import { type AsOf, isExpired, toLocalDate } from './policy.dates.js'
import type { LegalSource, PolicyProfile } from './policy.types.js'

/** What the data systems say about a citizen's account holder (registry, identity DB, e-ID card). */
export type CitizenLockFacts = {
  kind: 'citizen'
  alive: boolean
  cardStatus: 'valid' | 'expired' | 'revoked' | 'seized'
  /** Printed expiry of the CCCD / ID card; null for a card without expiry (issued at 60+). */
  cardExpiresOn: LocalDate | null
  idNumberCancelled: boolean
  /** The electronic ID card (Decree 69 only) is locked; the account follows it (D69 Art 15). */
  eIdCardLocked?: boolean
  termsBreached?: boolean
}
export type ForeignerLockFacts = {
  kind: 'foreigner'
  alive: boolean
  passportExpiresOn: LocalDate | null
  residenceCardExpiresOn: LocalDate | null
  idNumberCancelled?: boolean
  termsBreached?: boolean
}
export type LockFacts = CitizenLockFacts | ForeignerLockFacts

export type LockGround =
  | 'deceased'
  | 'id_number_cancelled'
  | 'terms_breached'
  | 'card_revoked'
  | 'card_expired'
  | 'e_id_card_locked'
  | 'passport_expired'
  | 'residence_permit_expired'

/** A ground that holds now. `close`: the account ends for good (death, cancelled number); `lock`: it is locked while the ground lasts. */
export type AutomaticLockGround = { ground: LockGround; effect: 'lock' | 'close'; source: LegalSource }

type Rule = {
  ground: LockGround
  effect: 'lock' | 'close'
  source: LegalSource
  holds: (facts: LockFacts, on: LocalDate) => boolean
}

const deceased: Rule['holds'] = (f) => !f.alive
const cancelled: Rule['holds'] = (f) => f.idNumberCancelled === true
const breached: Rule['holds'] = (f) => f.termsBreached === true
const cardRevoked: Rule['holds'] = (f) =>
  f.kind === 'citizen' && (f.cardStatus === 'revoked' || f.cardStatus === 'seized')
const cardExpired: Rule['holds'] = (f, on) =>
  f.kind === 'citizen' && (f.cardStatus === 'expired' || isExpired(f.cardExpiresOn, on))
const eIdCardLocked: Rule['holds'] = (f) => f.kind === 'citizen' && f.eIdCardLocked === true
const passportExpired: Rule['holds'] = (f, on) => f.kind === 'foreigner' && isExpired(f.passportExpiresOn, on)
const permitExpired: Rule['holds'] = (f, on) =>
  f.kind === 'foreigner' && isExpired(f.residenceCardExpiresOn, on)

// The lifecycle in DOMAIN §4 closes the account on death and on a cancelled ID number (never reused).
const RULES: Record<PolicyProfile, Rule[]> = {
  'decree-69-2024': [
    { ground: 'deceased', effect: 'close', source: 'LID Art 34(1)(d); D69 Art 15, 29', holds: deceased },
    {
      ground: 'id_number_cancelled',
      effect: 'close',
      source: 'DOMAIN §4 lifecycle (uncertain for D69)',
      holds: cancelled,
    },
    { ground: 'terms_breached', effect: 'lock', source: 'LID Art 34(1)(b); D69 Art 15, 29', holds: breached },
    { ground: 'card_revoked', effect: 'lock', source: 'LID Art 34(1)(c); D69 Art 29', holds: cardRevoked },
    { ground: 'card_expired', effect: 'lock', source: 'D69 Art 15', holds: cardExpired },
    { ground: 'e_id_card_locked', effect: 'lock', source: 'D69 Art 15', holds: eIdCardLocked },
    { ground: 'passport_expired', effect: 'lock', source: 'D69 Art 15', holds: passportExpired },
    { ground: 'residence_permit_expired', effect: 'lock', source: 'D69 Art 15', holds: permitExpired },
  ],
  // Decree 59 has no electronic ID card and does not lock on card or passport expiry.
  'decree-59-2022': [
    { ground: 'deceased', effect: 'close', source: 'D59 Art 19(1)(a); D34 Art 10', holds: deceased },
    { ground: 'id_number_cancelled', effect: 'close', source: 'D34 Art 10', holds: cancelled },
    { ground: 'terms_breached', effect: 'lock', source: 'D59 Art 19(1)(a); D34 Art 10', holds: breached },
    { ground: 'card_revoked', effect: 'lock', source: 'D59 Art 19(1)(a)', holds: cardRevoked },
  ],
}

/**
 * The grounds that require the account to be locked (or closed) on `asOf`. A job calls this for
 * each account: a non-empty list locks, an empty list lifts an automatic lock (D59 Art 19; D69 Art
 * 30), a `close` ground ends the account. Expiry counts from the day after the printed date.
 */
export const automaticLockGrounds = (
  profile: PolicyProfile,
  facts: LockFacts,
  asOf: AsOf,
): AutomaticLockGround[] => {
  const on = toLocalDate(asOf)
  return RULES[profile]
    .filter((rule) => rule.holds(facts, on))
    .map(({ ground, effect, source }) => ({ ground, effect, source }))
}

/** The account as the lock job sees it: only locks it applied itself are lifted automatically. */
export type AccountLockState = 'active' | 'locked_automatically' | 'locked_otherwise' | 'closed'
export type AutomaticLockAction = 'close' | 'lock' | 'unlock' | 'none'

/** What the lock job does with `grounds` (from automaticLockGrounds) for an account in `state`. */
export const automaticLockAction = (
  grounds: readonly AutomaticLockGround[],
  state: AccountLockState,
): AutomaticLockAction => {
  if (state === 'closed') return 'none'
  if (grounds.some((g) => g.effect === 'close')) return 'close'
  if (grounds.length > 0) return state === 'active' ? 'lock' : 'none'
  return state === 'locked_automatically' ? 'unlock' : 'none'
}
