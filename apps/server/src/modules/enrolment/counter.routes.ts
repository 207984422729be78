import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { OFFICERS, requireOfficer } from '../officers/index.js'
import { approveCounterDossier, rejectCounterDossier } from './approval.service.js'
import { approvalQueue, readCounterDossier } from './approval-queue.service.js'
import { BiometricsBody, ConfirmBody, IdParams, OpenBody, QueueQuery, RejectBody } from './counter.schemas.js'
import { captureBiometrics } from './counter-biometrics.service.js'
import { cancelCounterDossier, confirmCounterDossier } from './counter-confirm.service.js'
import { loadCounterDossier } from './counter-dossier.load.js'
import { toDossierView } from './counter-dossier.view.js'
import { openCounterDossier } from './counter-open.service.js'
import { registrationSlip } from './registration-slip.pdf.js'

const TAGS = ['counter']

/** Receiving officers and approvers both read dossiers; nobody else. */
const readingOfficer = async (deps: Deps, req: FastifyRequest) => {
  const current = await requireOfficer(deps, req, { csrf: false })
  const p = current.officer.permissions
  if (!p.includes('counter.receive') && !p.includes('dossier.approve')) fail(OFFICERS.PERMISSION_DENIED)
  return { officer: current.officer, requestId: req.id }
}

const receiving = async (deps: Deps, req: FastifyRequest) => ({
  officer: (await requireOfficer(deps, req, { permission: 'counter.receive', csrf: true })).officer,
  requestId: req.id,
})
const approving = async (deps: Deps, req: FastifyRequest, csrf = true) => ({
  officer: (await requireOfficer(deps, req, { permission: 'dossier.approve', csrf })).officer,
  requestId: req.id,
})

export const counterRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/counter/dossiers',
    { schema: { tags: TAGS, summary: 'Open a level-2 dossier (form TK01) at the counter', body: OpenBody } },
    async (req, reply) => {
      const ctx = await receiving(deps, req)
      const id = await openCounterDossier(deps, req.body, ctx)
      const d = await loadCounterDossier(deps, id, ctx.officer)
      return reply.code(201).send(toDossierView(d))
    },
  )
  r.post(
    '/api/v1/counter/dossiers/:id/biometrics',
    {
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Face and fingerprints checked 1:1 against the registry',
        params: IdParams,
        body: BiometricsBody,
      },
    },
    async (req) =>
      toDossierView(await captureBiometrics(deps, req.params.id, req.body, await receiving(deps, req))),
  )
  r.post(
    '/api/v1/counter/dossiers/:id/confirm',
    {
      schema: {
        tags: TAGS,
        summary: 'The citizen checked and signed: the dossier is submitted',
        params: IdParams,
        body: ConfirmBody,
      },
    },
    async (req) => {
      const statement = req.body.statement ?? 'citizen signed the TK01 slip'
      return toDossierView(
        await confirmCounterDossier(deps, req.params.id, statement, await receiving(deps, req)),
      )
    },
  )
  r.post(
    '/api/v1/counter/dossiers/:id/cancel',
    { schema: { tags: TAGS, summary: 'Cancel a dossier before it is submitted', params: IdParams } },
    async (req) => toDossierView(await cancelCounterDossier(deps, req.params.id, await receiving(deps, req))),
  )
  r.get(
    '/api/v1/counter/dossiers/:id',
    { schema: { tags: TAGS, summary: 'One dossier with its audit trail', params: IdParams } },
    async (req) => readCounterDossier(deps, req.params.id, await readingOfficer(deps, req)),
  )
  r.get(
    '/api/v1/counter/dossiers/:id/slip.pdf',
    {
      schema: {
        tags: TAGS,
        summary: 'The registration slip as a PDF, with a QR to the dossier',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const ctx = await readingOfficer(deps, req)
      const d = await loadCounterDossier(deps, req.params.id, ctx.officer)
      const pdf = await registrationSlip(d, deps.config.publicUrl, deps.clock.now())
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="${d.number}.pdf"`)
        .send(Buffer.from(pdf))
    },
  )
  r.get(
    '/api/v1/counter/queue',
    {
      schema: {
        tags: TAGS,
        summary: "Submitted dossiers of the approver's jurisdiction, oldest due first",
        querystring: QueueQuery,
      },
    },
    async (req) => approvalQueue(deps, req.query, await approving(deps, req, false)),
  )
  r.post(
    '/api/v1/counter/dossiers/:id/approve',
    {
      schema: { tags: TAGS, summary: 'Approve (four eyes): level-2 account and e-ID card', params: IdParams },
    },
    async (req) => {
      const { dossier, granted } = await approveCounterDossier(
        deps,
        req.params.id,
        await approving(deps, req),
      )
      return { ...toDossierView(dossier), account: granted }
    },
  )
  r.post(
    '/api/v1/counter/dossiers/:id/reject',
    {
      schema: {
        tags: TAGS,
        summary: 'Reject (four eyes) with a reason code',
        params: IdParams,
        body: RejectBody,
      },
    },
    async (req) =>
      toDossierView(
        await rejectCounterDossier(
          deps,
          req.params.id,
          req.body.reason,
          req.body.note,
          await approving(deps, req),
        ),
      ),
  )
}
