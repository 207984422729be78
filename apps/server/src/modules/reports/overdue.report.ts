import { type LocalDate, vietnamDateOf, workingDaysBetween } from '@dinhdanh/vn-id'
import { sql } from 'kysely'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { assertWithinJurisdiction, type Officer } from '../officers/index.js'
import { inScope, reportScope } from './report-scope.js'
import { describeUnit, unitsByCode } from './report-units.js'
import { REPORTS } from './reports.errors.js'

type Counts = { overdue: number; dueToday: number }
type UnitRow = { unit_code: string; overdue: number; due_today: number }

/**
 * The day a lock request waiting at a step must pass it by (as lock-request.view.ts judges it overdue):
 * a recorded request its forwarding day (Decree 59 has none: its deciding day), a forwarded one its deciding day.
 */
const LOCK_DUE = sql`CASE WHEN state = 'recorded' THEN COALESCE(forward_by, decide_by) ELSE decide_by END`

const DAY_MS = 86_400_000
/** How late, in calendar days and in working days (statutory calendar, as due days are computed). */
const lateness = (dueOn: LocalDate, today: LocalDate) => ({
  dueToday: dueOn === today,
  daysOverdue: Math.max(0, Math.round((Date.parse(today) - Date.parse(dueOn)) / DAY_MS)),
  workingDaysOverdue: Math.max(0, workingDaysBetween(dueOn, today)),
})

/**
 * The overdue queue per receiving unit, as of today in Vietnam: submitted counter dossiers and lock
 * requests waiting at a step, past their legal due day or due today.
 */
export const overdueReport = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  q: { unit?: string },
  officer: Officer,
) => {
  const today = vietnamDateOf(deps.clock.now())
  const scope = await reportScope(deps.db, officer, q.unit)
  const [dossiers, requests] = await Promise.all([
    sql<UnitRow>`
      SELECT unit_code, count(*) FILTER (WHERE due_on < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE due_on = ${today}::date)::int AS due_today
      FROM enrolment_counter_dossier
      WHERE state = 'submitted' AND due_on <= ${today}::date
        AND ${inScope(scope.filter, 'unit_code', 'unit_province')}
      GROUP BY unit_code
    `.execute(deps.db),
    sql<UnitRow>`
      SELECT unit_code, count(*) FILTER (WHERE due < ${today}::date)::int AS overdue,
        count(*) FILTER (WHERE due = ${today}::date)::int AS due_today
      FROM (SELECT unit_code, ${LOCK_DUE} AS due FROM lock_requests_request
            WHERE state IN ('recorded', 'forwarded') AND ${inScope(scope.filter, 'unit_code', 'unit_province')}) r
      WHERE due <= ${today}::date
      GROUP BY unit_code
    `.execute(deps.db),
  ])
  const perUnit = new Map<string, { dossiers: Counts; lockRequests: Counts }>()
  const entry = (code: string) => {
    const e = perUnit.get(code) ?? {
      dossiers: { overdue: 0, dueToday: 0 },
      lockRequests: { overdue: 0, dueToday: 0 },
    }
    perUnit.set(code, e)
    return e
  }
  for (const r of dossiers.rows) entry(r.unit_code).dossiers = { overdue: r.overdue, dueToday: r.due_today }
  for (const r of requests.rows)
    entry(r.unit_code).lockRequests = { overdue: r.overdue, dueToday: r.due_today }
  const names = await unitsByCode(deps.db, [...perUnit.keys()])
  const late = (e: { dossiers: Counts; lockRequests: Counts }) => e.dossiers.overdue + e.lockRequests.overdue
  const units = [...perUnit]
    .map(([code, e]) => ({ unit: describeUnit(names, code), ...e }))
    .sort((a, b) => late(b) - late(a) || a.unit.code.localeCompare(b.unit.code))
  const total = (pick: 'dossiers' | 'lockRequests', field: keyof Counts) =>
    units.reduce((n, u) => n + u[pick][field], 0)
  return {
    asOf: today,
    scope,
    total: {
      dossiers: { overdue: total('dossiers', 'overdue'), dueToday: total('dossiers', 'dueToday') },
      lockRequests: {
        overdue: total('lockRequests', 'overdue'),
        dueToday: total('lockRequests', 'dueToday'),
      },
    },
    units,
  }
}

export type Page = { page: number; pageSize: number }

/** The unit asked for in a drill-down, if it exists and lies within the officer's jurisdiction. */
const drilledUnit = async (deps: Pick<Deps, 'db'>, code: string, officer: Officer) => {
  const u =
    (await unitsByCode(deps.db, [code])).get(code) ?? fail(REPORTS.UNIT_NOT_FOUND, undefined, { unit: code })
  assertWithinJurisdiction(officer.unit, u)
  return u
}

/** One unit's submitted dossiers past due or due today, most overdue first: case numbers and days, no person. */
export const overdueDossiers = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  code: string,
  p: Page,
  officer: Officer,
) => {
  const unit = await drilledUnit(deps, code, officer)
  const today = vietnamDateOf(deps.clock.now())
  const q = deps.db
    .selectFrom('enrolment_counter_dossier')
    .where('state', '=', 'submitted')
    .where('unit_code', '=', code)
    .where('due_on', '<=', today)
  const [rows, count] = await Promise.all([
    q
      .select(['id', 'number', 'kind', 'received_on', 'due_on'])
      .orderBy('due_on')
      .orderBy('received_on')
      .orderBy('number')
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  const items = rows.flatMap((d) =>
    d.due_on === null || d.received_on === null
      ? []
      : [
          {
            id: d.id,
            number: d.number,
            kind: d.kind,
            receivedOn: d.received_on,
            dueOn: d.due_on,
            ...lateness(d.due_on, today),
          },
        ],
  )
  return { asOf: today, unit, ...p, total: count.n, items }
}

/** One unit's lock requests waiting at a step past its due day or due today, most overdue first. */
export const overdueLockRequests = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  code: string,
  p: Page,
  officer: Officer,
) => {
  const unit = await drilledUnit(deps, code, officer)
  const today = vietnamDateOf(deps.clock.now())
  const base = sql`
    FROM (SELECT id, kind, state, recorded_on, forward_by, ${LOCK_DUE} AS due FROM lock_requests_request
          WHERE state IN ('recorded', 'forwarded') AND unit_code = ${code}) r
    WHERE due <= ${today}::date`
  const [rows, count] = await Promise.all([
    sql<{
      id: string
      kind: string
      state: string
      recorded_on: string
      forward_by: string | null
      due: string
    }>`
      SELECT id, kind, state, recorded_on, forward_by, due ${base}
      ORDER BY due, recorded_on, id LIMIT ${p.pageSize} OFFSET ${(p.page - 1) * p.pageSize}
    `.execute(deps.db),
    sql<{ n: number }>`SELECT count(*)::int AS n ${base}`.execute(deps.db),
  ])
  const items = rows.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    // What the request waits for: the receiving unit to forward it, or the deciding body to decide.
    step: r.state === 'recorded' && r.forward_by !== null ? 'forward' : 'decide',
    recordedOn: r.recorded_on,
    dueOn: r.due,
    ...lateness(r.due, today),
  }))
  return { asOf: today, unit, ...p, total: count.rows[0]?.n ?? 0, items }
}
