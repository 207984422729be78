import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody } from '../../platform/http/error-body.js'
import type { CredentialsDeps } from './credentials.issuance.js'
import { iacaCertificates, issuerJwks } from './issuer-keys.js'
import { publishStatusList, STATUS_LIST_TTL_S } from './status-list.service.js'

const Jwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  kid: z.string(),
  alg: z.literal('ES256'),
  use: z.literal('sig'),
})

export const credentialsRoutes = (app: FastifyInstance, deps: CredentialsDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/.well-known/jwt-vc-issuer',
    {
      schema: {
        tags: ['credentials'],
        summary: 'SD-JWT VC issuer metadata: the keys that verify our credentials and status lists',
        response: { 200: z.object({ issuer: z.string(), jwks: z.object({ keys: z.array(Jwk) }) }) },
      },
    },
    async (_req, reply) => {
      // Short: verifiers pick up a rotation within a minute (and refetch at once on an unknown kid).
      reply.header('cache-control', 'public, max-age=60')
      return { issuer: deps.config.publicUrl, jwks: await issuerJwks(deps) }
    },
  )
  r.get(
    '/api/v1/credentials/mdoc-iaca',
    {
      schema: {
        tags: ['credentials'],
        summary: 'The IACA root certificates (PEM) that mdoc verifiers trust for our driving licences',
        response: { 200: z.object({ certificates: z.array(z.string()) }) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600')
      return { certificates: await iacaCertificates(deps) }
    },
  )
  r.get(
    '/api/v1/credentials/status-lists/:id',
    {
      schema: {
        tags: ['credentials'],
        summary: 'A Token Status List (draft-ietf-oauth-status-list) as a signed JWT: one bit per credential',
        params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
        response: { 200: z.string(), 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const jwt = await publishStatusList(deps, req.params.id)
      reply.header('content-type', 'application/statuslist+jwt')
      reply.header('cache-control', `public, max-age=${STATUS_LIST_TTL_S}`)
      return jwt
    },
  )
}
