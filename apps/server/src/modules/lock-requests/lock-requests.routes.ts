import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { OFFICERS, type Permission, requireOfficer } from '../officers/index.js'
import { approveLockRequest, refuseLockRequest } from './decision.service.js'
import type { Ctx } from './lock-request.audit.js'
import { toLockRequestView } from './lock-request.view.js'
import { IdParams, QueueQuery, RecordBody, RecordedQuery, RefuseBody } from './lock-requests.schemas.js'
import { lockRequestQueue, readLockRequest, recordedLockRequests } from './queue.service.js'
import { forwardLockRequest, recordLockRequest } from './record.service.js'

const TAGS = ['counter']
const BASE = '/api/v1/counter/lock-requests'

const as = async (deps: Deps, req: FastifyRequest, permission: Permission, csrf = true): Promise<Ctx> => ({
  officer: (await requireOfficer(deps, req, { permission, csrf })).officer,
  requestId: req.id,
})

/** Recording officers and deciding officers both read requests; nobody else. */
const reading = async (deps: Deps, req: FastifyRequest): Promise<Ctx> => {
  const { officer } = await requireOfficer(deps, req, { csrf: false })
  const p = officer.permissions
  if (!p.includes('lock_request.record') && !p.includes('lock_request.decide'))
    fail(OFFICERS.PERMISSION_DENIED)
  return { officer, requestId: req.id }
}

export const lockRequestRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: "Record an authority's written request to lock or unlock an account",
        body: RecordBody,
      },
    },
    async (req, reply) => {
      const created = await recordLockRequest(deps, req.body, await as(deps, req, 'lock_request.record'))
      return reply.code(201).send(toLockRequestView(created))
    },
  )
  r.post(
    `${BASE}/:id/forward`,
    {
      schema: {
        tags: TAGS,
        summary: 'Forward the request to the deciding body (within 1 working day)',
        params: IdParams,
      },
    },
    async (req) =>
      toLockRequestView(
        await forwardLockRequest(deps, req.params.id, await as(deps, req, 'lock_request.record')),
      ),
  )
  r.get(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: "Forwarded requests of the deciding officer's jurisdiction, earliest due first",
        querystring: QueueQuery,
      },
    },
    async (req) => lockRequestQueue(deps, req.query, await as(deps, req, 'lock_request.decide', false)),
  )
  r.get(
    `${BASE}/recorded`,
    {
      schema: {
        tags: TAGS,
        summary:
          "The requests the officer's unit recorded, newest first, with forward-by dates and overdue flags",
        querystring: RecordedQuery,
      },
    },
    async (req) => recordedLockRequests(deps, req.query, await as(deps, req, 'lock_request.record', false)),
  )
  r.get(
    `${BASE}/:id`,
    { schema: { tags: TAGS, summary: 'One lock request with its audit trail', params: IdParams } },
    async (req) => readLockRequest(deps, req.params.id, await reading(deps, req)),
  )
  r.post(
    `${BASE}/:id/approve`,
    {
      schema: {
        tags: TAGS,
        summary: 'Approve (four eyes) and carry out: the authority lock is placed or lifted',
        params: IdParams,
      },
    },
    async (req) => {
      const { request, account } = await approveLockRequest(
        deps,
        req.params.id,
        await as(deps, req, 'lock_request.decide'),
      )
      return { ...toLockRequestView(request), account }
    },
  )
  r.post(
    `${BASE}/:id/refuse`,
    {
      schema: {
        tags: TAGS,
        summary: 'Refuse (four eyes) with written reasons',
        params: IdParams,
        body: RefuseBody,
      },
    },
    async (req) =>
      toLockRequestView(
        await refuseLockRequest(
          deps,
          req.params.id,
          req.body.reasons,
          await as(deps, req, 'lock_request.decide'),
        ),
      ),
  )
}
