import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { dependentCard } from './dependent-card.service.js'
import { lockForDependent, unlockForDependent } from './dependent-lock.service.js'
import { dependentHistory, listDependents, registerDependent } from './dependents.service.js'
import { requireSession } from './session.routes.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody }
const Dependent = z.object({ personalId: z.string().max(20) })
const ACTS =
  'Refused (accounts.NOT_REPRESENTATIVE, accounts.REPRESENTATION_ENDED) unless the registry records you as parent or guardian and a child is under the takeover age; recorded under both of you.'
const AccountStatus = z.enum(['approved', 'active', 'locked', 'closed'])

export const dependentsRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/me/dependents',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Register my child or ward (Decree 69: an account of their own; Decree 59: under my account)',
        body: z.object({
          personalId: z.string().max(20),
          fullName: z.string().min(1).max(200),
          dateOfBirth: z.string().max(10),
        }),
        response: {
          200: z.object({
            personalId: z.string(),
            fullName: z.string(),
            kind: z.enum(['own_account', 'under_representative_account']),
            account: z.object({ level: z.number(), status: z.literal('approved') }).nullable(),
            takeoverAge: z.number().nullable(),
            source: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (req) => registerDependent(deps, await requireSession(deps, req, { csrf: true }), req.body),
  )
  r.get(
    '/api/v1/me/dependents',
    {
      schema: {
        tags: ['accounts'],
        summary: 'My dependents',
        response: {
          200: z.array(
            z.object({
              personalId: z.string(),
              fullName: z.string().nullable(),
              relation: z.string(),
              regime: z.string(),
              accountStatus: z.string().nullable(),
              since: z.string(),
              takeoverOn: z
                .string()
                .nullable()
                .describe('The day a child takes over and you stop acting for them; null for a ward'),
              acting: z.boolean().describe('Whether you may still act for them'),
            }),
          ),
          401: ErrorBody,
        },
      },
    },
    async (req) => listDependents(deps, await requireSession(deps, req, { csrf: false })),
  )
  r.get(
    '/api/v1/me/dependents/:personalId/history',
    {
      schema: {
        tags: ['accounts'],
        summary: "A dependent's usage history, read by the representative (recorded under both)",
        description: ACTS,
        params: Dependent,
        response: {
          200: z.array(
            z.object({
              seq: z.number(),
              at: z.string(),
              actor: z.string(),
              actorKind: z.string(),
              action: z.string(),
              purpose: z.string().nullable(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) =>
      dependentHistory(deps, await requireSession(deps, req, { csrf: false }), req.params.personalId, req.id),
  )
  r.get(
    '/api/v1/me/dependents/:personalId/card',
    {
      schema: {
        tags: ['accounts'],
        summary: "A dependent's electronic identity, viewed by the representative (recorded under both)",
        description: ACTS,
        params: Dependent,
        response: {
          200: z.object({
            personalId: z.string(),
            fullName: z.string(),
            dateOfBirth: z
              .string()
              .describe("'YYYY-MM-DD', or 'YYYY-MM' / 'YYYY' when the registry knows less"),
            gender: z.enum(['male', 'female']),
            relation: z.enum(['parent', 'guardian']),
            regime: z.string(),
            account: z
              .object({ level: z.number(), status: AccountStatus })
              .nullable()
              .describe('null under Decree 59: the dependent is recorded under your account'),
            locks: z.array(
              z.object({
                initiator: z.enum(['self', 'system', 'authority']),
                ground: z.string(),
                since: z.string(),
                byYou: z.boolean(),
              }),
            ),
            idCard: z
              .object({
                kind: z.string(),
                issuedOn: z.string(),
                expiresOn: z.string().nullable(),
                status: z.string(),
              })
              .nullable(),
            takeoverOn: z.string().nullable(),
            photo: z.string().nullable().describe('The portrait on record as a data URL, if there is one'),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const s = await requireSession(deps, req, { csrf: false })
      // A portrait and personal data: no cache keeps a copy.
      void reply.header('cache-control', 'no-store')
      return dependentCard(deps, s, req.params.personalId, req.id)
    },
  )
  r.post(
    '/api/v1/me/dependents/:personalId/lock',
    {
      schema: {
        tags: ['accounts'],
        summary: "Lock my dependent's own account on their behalf now (form TK03, Decree 69)",
        description: `${ACTS} accounts.DEPENDENT_HAS_NO_ACCOUNT under Decree 59.`,
        params: Dependent,
        response: { 200: z.object({ status: z.literal('locked') }), ...errors, 423: ErrorBody },
      },
    },
    async (req) =>
      lockForDependent(deps, await requireSession(deps, req, { csrf: true }), req.params.personalId, req.id),
  )
  r.post(
    '/api/v1/me/dependents/:personalId/unlock',
    {
      schema: {
        tags: ['accounts'],
        summary: "Lift the holder side's locks of my dependent's account; system and authority locks stay",
        description: `${ACTS} accounts.NOT_LOCKED_BY_HOLDER when no such lock is open; accounts.STEP_UP_REQUIRED without a recent step-up.`,
        params: Dependent,
        response: {
          200: z.object({
            status: z.enum(['approved', 'active', 'locked']),
            remainingLocks: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (req) =>
      unlockForDependent(
        deps,
        await requireSession(deps, req, { csrf: true }),
        req.params.personalId,
        req.id,
      ),
  )
}
