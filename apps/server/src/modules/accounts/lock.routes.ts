import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { finishUnlock, lockByHolder, lockWithPassword, startUnlock } from './lock.service.js'
import { requireSession } from './session.routes.js'

const Credentials = z.object({ username: z.string().max(20), password: z.string().max(200) })
const PER_IP = { limit: 30, windowSeconds: 3600 }
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  409: ErrorBody,
  423: ErrorBody,
  429: ErrorBody,
}

export const lockRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/me/lock',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Lock my account now (form TK03): every session ends',
        response: { 200: z.object({ status: z.literal('locked') }), ...errors },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: true })
      return lockByHolder(deps, s.account, {
        actor: s.account.subject_id,
        actorKind: 'citizen',
        requestId: req.id,
      })
    },
  )
  r.post(
    '/api/v1/accounts/lock',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Lock an account without a session (a lost phone): the ID number and the password',
        body: Credentials,
        response: { 200: z.object({ status: z.literal('locked') }), ...errors },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `lock:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      return lockWithPassword(deps, req.body, { ip: req.ip, requestId: req.id })
    },
  )
  r.post(
    '/api/v1/accounts/unlock/start',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Unlock, step 1: the password; a one-time code goes to the registered phone',
        body: Credentials,
        response: { 202: z.object({ phoneHint: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `lock:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      return reply.code(202).send(await startUnlock(deps, req.body, req.ip))
    },
  )
  r.post(
    '/api/v1/accounts/unlock/finish',
    {
      schema: {
        tags: ['accounts'],
        summary: "Unlock, step 2: the code lifts the holder's own locks",
        body: z.object({ username: z.string().max(20), code: z.string().regex(/^\d{6}$/) }),
        response: {
          200: z.object({ status: z.enum(['active', 'locked']), remainingLocks: z.number() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `lock:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      return finishUnlock(deps, req.body, { requestId: req.id })
    },
  )
}
