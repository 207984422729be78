import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { acceptPassword, acceptTotp, type Client } from './login.service.js'
import { endOfficerSession, officerSessionOf } from './officer-session.service.js'
import { OFFICERS } from './officers.errors.js'
import { OfficerView } from './officers.schemas.js'
import { clearOfficerCookies, requireOfficer, setOfficerCookies } from './require-officer.js'

const LOGIN_PER_IP = { limit: 60, windowSeconds: 600 }
export const OfficerNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^CB-\d{4,8}$/)
  .describe('Officer number, e.g. CB-0042')

export const officerAuthRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const clientOf = (req: {
    ip: string
    id: string
    headers: { 'user-agent'?: string | undefined }
  }): Client => ({
    ip: req.ip,
    userAgent: req.headers['user-agent'],
    requestId: req.id,
  })
  r.post(
    '/api/v1/officer/auth/login',
    {
      schema: {
        tags: ['officers'],
        summary:
          'Officer login, first factor: officer number and password (the authenticator code always follows)',
        body: z.object({ officerNumber: OfficerNumber, password: z.string().min(1).max(200) }),
        response: {
          202: z.object({
            status: z.literal('totp_required'),
            challengeId: z.string(),
            expiresAt: z.string(),
            enrolment: z
              .enum(['pending', 'confirmed'])
              .describe('pending: the first code confirms the authenticator'),
          }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `officer-login:ip:${sourceOf(req.ip)}`, LOGIN_PER_IP, reply)
      const out = await acceptPassword(deps, req.body, clientOf(req))
      return reply.code(202).send({
        status: 'totp_required' as const,
        challengeId: out.challengeId,
        expiresAt: out.expiresAt.toISOString(),
        enrolment: out.enrolment,
      })
    },
  )
  r.post(
    '/api/v1/officer/auth/login/totp',
    {
      schema: {
        tags: ['officers'],
        summary: 'Officer login, second factor: the 6-digit code of the authenticator app (RFC 6238)',
        body: z.object({ challengeId: z.uuid(), code: z.string().regex(/^\d{6}$/) }),
        response: {
          200: z.object({ status: z.literal('signed_in'), officer: OfficerView, expiresAt: z.string() }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `officer-login:ip:${sourceOf(req.ip)}`, LOGIN_PER_IP, reply)
      const session = await acceptTotp(deps, req.body, clientOf(req))
      setOfficerCookies(deps, reply, session)
      const current = (await officerSessionOf(deps, session.token)) ?? fail(OFFICERS.SESSION_REQUIRED)
      return {
        status: 'signed_in' as const,
        officer: current.officer,
        expiresAt: session.expiresAt.toISOString(),
      }
    },
  )
  r.get(
    '/api/v1/officer/me',
    {
      schema: {
        tags: ['officers'],
        summary: 'The logged-in officer: unit, roles and what they permit',
        response: { 200: OfficerView.extend({ sessionExpiresAt: z.string() }), 401: ErrorBody },
      },
    },
    async (req) => {
      const current = await requireOfficer(deps, req, { csrf: false })
      return { ...current.officer, sessionExpiresAt: current.expiresAt.toISOString() }
    },
  )
  r.post(
    '/api/v1/officer/auth/logout',
    {
      schema: {
        tags: ['officers'],
        summary: "End the officer's session",
        response: { 200: z.object({ ended: z.number() }), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) => {
      const current = await requireOfficer(deps, req, { csrf: true })
      clearOfficerCookies(reply)
      return endOfficerSession(deps, current, req.id)
    },
  )
}
