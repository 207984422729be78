import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { resetCredentials } from './credential-reset.service.js'
import { createOfficerAs } from './enrolment.service.js'
import { changeAssignment } from './officer-assignment.service.js'
import { findOfficers, viewOfficer } from './officer-directory.service.js'
import { managerOf, OfficerNumber } from './officer-http.js'
import { reactivateOfficer, suspendOfficer } from './officer-status.service.js'
import { ROLES } from './officers.permissions.js'
import { ManagedOfficerView } from './officers.schemas.js'
import { unitRoutes } from './units.routes.js'

const Roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length)
const UnitCode = z.string().trim().min(1).max(40)
const Params = z.object({ id: z.uuid() })
const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const OneTime = z.object({
  officer: ManagedOfficerView,
  oneTimePassword: z.string().describe('Shown once: hand it to the officer in person'),
})

export const officerAdminRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/officer/officers',
    {
      schema: {
        tags: ['officers'],
        summary:
          "Officers of the administrator's jurisdiction, by number or name, unit, role and status (paged)",
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          unitCode: UnitCode.optional(),
          role: z.enum(ROLES).optional(),
          status: z.enum(['active', 'suspended']).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            items: z.array(ManagedOfficerView),
            page: z.number(),
            pageSize: z.number(),
            total: z.number(),
          }),
          ...Errors,
        },
      },
    },
    async (req) => findOfficers(deps, await managerOf(deps, req, false), req.query),
  )
  r.post(
    '/api/v1/officer/officers',
    {
      schema: {
        tags: ['officers'],
        summary:
          'Create an officer (administrators): the one-time first password is shown only here; the officer ' +
          'chooses their own and enrols the authenticator at the first login',
        body: z.object({
          officerNumber: OfficerNumber,
          fullName: z.string().trim().min(1).max(200),
          unitCode: UnitCode,
          roles: Roles,
        }),
        response: { 201: z.object({ officer: ManagedOfficerView, initialPassword: z.string() }), ...Errors },
      },
    },
    async (req, reply) => {
      const m = await managerOf(deps, req, true)
      reply.header('cache-control', 'no-store')
      return reply.code(201).send(await createOfficerAs(deps, m, req.body))
    },
  )
  r.get(
    '/api/v1/officer/officers/:id',
    {
      schema: {
        tags: ['officers'],
        summary: "One officer of the administrator's jurisdiction, with their number of live sessions",
        params: Params,
        response: { 200: ManagedOfficerView.extend({ liveSessions: z.number() }), ...Errors },
      },
    },
    async (req) => viewOfficer(deps, await managerOf(deps, req, false), req.params.id),
  )
  r.post(
    '/api/v1/officer/officers/:id/assignment',
    {
      schema: {
        tags: ['officers'],
        summary:
          "Change an officer's roles or unit (never one's own; never the last active administrator's role)",
        params: Params,
        body: z
          .object({ roles: Roles.optional(), unitCode: UnitCode.optional() })
          .refine((b) => b.roles !== undefined || b.unitCode !== undefined, 'roles or unitCode'),
        response: { 200: ManagedOfficerView, ...Errors },
      },
    },
    async (req) => changeAssignment(deps, await managerOf(deps, req, true), req.params.id, req.body),
  )
  r.post(
    '/api/v1/officer/officers/:id/suspend',
    {
      schema: {
        tags: ['officers'],
        summary: 'Suspend an officer (administrators): their sessions end at once',
        params: Params,
        response: { 200: ManagedOfficerView, ...Errors },
      },
    },
    async (req) => suspendOfficer(deps, await managerOf(deps, req, true), req.params.id),
  )
  r.post(
    '/api/v1/officer/officers/:id/reactivate',
    {
      schema: {
        tags: ['officers'],
        summary: 'Reactivate a suspended officer, with the password and authenticator they had',
        params: Params,
        response: { 200: ManagedOfficerView, ...Errors },
      },
    },
    async (req) => reactivateOfficer(deps, await managerOf(deps, req, true), req.params.id),
  )
  r.post(
    '/api/v1/officer/officers/:id/reset-password',
    {
      schema: {
        tags: ['officers'],
        summary:
          'A new one-time password (shown once); sessions end; the next login (password and code) must change it',
        params: Params,
        response: { 200: OneTime, ...Errors },
      },
    },
    async (req, reply) => {
      const m = await managerOf(deps, req, true)
      reply.header('cache-control', 'no-store')
      return resetCredentials(deps, m, req.params.id, 'password')
    },
  )
  r.post(
    '/api/v1/officer/officers/:id/reset-authenticator',
    {
      schema: {
        tags: ['officers'],
        summary:
          'For a lost authenticator: it is removed, a one-time password is issued (shown once), sessions end; ' +
          'the next login enrols a new authenticator',
        params: Params,
        response: { 200: OneTime, ...Errors },
      },
    },
    async (req, reply) => {
      const m = await managerOf(deps, req, true)
      reply.header('cache-control', 'no-store')
      return resetCredentials(deps, m, req.params.id, 'authenticator')
    },
  )
  unitRoutes(app, deps)
}
