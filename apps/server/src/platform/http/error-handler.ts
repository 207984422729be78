import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, PLATFORM } from '../errors.js'

export type ErrorBody = { code: string; message: string; details?: Record<string, unknown> }

// The one place that turns errors into { code, message }: never a stack trace to the client.
export const installErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      const body: ErrorBody = { code: err.code, message: err.message }
      if (err.details) body.details = err.details
      return reply.status(err.status).send(body)
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'invalid',
      }))
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      return reply
        .status(400)
        .send({ code: PLATFORM.VALIDATION.code, message: `Invalid request: ${summary}`, details: { issues } })
    }
    const status = err.statusCode ?? 500
    if (status < 500) {
      const code =
        err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'platform.UNSUPPORTED_MEDIA_TYPE'
          : 'platform.BAD_REQUEST'
      if (status === 429)
        return reply.status(429).send({ code: PLATFORM.RATE_LIMITED.code, message: err.message })
      return reply.status(status).send({ code, message: err.message })
    }
    req.log.error({ err }, 'unhandled error')
    return reply.status(500).send({ code: PLATFORM.INTERNAL.code, message: 'Internal error' })
  })
}
