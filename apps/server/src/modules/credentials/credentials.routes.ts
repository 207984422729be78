import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody } from '../../platform/http/error-body.js'
import type { CredentialsDeps } from './credentials.issuance.js'
import { iacaCertificates, issuerJwks } from './issuer-keys.js'
import { STATUS_LIST_CWT_TYPE } from './status-list.cwt.js'
import { prefersCwt } from './status-list.negotiation.js'
import { publishStatusList, publishStatusListCwt, STATUS_LIST_TTL_S } from './status-list.service.js'

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
        summary:
          'A Token Status List (draft-ietf-oauth-status-list): one bit per credential, as a JWT or a CWT',
        description:
          'A signed JWT (application/statuslist+jwt, ES256 by a key of /.well-known/jwt-vc-issuer) by default; ' +
          'with Accept: application/statuslist+cwt, the same list as a CWT (COSE_Sign1 by the mdoc document ' +
          'signer, x5chain under the IACA root of /api/v1/credentials/mdoc-iaca), for mdoc verifiers.',
        params: z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
        response: { 200: z.string(), 404: ErrorBody },
      },
    },
    async (req, reply) => {
      reply.header('vary', 'accept')
      if (prefersCwt(req.headers.accept)) {
        const cwt = await publishStatusListCwt(deps, req.params.id)
        reply.header('content-type', STATUS_LIST_CWT_TYPE)
        reply.header('cache-control', `public, max-age=${STATUS_LIST_TTL_S}`)
        // A Buffer goes out as it is, past the serializer; the response schema describes the JWT form.
        return reply.send(Buffer.from(cwt) as never)
      }
      const jwt = await publishStatusList(deps, req.params.id)
      reply.header('content-type', 'application/statuslist+jwt')
      reply.header('cache-control', `public, max-age=${STATUS_LIST_TTL_S}`)
      return jwt
    },
  )
}
