import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { listOutbox } from './outbox.repository.js'
import { CHANNELS } from './outbox.table.js'

const Message = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  recipient: z.string(),
  template: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})

/** The development inbox: every message the platform would have sent. Never mounted in production. */
export const outboxDevRoutes = (app: FastifyInstance, deps: Deps) => {
  if (deps.config.NODE_ENV === 'production') return
  app.withTypeProvider<ZodTypeProvider>().get(
    '/dev/outbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Messages in the notification outbox, newest first (development only)',
        querystring: z.object({
          recipient: z.string().optional(),
          channel: z.enum(CHANNELS).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ messages: z.array(Message) }) },
      },
    },
    async (req) => {
      const rows = await listOutbox(deps.db, req.query)
      return {
        messages: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          recipient: r.recipient,
          template: r.template,
          subject: r.subject,
          body: r.body,
          status: r.status,
          attempts: r.attempts,
          createdAt: r.created_at.toISOString(),
          sentAt: r.sent_at?.toISOString() ?? null,
        })),
      }
    },
  )
}
