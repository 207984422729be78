import { vietnamDateOf } from '@dinhdanh/vn-id'
import { sql } from 'kysely'
import type { Deps } from '../../deps.js'
import type { Officer } from '../officers/index.js'
import { sum, zeroCounts } from './report-counts.js'
import { rangeView, reportRange } from './report-range.js'
import { inScope, reportScope } from './report-scope.js'
import type { RangeAsked } from './reports.schemas.js'

/** A workflow table counted by kind and current state, for the rows that started within the period. */
export type KindStateSource<K extends string, S extends string> = {
  table: string
  /** The date column that places a row in the period (received on, recorded on). */
  dateColumn: string
  kinds: readonly K[]
  states: readonly S[]
}

/** One report shape for every workflow with a kind and a state: totals, then each kind by state. */
export const kindStateReport = async <K extends string, S extends string>(
  deps: Pick<Deps, 'db' | 'clock'>,
  source: KindStateSource<K, S>,
  q: RangeAsked,
  officer: Officer,
) => {
  const range = reportRange(q, deps.clock.now())
  const scope = await reportScope(deps.db, officer, q.unit)
  const { rows } = await sql<{ kind: K; state: S; n: number }>`
    SELECT kind, state, count(*)::int AS n FROM ${sql.table(source.table)}
    WHERE ${sql.ref(source.dateColumn)} BETWEEN ${range.from}::date AND ${range.to}::date
      AND ${inScope(scope.filter, 'unit_code', 'unit_province')}
    GROUP BY 1, 2
  `.execute(deps.db)
  const byKind = source.kinds.map((kind) => {
    const byState = zeroCounts(source.states)
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
