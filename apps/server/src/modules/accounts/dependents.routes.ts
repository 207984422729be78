import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { dependentHistory, listDependents, registerDependent } from './dependents.service.js'
import { requireSession } from './session.routes.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody }

export const dependentsRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/me/dependents',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Register my child or ward (Decree 69: an account of their own; Decree 59: under my account)',
        body: z.object({
          personalId: z.string().max(20),
          fullName: z.string().min(1).max(200),
          dateOfBirth: z.string().max(10),
        }),
        response: {
          200: z.object({
            personalId: z.string(),
            fullName: z.string(),
            kind: z.enum(['own_account', 'under_representative_account']),
            account: z.object({ level: z.number(), status: z.literal('approved') }).nullable(),
            takeoverAge: z.number().nullable(),
            source: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (req) => registerDependent(deps, await requireSession(deps, req, { csrf: true }), req.body),
  )
  r.get(
    '/api/v1/me/dependents',
    {
      schema: {
        tags: ['accounts'],
        summary: 'My dependents',
        response: {
          200: z.array(
            z.object({
              personalId: z.string(),
              fullName: z.string().nullable(),
              relation: z.string(),
              regime: z.string(),
              accountStatus: z.string().nullable(),
              since: z.string(),
            }),
          ),
          401: ErrorBody,
        },
      },
    },
    async (req) => listDependents(deps, await requireSession(deps, req, { csrf: false })),
  )
  r.get(
    '/api/v1/me/dependents/:personalId/history',
    {
      schema: {
        tags: ['accounts'],
        summary: "A dependent's usage history, read by the representative (recorded under both)",
        params: z.object({ personalId: z.string().max(20) }),
        response: {
          200: z.array(
            z.object({
              seq: z.number(),
              at: z.string(),
              actor: z.string(),
              actorKind: z.string(),
              action: z.string(),
              purpose: z.string().nullable(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) =>
      dependentHistory(deps, await requireSession(deps, req, { csrf: false }), req.params.personalId),
  )
}
