import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireOfficer } from '../officers/index.js'
import { requireMachineToken } from '../oidc/index.js'
import { checkCardQrAsOfficer } from './card-check.officer.js'
import { checkCardQrAsVerifier } from './card-check.verifier.js'
import { CardCheckView, CardQrRequest, OfficerCardCheckView } from './card-check.view.js'

/** The machine scope a verifier's token must carry (docs/oidc.md, client credentials). */
export const VERIFIER_SCOPE = 'share_redeem'

const PurposeHeaders = z.object({
  'x-purpose': z.string().max(200).optional().describe("Why the card is checked; default 'card-check'"),
})

export const cardCheckRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/verifier/card-qr',
    {
      schema: {
        tags: ['card-check'],
        summary: "A registered verifier checks a printed ID card's QR against the registry",
        description:
          'Bearer access token of the client_credentials grant with scope share_redeem. The answer holds match ' +
          "booleans and statuses only, never the registry's data; the check is written to the citizen's data-access log. " +
          'At most VERIFIER_CARD_CHECKS_PER_MINUTE checks per verifier and minute (429 card_check.RATE_LIMITED, Retry-After).',
        body: CardQrRequest,
        response: { 200: CardCheckView, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const caller = await requireMachineToken(deps, req, reply, VERIFIER_SCOPE)
      return checkCardQrAsVerifier(deps, caller, req.body.qr, req.id, reply)
    },
  )
  r.post(
    '/api/v1/officer/card-qr',
    {
      schema: {
        tags: ['card-check'],
        summary:
          "An officer checks a printed ID card's QR against the registry (audited like a registry read)",
        headers: PurposeHeaders,
        body: CardQrRequest,
        response: { 200: OfficerCardCheckView, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const { officer } = await requireOfficer(deps, req, { permission: 'registry.read', csrf: true })
      const purpose = req.headers['x-purpose']
      return checkCardQrAsOfficer(
        deps,
        {
          actor: officer.officerNumber,
          unit: officer.unit.code,
          purpose: typeof purpose === 'string' && purpose.trim() ? purpose.trim() : 'card-check',
          requestId: req.id,
        },
        req.body.qr,
      )
    },
  )
}
