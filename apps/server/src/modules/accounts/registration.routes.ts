import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { submitForeignerLevel1 } from './registration.foreigner.service.js'
import { dossierStatus, submitLevel1 } from './registration.service.js'

const Receipt = z.object({
  dossierId: z.string(),
  state: z.literal('submitted'),
  receivedOn: z.string(),
  dueOn: z.string().describe('The legal deadline for the decision (working days, D69 Art 13)'),
})
const Status = z.object({
  dossierId: z.string(),
  kind: z.enum(['CITIZEN_L1_APP', 'FOREIGNER_L1_APP']),
  state: z.enum(['submitted', 'pending_verification', 'approved', 'rejected']),
  receivedOn: z.string(),
  dueOn: z.string(),
  reason: z.string().nullable().describe('A rejection code that says nothing about the registry content'),
  decidedAt: z.string().nullable(),
})
const Base64 = z
  .string()
  .max(14_000_000)
  .regex(/^[A-Za-z0-9+/=]*$/, 'base64')
  .transform((s) => Buffer.from(s, 'base64'))
const Contact = {
  phone: z
    .string()
    .max(20)
    .describe('A mobile number in the applicant’s own name (checked with the carrier)'),
  email: z.string().max(200).optional(),
  selfie: Base64.describe('A face photo from the device camera (JPEG, PNG or WebP), base64'),
}
// Per address: a form cannot be used to probe or flood the processor (shared by both forms).
const PER_IP = { limit: 20, windowSeconds: 3600 }
const PER_DOCUMENT = { limit: 10, windowSeconds: 86_400 }

export const registrationRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/accounts/registrations',
    {
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ['accounts'],
        summary: 'Level-1 registration in the app: the answer is a receipt; the decision comes by SMS',
        body: z.object({
          personalId: z.string().max(20),
          fullName: z.string().min(1).max(200),
          dateOfBirth: z
            .string()
            .max(10)
            .describe("'YYYY-MM-DD' (or 'YYYY' when only the year is on the card)"),
          ...Contact,
        }),
        response: { 202: Receipt, 400: ErrorBody, 413: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `registration:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      await enforceRateLimit(deps, `registration:id:${req.body.personalId.trim()}`, PER_DOCUMENT, reply)
      return reply.code(202).send(await submitLevel1(deps, req.body, { requestId: req.id }))
    },
  )
  r.post(
    '/api/v1/accounts/registrations/foreigner',
    {
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags: ['accounts'],
        summary:
          'Level-1 registration of a foreigner with a residence card (D69 Art 11(1)): a receipt; the decision comes by SMS',
        body: z.object({
          passportNumber: z.string().max(20),
          nationality: z.string().max(3).describe('ISO 3166-1 alpha-2, e.g. KR'),
          residenceCardNumber: z.string().max(30).describe('The permanent or temporary residence card'),
          fullName: z.string().min(1).max(200).describe('As in the passport'),
          dateOfBirth: z.string().max(10).describe("'YYYY-MM-DD'"),
          ...Contact,
        }),
        response: { 202: Receipt, 400: ErrorBody, 413: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `registration:ip:${sourceOf(req.ip)}`, PER_IP, reply)
      const passport = `${req.body.nationality}:${req.body.passportNumber}`
        .replace(/[\s-]/g, '')
        .toUpperCase()
      await enforceRateLimit(deps, `registration:passport:${passport}`, PER_DOCUMENT, reply)
      return reply.code(202).send(await submitForeignerLevel1(deps, req.body, { requestId: req.id }))
    },
  )
  r.get(
    '/api/v1/accounts/registrations/:dossierId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Where a registration stands (for the applicant holding the receipt)',
        params: z.object({ dossierId: z.uuid() }),
        response: { 200: Status, 404: ErrorBody },
      },
    },
    async (req) => dossierStatus(deps, req.params.dossierId),
  )
}
