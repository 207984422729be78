import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'

const Jwk = z.object({
  kty: z.string(),
  crv: z.string(),
  x: z.string(),
  y: z.string(),
  kid: z.string(),
  alg: z.literal('ES256'),
  use: z.literal('sig'),
})

export const keysRoutes = (app: FastifyInstance, deps: Deps) => {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['platform'],
        summary: 'Public keys that verify the platform’s signatures (active and recently retired)',
        response: { 200: z.object({ keys: z.array(Jwk) }) },
      },
    },
    async (_req, reply) => {
      // Short: verifiers pick up a rotation within a minute, and refetch at once on an unknown kid.
      reply.header('cache-control', 'public, max-age=60')
      return deps.keys.jwks()
    },
  )
}
