import type { ApplicationState } from './onboarding.table.js'

export type ApplicationEvent = 'record_agreement' | 'approve' | 'refuse' | 'withdraw'

// A relying party's application (DOMAIN §7; D69 Art 18): onboarding.flow.mmd draws it.
const transitions: Record<ApplicationState, Partial<Record<ApplicationEvent, ApplicationState>>> = {
  submitted: { record_agreement: 'agreement_recorded', refuse: 'refused', withdraw: 'withdrawn' },
  agreement_recorded: { approve: 'approved', refuse: 'refused', withdraw: 'withdrawn' },
  approved: {},
  refused: {},
  withdrawn: {},
}

/** The next state, or null when the event is not allowed in this state. */
export const nextApplicationState = (
  state: ApplicationState,
  event: ApplicationEvent,
): ApplicationState | null => transitions[state][event] ?? null

/** The states an event may start from: the WHERE of the one UPDATE that moves an application. */
export const statesAllowing = (event: ApplicationEvent): ApplicationState[] =>
  (Object.keys(transitions) as ApplicationState[]).filter((s) => transitions[s][event] !== undefined)

/** Still waiting for the management agency: these have a due date that can pass. */
export const OPEN_STATES: ApplicationState[] = ['submitted', 'agreement_recorded']
