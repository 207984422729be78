import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { finishRecovery, startRecovery } from './recovery.service.js'

const PER_IP = { limit: 20, windowSeconds: 3600 }

export const recoveryRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/accounts/recovery/start',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Forgotten password, step 1: identity data; a code goes to the registered phone if all agree',
        body: z
          .object({
            personalId: z.string().max(20).describe("The 12-digit personal ID, or a foreigner's NN number"),
            phone: z.string().max(20),
            fullName: z.string().min(1).max(200),
            dateOfBirth: z.string().max(10),
            cardIssuedOn: z
              .string()
              .max(10)
              .optional()
              .describe("A citizen's ID card issue date, 'YYYY-MM-DD'"),
            passportNumber: z.string().max(20).optional().describe("A foreigner's passport number"),
            nationality: z
              .string()
              .max(3)
              .optional()
              .describe("A foreigner's nationality, ISO 3166-1 alpha-2, e.g. KR"),
          })
          .refine((b) => b.cardIssuedOn !== undefined || (b.passportNumber && b.nationality), {
            message: 'cardIssuedOn, or passportNumber with nationality, is required',
          }),
        response: { 202: z.object({ sent: z.literal(true) }), 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `recovery:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      return reply.code(202).send(await startRecovery(deps, req.body))
    },
  )
  r.post(
    '/api/v1/accounts/recovery/finish',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Forgotten password, step 2: the code and a new password (and passcode); every session ends',
        body: z.object({
          personalId: z.string().max(20),
          phone: z.string().max(20),
          code: z.string().regex(/^\d{6}$/),
          newPassword: z.string().min(1).max(100),
          newPasscode: z.string().max(10).optional(),
        }),
        response: {
          200: z.object({ reset: z.literal(true), sessionsEnded: z.number() }),
          400: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `recovery:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      return finishRecovery(deps, req.body)
    },
  )
}
