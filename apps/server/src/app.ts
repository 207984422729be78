import { randomUUID } from 'node:crypto'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Deps } from './deps.js'
import { installErrorHandler } from './platform/http/error-handler.js'
import { healthRoutes } from './platform/http/health.routes.js'
import { installWeb } from './platform/http/web.js'
import { moduleRoutes } from './routes.js'

export type AppOptions = {
  /** Routes added before the web fallback (tests mount probes here). */
  extraRoutes?: ((app: FastifyInstance) => void) | undefined
}

export const buildApp = async (deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> => {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: true,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })
  installErrorHandler(app)

  await app.register(cookie)
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // WebAssembly compile only (the counter's QR reader, zxing-wasm), not JavaScript eval.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        // Mantine and Swagger UI set inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
      },
    },
  })
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'dinhdanh API',
        description: 'National electronic identification and authentication platform',
        version: '0.1.0',
      },
      servers: [{ url: deps.config.publicUrl }],
      tags: [
        { name: 'platform', description: 'Health, readiness, keys' },
        { name: 'registry', description: 'National population registry (officer access)' },
        { name: 'accounts', description: 'Electronic identity accounts: registration, activation' },
        { name: 'biometrics', description: 'Face and fingerprint enrolment, 1:1 checks, 1:N search, review' },
        { name: 'dev', description: 'Development helpers (not in production)' },
      ],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  healthRoutes(app, deps)
  for (const register of moduleRoutes) await register(app, deps)
  opts.extraRoutes?.(app)
  await installWeb(app)
  return app
}
