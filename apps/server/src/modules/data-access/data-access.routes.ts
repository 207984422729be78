import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from '../accounts/index.js'
import { listDataAccess } from './data-access.service.js'
import { RECIPIENT_KINDS } from './data-access.table.js'

const Release = z.object({
  id: z.string(),
  at: z.string().describe('When the data left (ISO 8601, UTC)'),
  recipient: z.object({
    kind: z.enum(RECIPIENT_KINDS),
    id: z.string().describe("The relying party's client_id, the verifier, the agency"),
    name: z.string(),
  }),
  channel: z.string().describe("How: 'oidc.id_token', 'oidc.userinfo'"),
  claims: z.array(z.string()).describe("The claim names released (e.g. 'name', 'birthdate'), never values"),
  purpose: z.string().nullable().describe('Why, as the recipient declared it'),
  representative: z
    .string()
    .nullable()
    .describe("The parent's or guardian's personal ID number when they signed in for me, else null"),
})

export const dataAccessRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/me/data-access',
    {
      schema: {
        tags: ['data-access'],
        summary: 'My data-access log: every release of my data to a service, with what, to whom and why',
        querystring: z.object({
          before: z.string().max(40).optional().describe('Page back: the `next` of the previous page'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(Release), next: z.string().nullable() }),
          400: ErrorBody,
          401: ErrorBody,
        },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: false })
      return listDataAccess(deps.db, deps.clock, s.account.subject_id, req.query)
    },
  )
}
