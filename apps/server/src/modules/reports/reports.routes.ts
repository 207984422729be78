import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { OFFICERS, type Officer, requireOfficer } from '../officers/index.js'
import { accountsReport } from './accounts.report.js'
import { cardApplicationsReport } from './card-applications.report.js'
import { dossiersReport } from './dossiers.report.js'
import { lockRequestsReport } from './lock-requests.report.js'
import { overdueDossiers, overdueLockRequests, overdueReport } from './overdue.report.js'
import { unitsWithinJurisdiction } from './report-units.js'
import { PageQuery, RangeQuery, ScopeQuery, UnitParams } from './reports.schemas.js'

const TAGS = ['reports']
const BASE = '/api/v1/reports'

/** Supervisors and administrators read the aggregates (counts, never a person's data). */
const reader = async (deps: Deps, req: FastifyRequest): Promise<Officer> =>
  (await requireOfficer(deps, req, { permission: 'reports.read', csrf: false })).officer

/**
 * The drill-down names cases (dossier numbers, request ids): it needs a case-reading permission too, which
 * supervisors hold and administrators, who manage accounts and read no case data, do not.
 */
const caseReader = async (deps: Deps, req: FastifyRequest): Promise<Officer> => {
  const officer = await reader(deps, req)
  if (!officer.permissions.includes('registry.read')) fail(OFFICERS.PERMISSION_DENIED)
  return officer
}

export const reportRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    `${BASE}/units`,
    { schema: { tags: TAGS, summary: "The units within the officer's jurisdiction, for a report's filter" } },
    async (req) => ({ items: await unitsWithinJurisdiction(deps.db, await reader(deps, req)) }),
  )
  r.get(
    `${BASE}/dossiers`,
    {
      schema: {
        tags: TAGS,
        summary: 'Counter dossiers opened in a period, per unit: states, card applications, timeliness',
        querystring: RangeQuery,
      },
    },
    async (req) => dossiersReport(deps, req.query, await reader(deps, req)),
  )
  r.get(
    `${BASE}/accounts`,
    {
      schema: {
        tags: TAGS,
        summary: 'E-ID accounts created in a period: level and state, origin, province',
        querystring: RangeQuery,
      },
    },
    async (req) => accountsReport(deps, req.query, await reader(deps, req)),
  )
  r.get(
    `${BASE}/card-applications`,
    {
      schema: {
        tags: TAGS,
        summary: 'ID-card applications received in a period, by kind and state',
        querystring: RangeQuery,
      },
    },
    async (req) => cardApplicationsReport(deps, req.query, await reader(deps, req)),
  )
  r.get(
    `${BASE}/lock-requests`,
    {
      schema: {
        tags: TAGS,
        summary: 'Authority lock and unlock requests recorded in a period, by kind and state',
        querystring: RangeQuery,
      },
    },
    async (req) => lockRequestsReport(deps, req.query, await reader(deps, req)),
  )
  r.get(
    `${BASE}/overdue`,
    {
      schema: {
        tags: TAGS,
        summary: 'Dossiers and lock requests past their legal due day (or due today), per unit',
        querystring: ScopeQuery,
      },
    },
    async (req) => overdueReport(deps, req.query, await reader(deps, req)),
  )
  r.get(
    `${BASE}/overdue/:code/dossiers`,
    {
      schema: {
        tags: TAGS,
        summary: "One unit's overdue and due-today dossiers, most overdue first",
        params: UnitParams,
        querystring: PageQuery,
      },
    },
    async (req) => overdueDossiers(deps, req.params.code, req.query, await caseReader(deps, req)),
  )
  r.get(
    `${BASE}/overdue/:code/lock-requests`,
    {
      schema: {
        tags: TAGS,
        summary: "One unit's overdue and due-today lock requests, most overdue first",
        params: UnitParams,
        querystring: PageQuery,
      },
    },
    async (req) => overdueLockRequests(deps, req.params.code, req.query, await caseReader(deps, req)),
  )
}
