import type { TFunction } from 'i18next'
import type { ApiError } from '../../../api'
import { vi } from '../../../i18n/vi'
import { localizeError } from '../../../layout/ErrorAlert'
import { isKeyOf } from '../labels'

type ErrorKey = keyof typeof vi.officer.lockRequests.errors
type ActionKey = keyof typeof vi.officer.lockRequests.actions
type StateKey = keyof typeof vi.officer.lockRequests.states

// Server codes are dotted ('lock_requests.REQUEST_OPEN'); i18next reads dots as nesting, so the keys use '_'.
const keyOf = (code: string) => code.replaceAll('.', '_')

/** The Vietnamese (or English) sentence for a lock-request, accounts or officers error; a generic one otherwise. */
export const lockRequestErrorText = (error: ApiError, t: TFunction): string => {
  const key = keyOf(error.code)
  return isKeyOf(vi.officer.lockRequests.errors, key)
    ? t(`officer.lockRequests.errors.${key as ErrorKey}`)
    : localizeError(error, t)
}

export const lockActionLabel = (action: string, t: TFunction): string => {
  const key = keyOf(action)
  return isKeyOf(vi.officer.lockRequests.actions, key)
    ? t(`officer.lockRequests.actions.${key as ActionKey}`)
    : action
}

export const lockStateLabel = (state: string, t: TFunction): string =>
  isKeyOf(vi.officer.lockRequests.states, state)
    ? t(`officer.lockRequests.states.${state as StateKey}`)
    : state

// Dark shades: white text on them passes WCAG AA (4.5:1).
const STATE_COLORS: Record<string, string> = {
  recorded: 'grape.9',
  forwarded: 'blue.9',
  approved: 'teal.9',
  refused: 'red.9',
  carried_out: 'teal.9',
}
export const lockStateColor = (state: string): string => STATE_COLORS[state] ?? 'gray.7'
