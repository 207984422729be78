import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ping } from '../db.js'
import { migrationStatus } from '../migrate.js'

const Check = z.object({ ok: z.boolean(), detail: z.string().optional() })
const Ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: Check.extend({ engine: z.enum(['pglite', 'postgres']) }),
    migrations: Check.extend({ applied: z.number(), pending: z.array(z.string()) }),
  }),
})

export const healthRoutes = (app: FastifyInstance, deps: Deps) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness: the process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['platform'],
        summary: 'Readiness: database reachable and migrations applied',
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_req, reply) => {
      const database = await ping(deps.db).then(
        () => ({ ok: true, engine: deps.engine }),
        (e: unknown) => ({
          ok: false,
          engine: deps.engine,
          detail: e instanceof Error ? e.message : String(e),
        }),
      )
      const migrations = database.ok
        ? await migrationStatus(deps.db, deps.migrations).then(
            (s) => ({ ok: s.pending.length === 0, ...s }),
            (e: unknown) => ({ ok: false, applied: 0, pending: [], detail: String(e) }),
          )
        : { ok: false, applied: 0, pending: [], detail: 'database unreachable' }
      const ready = database.ok && migrations.ok
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', checks: { database, migrations } })
    },
  )
}
