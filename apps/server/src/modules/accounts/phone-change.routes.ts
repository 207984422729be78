import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { finishPhoneChange, startPhoneChange } from './phone-change.service.js'
import { requireSession } from './session.routes.js'

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
  429: ErrorBody,
  503: ErrorBody,
}

export const phoneChangeRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/me/phone/start',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Change the registered phone, step 1: the new number must be in your own name (asked of the carrier), then a code to each number',
        body: z.object({ newPhone: z.string().max(20) }),
        response: { 202: z.object({ currentHint: z.string(), newHint: z.string() }), ...errors },
      },
    },
    async (req, reply) =>
      reply.code(202).send(
        await startPhoneChange(deps, await requireSession(deps, req, { csrf: true }), req.body, {
          requestId: req.id,
        }),
      ),
  )
  r.post(
    '/api/v1/me/phone/finish',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change the registered phone, step 2: both codes',
        body: z.object({
          newPhone: z.string().max(20),
          currentCode: z.string().regex(/^\d{6}$/),
          newCode: z.string().regex(/^\d{6}$/),
        }),
        response: { 200: z.object({ phone: z.string(), sessionsEnded: z.number() }), ...errors },
      },
    },
    async (req) => finishPhoneChange(deps, await requireSession(deps, req, { csrf: true }), req.body),
  )
}
