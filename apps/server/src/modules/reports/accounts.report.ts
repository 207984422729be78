import { vietnamDateOf } from '@dinhdanh/vn-id'
import { sql } from 'kysely'
import type { Deps } from '../../deps.js'
import type { Officer } from '../officers/index.js'
import { zeroCounts } from './report-counts.js'
import { type ReportRange, rangeView, reportRange } from './report-range.js'
import { inScope, reportScope, type ScopeFilter } from './report-scope.js'
import type { RangeAsked } from './reports.schemas.js'

export const ACCOUNT_STATUSES = ['approved', 'active', 'locked', 'closed'] as const
type Status = (typeof ACCOUNT_STATUSES)[number]
type Via = 'app' | 'counter' | 'representative'
type SubjectKind = 'citizen' | 'foreigner'

/** How accounts come to be, always listed (zero when none): self-registration, counter, representative. */
export const ORIGINS: readonly { via: Via; subjectKind: SubjectKind }[] = [
  { via: 'app', subjectKind: 'citizen' },
  { via: 'app', subjectKind: 'foreigner' },
  { via: 'counter', subjectKind: 'citizen' },
  { via: 'counter', subjectKind: 'foreigner' },
  { via: 'representative', subjectKind: 'citizen' },
]

type Row = {
  level: number
  status: Status
  via: Via
  subject_kind: SubjectKind
  province: string | null
  n: number
}

// The province code a citizen's personal ID number starts with (DOMAIN §6.1): no registry lookup needed.
const ID_PROVINCE = sql<string | null>`CASE WHEN a.subject_kind = 'citizen' THEN left(a.subject_id, 3) END`

/**
 * Where an account belongs: one opened at a counter, to the receiving unit and its province; any other,
 * to the province code in the holder's personal ID number (where the birth was registered); a foreigner
 * registered in the app, to none. Two queries, so each groups one table's rows without a join it does not need.
 */
const counts = async (deps: Pick<Deps, 'db'>, range: ReportRange, filter: ScopeFilter) => {
  const inRange = sql`a.created_at >= ${range.startsAt} AND a.created_at < ${range.endsBefore}`
  const [app, counter] = await Promise.all([
    sql<Row>`
      SELECT a.level, a.status, a.created_via AS via, a.subject_kind, ${ID_PROVINCE} AS province, count(*)::int AS n
      FROM accounts_account a
      WHERE ${inRange} AND a.created_via <> 'counter' AND ${inScope(filter, sql`NULL::text`, ID_PROVINCE)}
      GROUP BY 1, 2, 3, 4, 5
    `.execute(deps.db),
    sql<Row>`
      SELECT a.level, a.status, a.created_via AS via, a.subject_kind,
        COALESCE(d.unit_province, ${ID_PROVINCE}) AS province, count(*)::int AS n
      FROM accounts_account a LEFT JOIN enrolment_counter_dossier d ON d.id = a.dossier_id AND d.state = 'approved'
        -- Approval creates the account in the same transaction: the day either side only narrows the search.
        AND d.decided_at >= ${range.startsAt}::timestamptz - interval '1 day'
        AND d.decided_at < ${range.endsBefore}::timestamptz + interval '1 day'
      WHERE ${inRange} AND a.created_via = 'counter'
        AND ${inScope(filter, sql.ref('d.unit_code'), sql`COALESCE(d.unit_province, ${ID_PROVINCE})`)}
      GROUP BY 1, 2, 3, 4, 5
    `.execute(deps.db),
  ])
  return [...app.rows, ...counter.rows]
}

/** E-ID accounts created in the period within the scope: by level and state today, origin and province. */
export const accountsReport = async (deps: Pick<Deps, 'db' | 'clock'>, q: RangeAsked, officer: Officer) => {
  const range = reportRange(q, deps.clock.now())
  const scope = await reportScope(deps.db, officer, q.unit)
  const rows = await counts(deps, range, scope.filter)
  const levels = [1, 2].map((level) => ({ level, total: 0, byStatus: zeroCounts(ACCOUNT_STATUSES) }))
  const origins = ORIGINS.map((o) => ({ ...o, count: 0 }))
  const provinces = new Map<string | null, { level1: number; level2: number; total: number }>()
  let total = 0
  for (const r of rows) {
    total += r.n
    const level = levels.find((l) => l.level === r.level)
    if (level) {
      level.total += r.n
      level.byStatus[r.status] += r.n
    }
    const origin = origins.find((o) => o.via === r.via && o.subjectKind === r.subject_kind)
    if (origin) origin.count += r.n
    else origins.push({ via: r.via, subjectKind: r.subject_kind, count: r.n })
    const p = provinces.get(r.province) ?? { level1: 0, level2: 0, total: 0 }
    provinces.set(r.province, p)
    p.total += r.n
    if (r.level === 1) p.level1 += r.n
    else p.level2 += r.n
  }
  const byProvince = [...provinces]
    .map(([provinceCode, c]) => ({ provinceCode, ...c }))
    .sort((a, b) => b.total - a.total || String(a.provinceCode).localeCompare(String(b.provinceCode)))
  return {
    asOf: vietnamDateOf(deps.clock.now()),
    range: rangeView(range),
    scope,
    total,
    byLevel: levels,
    byOrigin: origins,
    byProvince,
  }
}
