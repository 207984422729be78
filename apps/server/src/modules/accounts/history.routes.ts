import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { listAuditBySubject } from '../../platform/audit/index.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { requireSession } from './session.routes.js'

// The usage log of the e-ID is kept 5 years (D69 Art 28): older events are not shown.
const KEPT_YEARS = 5

const Event = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string().describe('Who acted: the holder, an officer, the system, a relying party'),
  actorKind: z.string(),
  action: z.string().describe("What happened, e.g. 'registry.person.read', 'accounts.session.started'"),
  purpose: z.string().nullable().describe('Why, as the actor declared it'),
  data: z.record(z.string(), z.unknown()),
})

export const historyRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/me/history',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Usage history: every login, every change and every read of my data, by whom and why (5 years)',
        querystring: z.object({
          before: z.coerce
            .number()
            .int()
            .min(1)
            .optional()
            .describe('Page back: the seq of the oldest event seen'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ events: z.array(Event), next: z.number().nullable() }), 401: ErrorBody },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: false })
      const since = new Date(deps.clock.now())
      since.setUTCFullYear(since.getUTCFullYear() - KEPT_YEARS)
      const rows = await listAuditBySubject(deps.db, s.account.subject_id, {
        limit: req.query.limit,
        since,
        ...(req.query.before ? { before: req.query.before } : {}),
      })
      return {
        events: rows.map((e) => ({
          seq: e.seq,
          at: new Date(e.at).toISOString(),
          actor: e.actor,
          actorKind: e.actor_kind,
          action: e.action,
          purpose: e.purpose,
          data: (e.data ?? {}) as Record<string, unknown>,
        })),
        next: rows.length === req.query.limit ? (rows.at(-1)?.seq ?? null) : null,
      }
    },
  )
}
