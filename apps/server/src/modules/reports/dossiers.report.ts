import { type LocalDate, vietnamDateOf } from '@dinhdanh/vn-id'
import { sql } from 'kysely'
import type { Deps } from '../../deps.js'
import type { CounterDossierState } from '../enrolment/index.js'
import type { Officer } from '../officers/index.js'
import { zeroCounts } from './report-counts.js'
import { type ReportRange, rangeView, reportRange } from './report-range.js'
import { inScope, reportScope, type ScopeFilter } from './report-scope.js'
import { describeUnit, type ListedUnit, unitsByCode } from './report-units.js'
import type { RangeAsked } from './reports.schemas.js'

export const DOSSIER_STATES: readonly CounterDossierState[] = [
  'draft',
  'awaiting_confirmation',
  'submitted',
  'approved',
  'rejected',
  'cancelled',
]

type Row = {
  unit_code: string
  state: CounterDossierState
  with_card: boolean
  timeliness: 'on_time' | 'late' | null
  overdue: boolean
  n: number
}

export type DossierCounts = {
  total: number
  byState: Record<CounterDossierState, number>
  withCard: number
  withoutCard: number
  /** Approved or rejected on or before the due day (Vietnam), or after it. */
  decidedOnTime: number
  decidedLate: number
  /** Still submitted today with the due day passed. */
  overdueNow: number
}

const empty = (): DossierCounts => ({
  total: 0,
  byState: zeroCounts(DOSSIER_STATES),
  withCard: 0,
  withoutCard: 0,
  decidedOnTime: 0,
  decidedLate: 0,
  overdueNow: 0,
})

const add = (c: DossierCounts, r: Row) => {
  c.total += r.n
  c.byState[r.state] += r.n
  if (r.with_card) c.withCard += r.n
  else c.withoutCard += r.n
  if (r.timeliness === 'on_time') c.decidedOnTime += r.n
  if (r.timeliness === 'late') c.decidedLate += r.n
  if (r.overdue) c.overdueNow += r.n
}

// Vietnam is UTC+7 all year: the day of an instant is its UTC time plus seven hours.
const counts = (deps: Pick<Deps, 'db'>, range: ReportRange, filter: ScopeFilter, today: LocalDate) =>
  sql<Row>`
    SELECT d.unit_code, d.state, d.card_request IS NOT NULL AS with_card,
      CASE WHEN d.decided_at IS NULL THEN NULL
           WHEN ((d.decided_at AT TIME ZONE 'UTC') + interval '7 hours')::date <= d.due_on THEN 'on_time'
           ELSE 'late' END AS timeliness,
      (d.state = 'submitted' AND d.due_on < ${today}::date) AS overdue,
      count(*)::int AS n
    FROM enrolment_counter_dossier d
    WHERE d.created_at >= ${range.startsAt} AND d.created_at < ${range.endsBefore}
      AND ${inScope(filter, 'd.unit_code', 'd.unit_province')}
    GROUP BY 1, 2, 3, 4, 5
  `.execute(deps.db)

/**
 * Counter dossiers (TK01) opened in the period within the scope, per receiving unit: each in its state
 * today, with or without a card application, decided on time or late, and still waiting past due.
 */
export const dossiersReport = async (deps: Pick<Deps, 'db' | 'clock'>, q: RangeAsked, officer: Officer) => {
  const range = reportRange(q, deps.clock.now())
  const scope = await reportScope(deps.db, officer, q.unit)
  const today = vietnamDateOf(deps.clock.now())
  const { rows } = await counts(deps, range, scope.filter, today)
  const perUnit = new Map<string, DossierCounts>()
  const total = empty()
  for (const r of rows) {
    const c = perUnit.get(r.unit_code) ?? empty()
    perUnit.set(r.unit_code, c)
    add(c, r)
    add(total, r)
  }
  const names = await unitsByCode(deps.db, [...perUnit.keys()])
  const units: (DossierCounts & { unit: ListedUnit })[] = [...perUnit]
    .map(([code, c]) => ({ unit: describeUnit(names, code), ...c }))
    .sort((a, b) => b.total - a.total || a.unit.code.localeCompare(b.unit.code))
  return { asOf: today, range: rangeView(range), scope, total, units }
}
