import type { TFunction } from 'i18next'
import type { ApiError } from '../../../api'
import { vi } from '../../../i18n/vi'
import { localizeError } from '../../../layout/ErrorAlert'
import { isKeyOf } from '../labels'

type ErrorKey = keyof typeof vi.officer.counter.errors
type ActionKey = keyof typeof vi.officer.counter.actions
type StateKey = keyof typeof vi.officer.counter.states

// Server codes are dotted ('enrolment.FACE_MISMATCH'); i18next reads dots as nesting, so the keys use '_'.
const keyOf = (code: string) => code.replaceAll('.', '_')

/** Whether this UI has its own sentence for the code. */
export const knowsCode = (code: string): boolean => isKeyOf(vi.officer.counter.errors, keyOf(code))

/** The Vietnamese (or English) sentence for an enrolment or officers error; a generic one for other codes. */
export const counterErrorText = (error: ApiError, t: TFunction): string => {
  const key = keyOf(error.code)
  return isKeyOf(vi.officer.counter.errors, key)
    ? t(`officer.counter.errors.${key as ErrorKey}`)
    : localizeError(error, t)
}

export const actionLabel = (action: string, t: TFunction): string => {
  const key = keyOf(action)
  return isKeyOf(vi.officer.counter.actions, key) ? t(`officer.counter.actions.${key as ActionKey}`) : action
}

export const stateLabel = (state: string, t: TFunction): string =>
  isKeyOf(vi.officer.counter.states, state) ? t(`officer.counter.states.${state as StateKey}`) : state

// Dark shades: white text on them passes WCAG AA (4.5:1).
const STATE_COLORS: Record<string, string> = {
  draft: 'gray.7',
  awaiting_confirmation: 'grape.9',
  submitted: 'blue.9',
  approved: 'teal.9',
  rejected: 'red.9',
  cancelled: 'gray.7',
}
export const stateColor = (state: string): string => STATE_COLORS[state] ?? 'gray.7'

type RejectionKey = keyof typeof vi.officer.counter.rejection
export const rejectionLabel = (reason: string, t: TFunction): string =>
  isKeyOf(vi.officer.counter.rejection, reason)
    ? t(`officer.counter.rejection.${reason as RejectionKey}`)
    : reason
