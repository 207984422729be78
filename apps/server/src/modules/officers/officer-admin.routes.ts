import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { createOfficerAs, suspendOfficer } from './enrolment.service.js'
import { OfficerNumber } from './officer-auth.routes.js'
import { ROLES } from './officers.permissions.js'
import { OfficerView } from './officers.schemas.js'
import { requireOfficer } from './require-officer.js'

export const officerAdminRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/officer/officers',
    {
      schema: {
        tags: ['officers'],
        summary:
          'Create an officer (administrators): the first password and the otpauth:// URI are shown only here',
        body: z.object({
          officerNumber: OfficerNumber,
          fullName: z.string().trim().min(1).max(200),
          unitCode: z.string().max(40),
          roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
        }),
        response: {
          201: z.object({ officer: OfficerView, initialPassword: z.string(), otpauthUri: z.string() }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const admin = await requireOfficer(deps, req, { permission: 'officers.manage', csrf: true })
      reply.header('cache-control', 'no-store')
      return reply.code(201).send(await createOfficerAs(deps, admin.officer, req.body, req.id))
    },
  )
  r.post(
    '/api/v1/officer/officers/:id/suspend',
    {
      schema: {
        tags: ['officers'],
        summary: 'Suspend an officer (administrators): their sessions end at once',
        params: z.object({ id: z.uuid() }),
        response: { 200: OfficerView, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const admin = await requireOfficer(deps, req, { permission: 'officers.manage', csrf: true })
      return suspendOfficer(deps, admin.officer, req.params.id, req.id)
    },
  )
}
