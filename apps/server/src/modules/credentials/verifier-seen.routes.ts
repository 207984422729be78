import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireMachineToken } from '../oidc/index.js'
import { markPresentationSeen } from './verifier-seen.service.js'

/** The verifier scope of the machine token (docs/oidc.md, client credentials), as for redeeming online QRs. */
export const SEEN_SCOPE = 'share_redeem'

const SeenRequest = z.object({
  presentation: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .describe("base64url SHA-256 of the presentation's seen key (vn-share seenKeyDigest): never the QR"),
  until: z.iso.datetime({ offset: true }).describe('When the QR can no longer be accepted (its time + 61 s)'),
})

const SeenView = z.object({
  status: z.enum(['first_seen', 'replay']),
  expiresAt: z.string().describe('Until when this verifier is told "replay" for it'),
})

export const verifierSeenRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/verifier/presentations/seen',
    {
      schema: {
        tags: ['credentials'],
        summary: "A verifier's scanners share one replay store for offline QRs (VNO1)",
        description:
          'Bearer access token of the client_credentials grant with scope share_redeem. Records the digest for ' +
          'this verifier atomically and answers first_seen, or replay when any scanner of the same verifier ' +
          'sent it before. Another verifier is not told about it (docs/sharing.md).',
        body: SeenRequest,
        response: { 200: SeenView, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) => {
      const caller = await requireMachineToken(deps, req, reply, SEEN_SCOPE)
      reply.header('cache-control', 'no-store')
      const answer = await markPresentationSeen(deps, caller.clientId, {
        presentation: req.body.presentation,
        until: new Date(req.body.until),
      })
      return { status: answer.status, expiresAt: answer.expiresAt.toISOString() }
    },
  )
}
