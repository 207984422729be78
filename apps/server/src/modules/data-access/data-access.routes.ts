import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from '../accounts/index.js'
import { listDataAccess, listDependentDataAccess } from './data-access.service.js'
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

const Page = z.object({
  before: z.string().max(40).optional().describe('Page back: the `next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
const ReleasePage = z.object({ items: z.array(Release), next: z.string().nullable() })

export const dataAccessRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/me/data-access',
    {
      schema: {
        tags: ['data-access'],
        summary: 'My data-access log: every release of my data to a service, with what, to whom and why',
        querystring: Page,
        response: { 200: ReleasePage, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: false })
      return listDataAccess(deps.db, deps.clock, s.account.subject_id, req.query)
    },
  )
  r.get(
    '/api/v1/me/dependents/:personalId/data-access',
    {
      schema: {
        tags: ['data-access'],
        summary: "My dependent's data-access log, read as their representative (recorded under both)",
        description:
          'Only while you act for the dependent (accounts.NOT_REPRESENTATIVE, accounts.REPRESENTATION_ENDED otherwise): a live representation, the registry recording you as parent or guardian, a child under the takeover age.',
        params: z.object({ personalId: z.string().regex(/^([0-9]{12}|NN[0-9]{10})$/) }),
        querystring: Page,
        response: { 200: ReleasePage, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) => {
      const s = await requireSession(deps, req, { csrf: false })
      void reply.header('cache-control', 'no-store')
      return listDependentDataAccess(deps, s.account, req.params.personalId, req.query, req.id)
    },
  )
}
