import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from '../accounts/index.js'
import { listOnBehalfConnections, revokeOnBehalfConnection } from './consent.on-behalf.js'
import {
  byLastUse,
  listConnections,
  listDependentConnections,
  revokeConnection,
  revokeDependentConnection,
} from './consent.service.js'
import { SubjectId } from './oidc.act-for.js'

const TAGS = ['data-access']
const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
const Revoked = z.object({ revoked: z.string(), grants: z.number(), tokens: z.number() })
const FOR_DEPENDENT =
  'Only while you act for the dependent (accounts.NOT_REPRESENTATIVE, accounts.REPRESENTATION_ENDED otherwise): a live representation, the registry recording you as parent or guardian, a child under the takeover age. Recorded under both of you.'

const Connection = z.object({
  clientId: z.string(),
  name: z.string().describe('The relying party, as registered'),
  purpose: z.string().nullable().describe('Why it asks for the data (its registered purpose)'),
  scopes: z.array(z.string()).describe("What the citizen agreed to share, e.g. ['openid', 'profile']"),
  grantedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe('When the consent lapses and is asked again'),
  lastUsedAt: z.string().nullable().describe('The last release of data to it (null: none logged)'),
  givenBy: z
    .array(z.object({ name: z.string(), grantedAt: z.string().nullable() }))
    .nullable()
    .describe(
      "null: the holder's own consent. Else a consent a parent or guardian gave while signing in for the holder, with each one's name and the day they agreed",
    ),
})

export const consentRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/me/connections',
    {
      schema: {
        tags: TAGS,
        summary: 'Connected services: the relying parties I have a remembered consent with',
        description:
          'Also the consents a parent or guardian gave while signing in for me (givenBy), e.g. before I took my account over.',
        response: { 200: z.object({ items: z.array(Connection) }), 401: ErrorBody },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: false })
      const [own, onBehalf] = await Promise.all([
        listConnections(deps, s.account.subject_id),
        listOnBehalfConnections(deps, s.account.subject_id),
      ])
      return { items: [...own, ...onBehalf].sort(byLastUse) }
    },
  )
  r.delete(
    '/api/v1/me/connections/:clientId',
    {
      schema: {
        tags: TAGS,
        summary: 'Revoke my consent: the service loses its tokens at once and must ask again',
        params: z.object({ clientId: ClientId }),
        response: {
          200: Revoked,
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
  r.delete(
    '/api/v1/me/connections/:clientId/on-behalf',
    {
      schema: {
        tags: TAGS,
        summary:
          'Revoke the consents my parents or guardians gave for me to this service: it loses its tokens at once',
        params: z.object({ clientId: ClientId }),
        response: { 200: Revoked, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: true })
      return revokeOnBehalfConnection(deps, s.account.subject_id, req.params.clientId, req.id)
    },
  )
  r.get(
    '/api/v1/me/dependents/:personalId/connections',
    {
      schema: {
        tags: TAGS,
        summary: "A dependent's connected services: the consents I gave while signing in for them",
        description: FOR_DEPENDENT,
        params: z.object({ personalId: SubjectId }),
        response: {
          200: z.object({ items: z.array(Connection) }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
        },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: false })
      return { items: await listDependentConnections(deps, s.account, req.params.personalId, req.id) }
    },
  )
  r.delete(
    '/api/v1/me/dependents/:personalId/connections/:clientId',
    {
      schema: {
        tags: TAGS,
        summary: 'Revoke a consent I gave for my dependent: the service loses its tokens at once',
        description: FOR_DEPENDENT,
        params: z.object({ personalId: SubjectId, clientId: ClientId }),
        response: { 200: Revoked, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: true })
      return revokeDependentConnection(deps, s.account, req.params.personalId, req.params.clientId, req.id)
    },
  )
}
