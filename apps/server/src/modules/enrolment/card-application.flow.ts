import type { CardApplicationKind, CardApplicationState } from './enrolment.table.js'

export type CardApplicationEvent = 'approve' | 'reject' | 'produce' | 'deliver'

// The ID-card application's life: card-application.flow.mmd draws it.
const transitions: Record<
  CardApplicationState,
  Partial<Record<CardApplicationEvent, CardApplicationState>>
> = {
  received: { approve: 'approved', reject: 'rejected' },
  approved: { produce: 'produced' },
  produced: { deliver: 'delivered' },
  delivered: {},
  rejected: {},
}

export const nextCardState = (
  state: CardApplicationState,
  event: CardApplicationEvent,
): CardApplicationState | null => transitions[state][event] ?? null

/**
 * Grounds for each kind (Law on Identification 2023 Art 24, clause numbers **uncertain**): cấp (issue) a
 * first card; cấp đổi (renewal) at the age milestones 14/25/40/60, on changed data or face, a damaged or
 * wrong card, or on request; cấp lại (reissue) a lost card or regained nationality.
 */
export const CARD_REASONS: Record<CardApplicationKind, readonly string[]> = {
  issue: ['first_card'],
  renewal: ['age_milestone', 'expired', 'data_changed', 'damaged', 'error_on_card', 'holder_request'],
  reissue: ['lost', 'nationality_regained'],
}

export const CARD_REJECTION_REASONS = [
  'DATA_MISMATCH',
  'NOT_ENTITLED',
  'DOCUMENTS_INCOMPLETE',
  'OTHER',
] as const
export type CardRejectionReason = (typeof CARD_REJECTION_REASONS)[number]
