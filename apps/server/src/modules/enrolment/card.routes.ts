import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { OFFICERS, type Permission, requireOfficer } from '../officers/index.js'
import { fileStandaloneCardApplication, moveCard, readCardApplication } from './card-application.service.js'
import { toCardApplicationView } from './card-application.view.js'
import { listCardApplications } from './card-application-list.service.js'
import { CardListQuery, CardRejectBody, CardRequest, IdParams } from './counter.schemas.js'
import type { CardApplicationRow, CardApplicationState } from './enrolment.table.js'

const TAGS = ['counter']

const as = async (deps: Deps, req: FastifyRequest, permission: Permission, csrf = true) => ({
  officer: (await requireOfficer(deps, req, { permission, csrf })).officer,
  requestId: req.id,
})

/** The officers who act on card applications: those who receive and deliver them, and approvers. */
const actingOfficer = async (deps: Deps, req: FastifyRequest) => {
  const { officer } = await requireOfficer(deps, req, { csrf: false })
  const p = officer.permissions
  if (!p.includes('counter.receive') && !p.includes('dossier.approve')) fail(OFFICERS.PERMISSION_DENIED)
  return officer
}

const IN_PROGRESS: CardApplicationState[] = ['received', 'approved']

export const cardRoutes = (app: FastifyInstance, deps: Deps) => {
  const view = (a: CardApplicationRow) => toCardApplicationView(a, vietnamDateOf(deps.clock.now()))

  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/counter/card-applications',
    {
      schema: {
        tags: TAGS,
        summary: "ID-card applications of the officer's jurisdiction, earliest due first, overdue flagged",
        querystring: CardListQuery,
      },
    },
    async (req) => {
      const { state, kind, page, pageSize } = req.query
      const states = state === undefined ? [] : state === 'open' ? IN_PROGRESS : [state]
      return listCardApplications(deps, { states, kind, page, pageSize }, await actingOfficer(deps, req))
    },
  )
  r.post(
    '/api/v1/counter/card-applications',
    {
      schema: {
        tags: TAGS,
        summary: 'File an ID-card application (cấp, cấp đổi, cấp lại)',
        body: CardRequest.extend({ personalId: z.string().max(20) }),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          view(await fileStandaloneCardApplication(deps, req.body, await as(deps, req, 'counter.receive'))),
        ),
  )
  r.get(
    '/api/v1/counter/card-applications/:id',
    { schema: { tags: TAGS, summary: 'One ID-card application', params: IdParams } },
    async (req) =>
      view(
        await readCardApplication(deps, req.params.id, (await as(deps, req, 'registry.read', false)).officer),
      ),
  )
  r.post(
    '/api/v1/counter/card-applications/:id/approve',
    { schema: { tags: TAGS, summary: 'Approve (four eyes)', params: IdParams } },
    async (req) =>
      view(await moveCard(deps, req.params.id, 'approve', await as(deps, req, 'dossier.approve'))),
  )
  r.post(
    '/api/v1/counter/card-applications/:id/reject',
    {
      schema: {
        tags: TAGS,
        summary: 'Reject (four eyes) with a reason code',
        params: IdParams,
        body: CardRejectBody,
      },
    },
    async (req) =>
      view(
        await moveCard(
          deps,
          req.params.id,
          'reject',
          await as(deps, req, 'dossier.approve'),
          req.body.reason,
        ),
      ),
  )
  r.post(
    '/api/v1/counter/card-applications/:id/produce',
    {
      schema: {
        tags: TAGS,
        summary: 'The card is produced: written into the registry, the old card replaced',
        params: IdParams,
      },
    },
    async (req) =>
      view(await moveCard(deps, req.params.id, 'produce', await as(deps, req, 'dossier.approve'))),
  )
  r.post(
    '/api/v1/counter/card-applications/:id/deliver',
    { schema: { tags: TAGS, summary: 'The card is handed over at the counter', params: IdParams } },
    async (req) =>
      view(await moveCard(deps, req.params.id, 'deliver', await as(deps, req, 'counter.receive'))),
  )
}
