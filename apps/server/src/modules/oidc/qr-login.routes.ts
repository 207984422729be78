import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from '../accounts/index.js'
import { enforceRateLimit } from '../authn/index.js'
import { decideQrLogin, inspectQrLogin } from './qr-login.service.js'

// A holder reads or decides at most 30 codes per 10 minutes: codes cannot be guessed through the app.
const PER_ACCOUNT = { limit: 30, windowSeconds: 600 }

const CodeBody = z.object({
  code: z
    .string()
    .max(64)
    .describe('The code as scanned (dinhdanh-login:…) or typed (10 letters and digits)'),
})
const Request = z.object({
  clientName: z.string().describe('The relying party that asks the holder to log in'),
  purpose: z.string().nullable(),
  browser: z.string().describe('The browser asking, e.g. "Chrome · Windows"'),
  ip: z.string().describe("The browser's address with its last part hidden"),
  createdAt: z.string(),
  expiresAt: z.string(),
})
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody }

/** The citizen app's side of login by QR code: read a code, then approve or refuse it. */
export const qrLoginRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const holder = async (req: Parameters<typeof requireSession>[1]) => {
    const s = await requireSession(deps, req, { csrf: true })
    await enforceRateLimit(deps, `oidc-qr-app:account:${s.account.id}`, PER_ACCOUNT)
    return s
  }
  r.post(
    '/api/v1/me/qr-login/inspect',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Read a web login code: which service asks, from which browser (level 2 with web login by QR code on); the first account to read it holds it',
        body: CodeBody,
        response: { 200: Request, ...errors },
      },
    },
    async (req) => inspectQrLogin(deps, await holder(req), req.body.code),
  )
  for (const decision of ['approve', 'refuse'] as const)
    r.post(
      `/api/v1/me/qr-login/${decision}`,
      {
        schema: {
          tags: ['accounts'],
          summary:
            decision === 'approve'
              ? 'Approve a web login code: the browser is logged in with this account (needs a step-up)'
              : 'Refuse a web login code: the browser is told so',
          body: CodeBody,
          response: {
            200: Request.extend({ decision: z.enum(['approved', 'refused']) }),
            ...errors,
          },
        },
      },
      async (req) =>
        decideQrLogin(deps, await holder(req), req.body.code, decision, { ip: req.ip, requestId: req.id }),
    )
}
