import type { DossierState } from './accounts.table.js'

export type DossierEvent = 'claim' | 'approve' | 'reject' | 'release'

// The registration dossier's life (DOMAIN §4): dossier.flow.mmd draws it.
const transitions: Record<DossierState, Partial<Record<DossierEvent, DossierState>>> = {
  submitted: { claim: 'pending_verification', reject: 'rejected' },
  pending_verification: { approve: 'approved', reject: 'rejected', release: 'submitted' },
  approved: {},
  rejected: {},
}

/** The next state, or null when the event is not allowed in this state. */
export const nextDossierState = (state: DossierState, event: DossierEvent): DossierState | null =>
  transitions[state][event] ?? null

/**
 * Why a dossier was rejected, as the applicant is told: none of them reveals what the registry holds
 * (a wrong name and an unknown number get the same DECLARED_DATA_MISMATCH) or whose a phone number is.
 */
export const REJECTION_REASONS = {
  DECLARED_DATA_MISMATCH: 'The declared data do not match the national population database',
  NOT_ELIGIBLE: 'The applicant cannot register this kind of account in the app',
  PHONE_NOT_OWN_NAME:
    "The carrier does not record the mobile number in the applicant's own name (D69 Art 10)",
  FACE_MISMATCH: 'The selfie does not match the portrait on record',
  SELFIE_UNUSABLE: 'The selfie could not be used (no face, several faces, blurred, turned or not live)',
  NO_PORTRAIT_ON_RECORD: 'No portrait on record to compare with: register at a police counter (level 2)',
  ACCOUNT_EXISTS: 'An account already exists for this number',
} as const
export type RejectionReason = keyof typeof REJECTION_REASONS
