import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { managerOf } from './officer-http.js'
import { UNIT_LEVELS } from './officers.permissions.js'
import { UnitView } from './officers.schemas.js'
import { addUnit, listUnits } from './units.service.js'

// An empty field of a form and an absent one both mean "none".
const Optional = (s: z.ZodString) =>
  s
    .nullable()
    .default(null)
    .transform((v) => v || null)

export const unitRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/v1/officer/units',
    {
      schema: {
        tags: ['officers'],
        summary: "Police units of the administrator's jurisdiction, each with its number of officers",
        response: {
          200: z.object({ items: z.array(UnitView.extend({ officers: z.number() })) }),
          401: ErrorBody,
          403: ErrorBody,
        },
      },
    },
    async (req) => ({ items: await listUnits(deps, await managerOf(deps, req, false)) }),
  )
  r.post(
    '/api/v1/officer/units',
    {
      schema: {
        tags: ['officers'],
        summary:
          'Add a police unit within the jurisdiction: a central unit stands alone; province and commune units ' +
          'have a province; a commune sits under its province unit',
        body: z.object({
          code: z.string().trim().toUpperCase().max(40),
          name: z.string().max(200),
          level: z.enum(UNIT_LEVELS),
          parentCode: Optional(z.string().trim().toUpperCase().max(40)),
          provinceCode: Optional(z.string().trim().max(3)),
        }),
        response: { 201: UnitView, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addUnit(deps, await managerOf(deps, req, true), req.body)),
  )
}
