import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { changePasscode, changePassword } from './credentials.service.js'
import { clientOf, requireSession } from './session.routes.js'
import { stepUpWithPasscode } from './step-up.js'

const Changed = z.object({
  changed: z.enum(['password', 'passcode']),
  sessionsEnded: z.number().describe('Sessions on other devices ended by the change'),
})
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody }

export const securityRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/auth/step-up/passcode',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Step-up with the 6-digit passcode: sensitive actions are allowed for 5 minutes',
        body: z.object({ passcode: z.string().max(10) }),
        response: { 200: z.object({ method: z.string(), validUntil: z.string() }), ...errors },
      },
    },
    async (req, reply) =>
      stepUpWithPasscode(
        deps,
        await requireSession(deps, req, { csrf: true }),
        req.body.passcode,
        clientOf(deps, req, reply),
      ),
  )
  r.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'A new password (the current one is asked); other sessions end',
        body: z.object({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }),
        response: { 200: Changed, ...errors },
      },
    },
    async (req, reply) =>
      changePassword(
        deps,
        await requireSession(deps, req, { csrf: true }),
        req.body,
        clientOf(deps, req, reply),
      ),
  )
  r.post(
    '/api/v1/me/passcode',
    {
      schema: {
        tags: ['accounts'],
        summary: 'A new 6-digit passcode (after a step-up); other sessions end',
        body: z.object({ newPasscode: z.string().max(10) }),
        response: { 200: Changed, ...errors },
      },
    },
    async (req, reply) =>
      changePasscode(
        deps,
        await requireSession(deps, req, { csrf: true }),
        req.body,
        clientOf(deps, req, reply),
      ),
  )
}
