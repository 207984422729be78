import type { CounterDossierState } from './enrolment.table.js'

export type CounterDossierEvent = 'verify_biometrics' | 'confirm' | 'approve' | 'reject' | 'cancel'

// The counter dossier's life (DOMAIN §5.2, §5.4): counter-dossier.flow.mmd draws it.
const transitions: Record<CounterDossierState, Partial<Record<CounterDossierEvent, CounterDossierState>>> = {
  draft: { verify_biometrics: 'awaiting_confirmation', cancel: 'cancelled' },
  awaiting_confirmation: { confirm: 'submitted', cancel: 'cancelled' },
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: {},
  cancelled: {},
}

/** The next state, or null when the event is not allowed in this state. */
export const nextCounterState = (
  state: CounterDossierState,
  event: CounterDossierEvent,
): CounterDossierState | null => transitions[state][event] ?? null

/** The states an event may start from: the WHERE of the one UPDATE that moves a dossier. */
export const statesAllowing = (event: CounterDossierEvent): CounterDossierState[] =>
  (Object.keys(transitions) as CounterDossierState[]).filter((s) => transitions[s][event] !== undefined)

/** Why an approver rejects a counter dossier, as a stable code the citizen is told by SMS. */
export const COUNTER_REJECTION_REASONS = {
  DATA_MISMATCH: 'The declared data do not match the national databases',
  BIOMETRICS_DOUBT: 'The approver doubts the biometric checks: come back to the counter',
  DOCUMENTS_INCOMPLETE: 'The documents to integrate could not be verified',
  NOT_ELIGIBLE: 'The person cannot have a level-2 account',
  OTHER: 'Another reason, stated in the note',
} as const
export type CounterRejectionReason = keyof typeof COUNTER_REJECTION_REASONS
