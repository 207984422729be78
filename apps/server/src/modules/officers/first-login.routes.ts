import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { chooseFirstPassword, confirmAuthenticator, firstLoginState } from './first-login.service.js'
import { clientOf, LOGIN_PER_IP } from './officer-http.js'
import { officerSessionOf } from './officer-session.service.js'
import { OFFICERS } from './officers.errors.js'
import { AuthenticatorOfferView, NewPassword, OfficerView, SessionStageView } from './officers.schemas.js'
import { changePassword } from './password-change.service.js'
import { requireOfficer, setOfficerCookies } from './require-officer.js'
import type { NewOfficerSession } from './session-open.js'

const SignedIn = z.object({ status: z.literal('signed_in'), officer: OfficerView, expiresAt: z.string() })

export const firstLoginRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  // The full session that replaces a first-login one, with new cookies.
  const signedIn = async (reply: FastifyReply, session: NewOfficerSession) => {
    setOfficerCookies(deps, reply, session)
    const current = (await officerSessionOf(deps, session.token)) ?? fail(OFFICERS.SESSION_REQUIRED)
    return {
      status: 'signed_in' as const,
      officer: current.officer,
      expiresAt: session.expiresAt.toISOString(),
    }
  }
  const limit = (ip: string, reply: FastifyReply) =>
    enforceRateLimit(deps, `officer-login:ip:${sourceOf(ip)}`, LOGIN_PER_IP, reply)

  r.get(
    '/api/v1/officer/first-login',
    {
      schema: {
        tags: ['officers'],
        summary:
          'Where the first login stands: the step owed, and the authenticator offered once the password is chosen',
        response: {
          200: z.object({
            stage: SessionStageView,
            authenticatorEnrolled: z.boolean().describe('Only the password is owed: the authenticator stays'),
            officer: z.object({ officerNumber: z.string(), fullName: z.string(), unitName: z.string() }),
            authenticator: AuthenticatorOfferView.nullable(),
          }),
          401: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const current = await requireOfficer(deps, req, { csrf: false, firstLogin: true })
      reply.header('cache-control', 'no-store')
      const state = await firstLoginState(deps, current)
      const { officerNumber, fullName, unit } = current.officer
      return { ...state, officer: { officerNumber, fullName, unitName: unit.name } }
    },
  )
  r.post(
    '/api/v1/officer/first-login/password',
    {
      schema: {
        tags: ['officers'],
        summary: 'First login: the officer’s own password in place of the one-time password',
        description:
          'Without an authenticator yet, the answer offers one (totp_enrolment): the password takes effect with ' +
          'its first code. Otherwise the password takes effect now and a full session starts (new cookies).',
        body: z.object({ newPassword: NewPassword }),
        response: {
          200: z.union([
            z.object({ stage: z.literal('totp_enrolment'), authenticator: AuthenticatorOfferView }),
            SignedIn.extend({ stage: z.literal('full') }),
          ]),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const current = await requireOfficer(deps, req, { csrf: true, firstLogin: true })
      reply.header('cache-control', 'no-store')
      const out = await chooseFirstPassword(deps, current, req.body.newPassword, clientOf(req))
      if (out.stage === 'totp_enrolment') return out
      return { stage: 'full' as const, ...(await signedIn(reply, out.session)) }
    },
  )
  r.post(
    '/api/v1/officer/first-login/authenticator',
    {
      schema: {
        tags: ['officers'],
        summary:
          'First login: the first code of the offered authenticator confirms it and the chosen password',
        body: z.object({ code: z.string().regex(/^\d{6}$/) }),
        response: {
          200: SignedIn,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      await limit(req.ip, reply)
      const current = await requireOfficer(deps, req, { csrf: true, firstLogin: true })
      return signedIn(reply, await confirmAuthenticator(deps, current, req.body.code, clientOf(req)))
    },
  )
  r.post(
    '/api/v1/officer/me/password',
    {
      schema: {
        tags: ['officers'],
        summary:
          'A logged-in officer changes their password (current password and authenticator code); other sessions end',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: NewPassword,
          code: z.string().regex(/^\d{6}$/),
        }),
        response: {
          200: z.object({ sessionsEnded: z.number() }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      await limit(req.ip, reply)
      const current = await requireOfficer(deps, req, { csrf: true })
      return changePassword(deps, current, req.body, clientOf(req))
    },
  )
}
