import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireOfficer } from '../officers/index.js'
import { type OfficerContext, readForeigner, readPerson, searchPeople } from './registry.service.js'
import { ForeignerView, PersonView, SearchResult } from './registry.view.js'

const PurposeHeaders = z.object({
  'x-purpose': z.string().max(200).optional().describe("Why the record is read; default 'officer-lookup'"),
})

/** The reading officer: a logged-in officer session (cookie dd_officer) whose roles grant registry.read. */
const officerOf = async (deps: Deps, req: FastifyRequest): Promise<OfficerContext> => {
  const { officer } = await requireOfficer(deps, req, { permission: 'registry.read', csrf: false })
  const purpose = req.headers['x-purpose']
  return {
    actor: officer.officerNumber,
    unit: officer.unit.code,
    purpose: typeof purpose === 'string' && purpose.trim() ? purpose.trim() : 'officer-lookup',
    requestId: req.id,
  }
}

export const registryRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/registry/persons/:personalId',
    {
      schema: {
        tags: ['registry'],
        summary: 'A person by personal ID number, old 9-digit CMND number or cancelled number',
        headers: PurposeHeaders,
        params: z.object({ personalId: z.string().max(20) }),
        response: { 200: PersonView, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => readPerson(deps, await officerOf(deps, req), req.params.personalId),
  )
  r.get(
    '/api/v1/registry/persons',
    {
      schema: {
        tags: ['registry'],
        summary: 'Search by name (accent-insensitive) with a birth date or province',
        headers: PurposeHeaders,
        querystring: z.object({
          name: z.string().max(200).optional(),
          dob: z.string().max(10).optional().describe("'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'"),
          province: z
            .string()
            .regex(/^\d{3}$/)
            .optional()
            .describe('Province code of the permanent residence'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: SearchResult, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => searchPeople(deps, await officerOf(deps, req), req.query),
  )
  r.get(
    '/api/v1/registry/foreigners/:foreignerId',
    {
      schema: {
        tags: ['registry'],
        summary: 'A foreign resident by foreigner ID number',
        headers: PurposeHeaders,
        params: z.object({ foreignerId: z.string().max(20) }),
        response: { 200: ForeignerView, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => readForeigner(deps, await officerOf(deps, req), req.params.foreignerId),
  )
}
