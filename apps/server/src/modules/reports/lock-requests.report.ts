import type { Deps } from '../../deps.js'
import type { Officer } from '../officers/index.js'
import { kindStateReport } from './kind-state.report.js'
import type { RangeAsked } from './reports.schemas.js'

export const LOCK_KINDS = ['lock', 'unlock'] as const
export const LOCK_STATES = ['recorded', 'forwarded', 'approved', 'refused', 'carried_out'] as const

/** Authorities' lock and unlock requests recorded in the period within the scope, by kind and state today. */
export const lockRequestsReport = (deps: Pick<Deps, 'db' | 'clock'>, q: RangeAsked, officer: Officer) =>
  kindStateReport(
    deps,
    { table: 'lock_requests_request', dateColumn: 'recorded_on', kinds: LOCK_KINDS, states: LOCK_STATES },
    q,
    officer,
  )
