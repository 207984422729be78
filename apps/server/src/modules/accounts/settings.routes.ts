import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { clientOf, requireSession } from './session.routes.js'
import { settingsOf, setWebQrLogin } from './settings.service.js'

const Settings = z.object({
  webQrLogin: z.boolean().describe('A browser may be logged in by scanning its QR code with this app'),
  webQrLoginAvailable: z.boolean().describe('Whether the account may turn it on (level 2 only)'),
})

export const settingsRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/me/settings',
    {
      schema: {
        tags: ['accounts'],
        summary: "The holder's account settings",
        response: { 200: Settings, 401: ErrorBody },
      },
    },
    async (req) => settingsOf(deps, await requireSession(deps, req, { csrf: false })),
  )
  r.post(
    '/api/v1/me/settings/web-qr-login',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Allow or forbid logging in on the web by scanning a QR code with the app (level 2; turning it on needs a step-up)',
        body: z.object({ enabled: z.boolean() }),
        response: { 200: Settings, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) =>
      setWebQrLogin(
        deps,
        await requireSession(deps, req, { csrf: true }),
        req.body.enabled,
        clientOf(deps, req, reply),
      ),
  )
}
