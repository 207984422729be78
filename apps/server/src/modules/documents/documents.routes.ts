import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from '../accounts/index.js'
import { requireOfficer } from '../officers/index.js'
import type { Connectors } from './connector.port.js'
import { DOCUMENTS } from './documents.errors.js'
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './documents.kinds.js'
import {
  type IntegratedDocument,
  integrateDocument,
  integratedDocumentsOf,
  removeDocument,
} from './integration.service.js'
import { createConnectors } from './sandbox.connector.js'

const DocumentView = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string().describe('Canonical number: no spaces, dots or dashes'),
  sourceSystem: z.string().describe('The issuing system that vouched for it'),
  status: z.enum(DOCUMENT_STATUSES),
  validFrom: z.string(),
  validTo: z.string().nullable().describe('null: valid for life'),
  data: z.record(z.string(), z.unknown()).describe("The kind's own fields (docs/documents.md)"),
  integratedVia: z.enum(['app', 'counter']),
  integratedAt: z.string(),
  syncedAt: z.string().describe('When the copy was last brought in line with its source'),
})

const toView = (d: IntegratedDocument): z.infer<typeof DocumentView> => ({
  id: d.id,
  kind: d.kind,
  number: d.number,
  sourceSystem: d.sourceSystem,
  status: d.status,
  validFrom: d.validFrom,
  validTo: d.validTo,
  data: { ...d.data },
  integratedVia: d.integratedVia,
  integratedAt: d.integratedAt.toISOString(),
  syncedAt: d.syncedAt.toISOString(),
})

const Integration = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: z
    .string()
    .min(1)
    .max(40)
    .describe('As printed on the original; spaces, dots and dashes are ignored'),
})

/** The citizen's and the counter's document routes, over the given connector registry. */
export const documentsRoutesWith =
  (connectors: (deps: Deps) => Connectors) => (app: FastifyInstance, deps: Deps) => {
    const sources = connectors(deps)
    const r = app.withTypeProvider<ZodTypeProvider>()
    r.get(
      '/api/v1/documents',
      {
        schema: {
          tags: ['documents'],
          summary: 'My integrated documents, each with its status and validity',
          response: { 200: z.object({ items: z.array(DocumentView) }), 401: ErrorBody },
        },
      },
      async (req) => {
        const s = await requireSession(deps, req, { csrf: false })
        return { items: (await integratedDocumentsOf(deps.db, s.account.subject_id)).map(toView) }
      },
    )
    r.post(
      '/api/v1/documents',
      {
        schema: {
          tags: ['documents'],
          summary:
            'Integrate a document: matched against the issuing system by personal ID and number (level 2)',
          body: Integration,
          response: {
            201: DocumentView,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
            422: ErrorBody,
            503: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const s = await requireSession(deps, req, { csrf: true })
        if (s.account.level !== 2) fail(DOCUMENTS.LEVEL2_REQUIRED)
        const doc = await integrateDocument(
          deps,
          sources,
          { kind: 'citizen', requestId: req.id },
          { subjectId: s.account.subject_id, ...req.body },
        )
        return reply.code(201).send(toView(doc))
      },
    )
    r.delete(
      '/api/v1/documents/:id',
      {
        schema: {
          tags: ['documents'],
          summary: 'Remove a document from the app (recorded in my history)',
          params: z.object({ id: z.uuid() }),
          response: {
            200: z.object({ removed: z.string() }),
            400: ErrorBody,
            401: ErrorBody,
            404: ErrorBody,
          },
        },
      },
      async (req) => {
        const s = await requireSession(deps, req, { csrf: true })
        await removeDocument(deps, s.account.subject_id, req.params.id, req.id)
        return { removed: req.params.id }
      },
    )
    r.post(
      '/api/v1/officer/documents',
      {
        schema: {
          tags: ['documents'],
          summary: 'At the counter: integrate a document whose original the officer checked (TK01)',
          body: Integration.extend({
            personalId: z.string().regex(/^[0-9]{12}$/),
            originalsChecked: z.boolean().describe('The officer saw the original and it matches'),
          }),
          response: {
            201: DocumentView,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
            422: ErrorBody,
            503: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const current = await requireOfficer(deps, req, { permission: 'counter.receive', csrf: true })
        if (!req.body.originalsChecked) fail(DOCUMENTS.ORIGINALS_NOT_CHECKED)
        const { personalId, kind, number } = req.body
        const doc = await integrateDocument(
          deps,
          sources,
          { kind: 'officer', officer: current.officer, requestId: req.id },
          { subjectId: personalId, kind, number },
        )
        return reply.code(201).send(toView(doc))
      },
    )
  }

/** The routes over the default registry: every kind served by its sandbox. */
export const documentsRoutes = documentsRoutesWith((deps) => createConnectors(deps.db))
