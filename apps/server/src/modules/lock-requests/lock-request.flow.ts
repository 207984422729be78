import type { LockRequestState } from './lock-requests.table.js'

export type LockRequestEvent = 'forward' | 'approve' | 'refuse' | 'carry_out'

// An authority's lock or unlock request (DOMAIN §4 rule 6; D69 Art 29-30): lock-request.flow.mmd draws it.
const transitions: Record<LockRequestState, Partial<Record<LockRequestEvent, LockRequestState>>> = {
  recorded: { forward: 'forwarded' },
  forwarded: { approve: 'approved', refuse: 'refused' },
  approved: { carry_out: 'carried_out' },
  refused: {},
  carried_out: {},
}

/** The next state, or null when the event is not allowed in this state. */
export const nextLockRequestState = (
  state: LockRequestState,
  event: LockRequestEvent,
): LockRequestState | null => transitions[state][event] ?? null

/** The states an event may start from: the WHERE of the one UPDATE that moves a request. */
export const statesAllowing = (event: LockRequestEvent): LockRequestState[] =>
  (Object.keys(transitions) as LockRequestState[]).filter((s) => transitions[s][event] !== undefined)
