import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from '../accounts/index.js'
import { listConnections, revokeConnection } from './consent.service.js'

const TAGS = ['data-access']

const Connection = z.object({
  clientId: z.string(),
  name: z.string().describe('The relying party, as registered'),
  purpose: z.string().nullable().describe('Why it asks for the data (its registered purpose)'),
  scopes: z.array(z.string()).describe("What the citizen agreed to share, e.g. ['openid', 'profile']"),
  grantedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe('When the consent lapses and is asked again'),
  lastUsedAt: z.string().nullable().describe('The last release of data to it (null: none logged)'),
})

export const consentRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/me/connections',
    {
      schema: {
        tags: TAGS,
        summary: 'Connected services: the relying parties I have a remembered consent with',
        response: { 200: z.object({ items: z.array(Connection) }), 401: ErrorBody },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: false })
      return { items: await listConnections(deps, s.account.subject_id) }
    },
  )
  r.delete(
    '/api/v1/me/connections/:clientId',
    {
      schema: {
        tags: TAGS,
        summary: 'Revoke my consent: the service loses its tokens at once and must ask again',
        params: z.object({ clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
        response: {
          200: z.object({ revoked: z.string(), grants: z.number(), tokens: z.number() }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: true })
      return revokeConnection(deps, s.account.subject_id, req.params.clientId, req.id)
    },
  )
}
