import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { actForRoutes } from './interaction.act-for.js'
import { interactionRoutes } from './interaction.routes.js'
import { oidcRuntimeOf } from './oidc.provider.js'
import { qrLoginPageRoutes } from './qr-login.page-routes.js'

/**
 * The OpenID provider inside the Fastify server. oidc-provider is a Koa app that reads the raw request
 * itself, so its routes live in a plugin whose only body "parser" leaves the stream untouched, and the
 * reply is hijacked to hand it the raw Node request and response. Our login and consent pages are
 * ordinary Fastify routes under /oidc/interaction.
 */
export const oidcRoutes = async (app: FastifyInstance, deps: Deps) => {
  const oidc = oidcRuntimeOf(deps)
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null))
    const toProvider = async (req: FastifyRequest, reply: FastifyReply) => {
      const { handle } = await oidc.current()
      reply.hijack()
      // Hijacked replies skip onSend: the id is set here, and the data-access log reads it back.
      reply.raw.setHeader('x-request-id', req.id)
      await handle(req.raw, reply.raw)
    }
    scope.route({
      method: ['GET', 'POST', 'OPTIONS'],
      url: '/oidc/*',
      schema: { hide: true },
      handler: toProvider,
    })
    scope.route({
      method: ['GET', 'OPTIONS'],
      url: '/.well-known/openid-configuration',
      schema: { hide: true },
      handler: toProvider,
    })
  })
  await app.register(async (scope) => interactionRoutes(scope, deps, oidc))
  await app.register(async (scope) => qrLoginPageRoutes(scope, deps, oidc))
  await app.register(async (scope) => actForRoutes(scope, deps, oidc))
}
