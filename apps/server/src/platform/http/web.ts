import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { PLATFORM } from '../errors.js'

export const WEB_DIST = fileURLToPath(new URL('../../../../web/dist/', import.meta.url))
const API_PREFIXES = ['/api/', '/dev/', '/.well-known/', '/healthz', '/readyz']

// Serves the built web app at / with a single-page-app fallback; API paths answer a JSON 404.
export const installWeb = async (app: FastifyInstance) => {
  const hasWeb = existsSync(`${WEB_DIST}index.html`)
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] })
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/'
    const isApi = API_PREFIXES.some((p) => path.startsWith(p))
    if (!isApi && hasWeb && req.method === 'GET') return reply.type('text/html').sendFile('index.html')
    return reply
      .status(404)
      .send({ code: PLATFORM.NOT_FOUND.code, message: `No route ${req.method} ${path}` })
  })
}
