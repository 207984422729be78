import { vietnamDateOf } from '@dinhdanh/vn-id'
import { sql } from 'kysely'
import type { Deps } from '../../deps.js'
import type { Officer } from '../officers/index.js'
import { sum, zeroCounts } from './report-counts.js'
import { rangeView, reportRange } from './report-range.js'
import { inScope, reportScope } from './report-scope.js'
import type { RangeAsked } from './reports.schemas.js'

export const LOCK_KINDS = ['lock', 'unlock'] as const
export const LOCK_STATES = ['recorded', 'forwarded', 'approved', 'refused', 'carried_out'] as const
type Kind = (typeof LOCK_KINDS)[number]
type State = (typeof LOCK_STATES)[number]

/** Authorities' lock and unlock requests recorded in the period within the scope, by kind and state today. */
export const lockRequestsReport = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  q: RangeAsked,
  officer: Officer,
) => {
  const range = reportRange(q, deps.clock.now())
  const scope = await reportScope(deps.db, officer, q.unit)
  const { rows } = await sql<{ kind: Kind; state: State; n: number }>`
    SELECT kind, state, count(*)::int AS n FROM lock_requests_request
    WHERE recorded_on BETWEEN ${range.from}::date AND ${range.to}::date
      AND ${inScope(scope.filter, 'unit_code', 'unit_province')}
    GROUP BY 1, 2
  `.execute(deps.db)
  const byKind = LOCK_KINDS.map((kind) => {
    const byState = zeroCounts(LOCK_STATES)
    for (const r of rows) if (r.kind === kind) byState[r.state] += r.n
    return { kind, total: sum(byState), byState }
  })
  return {
    asOf: vietnamDateOf(deps.clock.now()),
    range: rangeView(range),
    scope,
    total: byKind.reduce((a, k) => a + k.total, 0),
    byKind,
  }
}
