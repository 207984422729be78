import type { Deps } from '../../deps.js'
import type { Officer } from '../officers/index.js'
import { kindStateReport } from './kind-state.report.js'
import type { RangeAsked } from './reports.schemas.js'

export const CARD_KINDS = ['issue', 'renewal', 'reissue'] as const
export const CARD_STATES = ['received', 'approved', 'produced', 'delivered', 'rejected'] as const

/** ID-card applications (cấp, cấp đổi, cấp lại) received in the period within the scope, by kind and state today. */
export const cardApplicationsReport = (deps: Pick<Deps, 'db' | 'clock'>, q: RangeAsked, officer: Officer) =>
  kindStateReport(
    deps,
    {
      table: 'enrolment_card_application',
      dateColumn: 'received_on',
      kinds: CARD_KINDS,
      states: CARD_STATES,
    },
    q,
    officer,
  )
