import { AUTHORITY_LOCK_PERIODS } from './policy.deadlines.js'
import type { LockGround } from './policy.locks.js'
import type { LegalSource, PolicyProfile } from './policy.types.js'

/** Who starts a lock and how it is processed. */
export type LockCase = {
  id: 'holder_request' | 'authority_request' | 'relying_party_request' | LockGround
  initiator: 'holder' | 'system' | 'authority' | 'relying_party'
  /**
   * immediate: done when asked (app form TK03 or counter); automatic: by the lock job from data
   * updates; decision: a competent head decides within the working days given (forwarded first under D69).
   */
  processing: 'immediate' | 'automatic' | 'decision'
  forwardWorkingDays?: number
  decideWorkingDays?: number
  /** A refusal must be written, with reasons (D59 Art 19(1)(c)). */
  writtenRefusal?: true
  appliesTo: readonly ('citizen' | 'foreigner')[]
  source: LegalSource
  uncertain?: true
}

const BOTH = ['citizen', 'foreigner'] as const
const CITIZEN = ['citizen'] as const
const FOREIGNER = ['foreigner'] as const

const d69 = AUTHORITY_LOCK_PERIODS['decree-69-2024']
const d59 = AUTHORITY_LOCK_PERIODS['decree-59-2022']

const CASES: Record<PolicyProfile, readonly LockCase[]> = {
  'decree-69-2024': [
    {
      id: 'holder_request',
      initiator: 'holder',
      processing: 'immediate',
      appliesTo: BOTH,
      source: 'LID Art 34(1)(a); D69 Art 15, 29-30',
    },
    {
      id: 'authority_request',
      initiator: 'authority',
      processing: 'decision',
      forwardWorkingDays: d69.forward?.count ?? 0,
      decideWorkingDays: d69.decide.count,
      appliesTo: BOTH,
      source: 'LID Art 34(1)(e); D69 Art 29-30',
    },
    {
      id: 'terms_breached',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: BOTH,
      source: 'LID Art 34(1)(b); D69 Art 15, 29',
    },
    {
      id: 'card_revoked',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: CITIZEN,
      source: 'LID Art 34(1)(c); D69 Art 29',
    },
    {
      id: 'deceased',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: BOTH,
      source: 'LID Art 34(1)(d); D69 Art 15, 29',
    },
    {
      id: 'card_expired',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: CITIZEN,
      source: 'D69 Art 15',
    },
    {
      id: 'e_id_card_locked',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: CITIZEN,
      source: 'D69 Art 15',
    },
    {
      id: 'passport_expired',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: FOREIGNER,
      source: 'D69 Art 15',
    },
    {
      id: 'residence_permit_expired',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: FOREIGNER,
      source: 'D69 Art 15',
    },
    {
      id: 'id_number_cancelled',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: BOTH,
      source: 'DOMAIN §4 lifecycle',
      uncertain: true,
    },
  ],
  'decree-59-2022': [
    {
      id: 'holder_request',
      initiator: 'holder',
      processing: 'immediate',
      appliesTo: BOTH,
      source: 'D59 Art 19(1)(a); D34 Art 10',
    },
    {
      id: 'authority_request',
      initiator: 'authority',
      processing: 'decision',
      decideWorkingDays: d59.decide.count,
      writtenRefusal: true,
      appliesTo: BOTH,
      source: 'D59 Art 19(1)(b)-(c); D34 Art 10',
    },
    {
      id: 'relying_party_request',
      initiator: 'relying_party',
      processing: 'decision',
      decideWorkingDays: d59.decide.count,
      writtenRefusal: true,
      appliesTo: BOTH,
      source: 'D59 Art 19(1)(b)-(c); D34 Art 10',
    },
    {
      id: 'terms_breached',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: BOTH,
      source: 'D59 Art 19(1)(a); D34 Art 10',
    },
    {
      id: 'card_revoked',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: CITIZEN,
      source: 'D59 Art 19(1)(a)',
    },
    {
      id: 'deceased',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: BOTH,
      source: 'D59 Art 19(1)(a); D34 Art 10',
    },
    {
      id: 'id_number_cancelled',
      initiator: 'system',
      processing: 'automatic',
      appliesTo: BOTH,
      source: 'D34 Art 10',
    },
  ],
}

/** Every way an account can be locked under `profile`, with who starts it, how fast, and the source. */
export const lockCases = (profile: PolicyProfile): readonly LockCase[] => CASES[profile]
