import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { REGISTRY } from './registry.errors.js'
import { type OfficerContext, readForeigner, readPerson, searchPeople } from './registry.service.js'
import { ForeignerView, PersonView, SearchResult } from './registry.view.js'

const OfficerHeaders = z.object({
  'x-officer-id': z
    .string()
    .optional()
    .describe('The reading officer (required; a real officer login comes later)'),
  'x-purpose': z.string().max(200).optional().describe("Why the record is read; default 'officer-lookup'"),
})

// Officer identity is a header for now: a real officer login (officers module) replaces it in a later issue.
const officerOf = (req: FastifyRequest): OfficerContext => {
  const id = req.headers['x-officer-id']
  const officerId = typeof id === 'string' ? id.trim() : ''
  if (officerId === '') fail(REGISTRY.OFFICER_REQUIRED)
  const purpose = req.headers['x-purpose']
  return {
    officerId,
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
        headers: OfficerHeaders,
        params: z.object({ personalId: z.string().max(20) }),
        response: { 200: PersonView, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => readPerson(deps, officerOf(req), req.params.personalId),
  )
  r.get(
    '/api/v1/registry/persons',
    {
      schema: {
        tags: ['registry'],
        summary: 'Search by name (accent-insensitive) with a birth date or province',
        headers: OfficerHeaders,
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
        response: { 200: SearchResult, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => searchPeople(deps, officerOf(req), req.query),
  )
  r.get(
    '/api/v1/registry/foreigners/:foreignerId',
    {
      schema: {
        tags: ['registry'],
        summary: 'A foreign resident by foreigner ID number',
        headers: OfficerHeaders,
        params: z.object({ foreignerId: z.string().max(20) }),
        response: { 200: ForeignerView, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => readForeigner(deps, officerOf(req), req.params.foreignerId),
  )
}
