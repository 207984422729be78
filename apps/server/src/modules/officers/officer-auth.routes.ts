import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { firstLoginRoutes } from './first-login.routes.js'
import { acceptPassword, acceptTotp } from './login.service.js'
import { clientOf, LOGIN_PER_IP, OfficerNumber } from './officer-http.js'
import { endOfficerSession, officerSessionOf } from './officer-session.service.js'
import { OFFICERS } from './officers.errors.js'
import { OfficerView, SessionStageView } from './officers.schemas.js'
import { clearOfficerCookies, requireOfficer, setOfficerCookies } from './require-officer.js'

export const officerAuthRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/officer/auth/login',
    {
      schema: {
        tags: ['officers'],
        summary:
          'Officer login, first factor: officer number and password (the authenticator code always follows)',
        description:
          'An enrolled officer gets 202 and a challenge for the authenticator code. An officer without an ' +
          'authenticator (new, or reset) logs in with the one-time password from an administrator: 200 and a ' +
          'first-login session that can only set a new password and enrol the authenticator.',
        body: z.object({ officerNumber: OfficerNumber, password: z.string().min(1).max(200) }),
        response: {
          200: z.object({ status: z.literal('first_login'), stage: SessionStageView, expiresAt: z.string() }),
          202: z.object({
            status: z.literal('totp_required'),
            challengeId: z.string(),
            expiresAt: z.string(),
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
      if (out.kind === 'first_login') {
        reply.header('cache-control', 'no-store')
        setOfficerCookies(deps, reply, out.session)
        return reply.code(200).send({
          status: 'first_login' as const,
          stage: out.session.stage,
          expiresAt: out.session.expiresAt.toISOString(),
        })
      }
      return reply.code(202).send({
        status: 'totp_required' as const,
        challengeId: out.challengeId,
        expiresAt: out.expiresAt.toISOString(),
      })
    },
  )
  r.post(
    '/api/v1/officer/auth/login/totp',
    {
      schema: {
        tags: ['officers'],
        summary: 'Officer login, second factor: the 6-digit code of the authenticator app (RFC 6238)',
        description:
          'signed_in: a full session. password_change_required: an administrator reset the password; the ' +
          'session can only choose a new one (POST /api/v1/officer/first-login/password).',
        body: z.object({ challengeId: z.uuid(), code: z.string().regex(/^\d{6}$/) }),
        response: {
          200: z.union([
            z.object({ status: z.literal('signed_in'), officer: OfficerView, expiresAt: z.string() }),
            z.object({ status: z.literal('password_change_required'), expiresAt: z.string() }),
          ]),
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
      const expiresAt = session.expiresAt.toISOString()
      if (session.stage !== 'full') return { status: 'password_change_required' as const, expiresAt }
      const current = (await officerSessionOf(deps, session.token)) ?? fail(OFFICERS.SESSION_REQUIRED)
      return { status: 'signed_in' as const, officer: current.officer, expiresAt }
    },
  )
  r.get(
    '/api/v1/officer/me',
    {
      schema: {
        tags: ['officers'],
        summary: 'The logged-in officer: unit, roles and what they permit',
        description:
          'A first-login session gets 403 officers.PASSWORD_CHANGE_REQUIRED or officers.TOTP_ENROLMENT_REQUIRED.',
        response: {
          200: OfficerView.extend({ sessionExpiresAt: z.string() }),
          401: ErrorBody,
          403: ErrorBody,
        },
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
        summary: "End the officer's session (a first-login session too)",
        response: { 200: z.object({ ended: z.number() }), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) => {
      const current = await requireOfficer(deps, req, { csrf: true, firstLogin: true })
      clearOfficerCookies(reply)
      return endOfficerSession(deps, current, req.id)
    },
  )
  firstLoginRoutes(app, deps)
}
