import type { ColumnType, Selectable } from 'kysely'
import type { UnitLevel } from '../officers/index.js'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type LocalDateColumn = ColumnType<string, string, string>

export type LockRequestKind = 'lock' | 'unlock'
export type LockRequestState = 'recorded' | 'forwarded' | 'approved' | 'refused' | 'carried_out'
/** LID Art 34(1)(e): a prosecuting or other competent authority asks; or that authority asks to lift it. */
export type LockRequestGround = 'lid_34_1_e' | 'authority_unlock'

// An authority's written request to lock or unlock an account, a stored state machine (lock-request.flow.ts).
export interface LockRequestsRequestTable {
  id: string
  kind: LockRequestKind
  ground: LockRequestGround
  subject_id: string
  account_id: string
  authority_name: string
  document_number: string
  document_date: LocalDateColumn
  note: string | null
  /** The last day the authority's lock holds; the accounts lock job lifts it the day after. Locks only. */
  lock_until: LocalDateColumn | null
  state: LockRequestState
  unit_code: string
  unit_level: UnitLevel
  unit_province: string | null
  recorded_by: string
  recorded_by_number: string
  recorded_on: LocalDateColumn
  forward_by: LocalDateColumn | null
  forwarded_by: string | null
  forwarded_on: LocalDateColumn | null
  decide_by: LocalDateColumn
  decided_by: string | null
  decided_by_number: string | null
  decided_at: Timestamp | null
  refusal_reasons: string | null
  lock_id: string | null
  carried_out_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}
export type LockRequestRow = Selectable<LockRequestsRequestTable>

export interface LockRequestsTables {
  lock_requests_request: LockRequestsRequestTable
}
