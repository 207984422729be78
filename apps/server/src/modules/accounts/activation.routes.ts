import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { finishActivation, startActivation } from './activation.service.js'

const Start = z.object({
  personalId: z.string().max(20).describe('The username: the personal ID number'),
  phone: z
    .string()
    .max(20)
    .describe('The phone registered with the account (a dependent taking over: their own)'),
  fullName: z.string().max(200).optional().describe('Only to take over an account filed by a representative'),
  dateOfBirth: z.string().max(10).optional(),
  cardIssuedOn: z.string().max(10).optional(),
})
// Per address: guessing codes or numbers from one place is slowed whatever the account.
const PER_IP = { limit: 30, windowSeconds: 3600 }

export const activationRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/accounts/activation/start',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Activation, step 1: a one-time code by SMS (the same answer whether or not an account exists)',
        body: Start,
        response: { 202: z.object({ sent: z.literal(true) }), 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `activation:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      return reply.code(202).send(await startActivation(deps, req.body))
    },
  )
  r.post(
    '/api/v1/accounts/activation/finish',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Activation, step 2: the code, a password, a 6-digit passcode and two security questions',
        body: Start.pick({ personalId: true, phone: true }).extend({
          code: z.string().regex(/^\d{6}$/),
          password: z.string().min(1).max(100),
          passcode: z.string().max(10),
          securityQuestions: z
            .array(z.object({ questionId: z.string().max(60), answer: z.string().max(200) }))
            .max(5),
        }),
        response: {
          200: z.object({ username: z.string(), level: z.number(), status: z.string() }),
          400: ErrorBody,
          409: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `activation:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      return finishActivation(deps, req.body)
    },
  )
}
