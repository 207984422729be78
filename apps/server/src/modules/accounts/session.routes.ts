import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { ErrorBody } from '../../platform/http/error-body.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import {
  type Client,
  type CurrentSession,
  endSessions,
  listSessions,
  login,
  type NewSession,
  sessionOf,
  verifyNewDevice,
} from './session.service.js'
import { deviceName, newToken, phoneHint, tokenHash } from './session.tokens.js'

export const SignedIn = z.object({
  status: z.literal('signed_in'),
  account: z.object({ username: z.string(), level: z.number() }),
  expiresAt: z.string(),
  endedElsewhere: z.number().describe('Sessions on other devices ended by the one-device rule'),
})
export const LOGIN_PER_IP = { limit: 60, windowSeconds: 600 }
const COOKIE = { session: 'dd_session', csrf: 'dd_csrf', device: 'dd_device' } as const

const secure = (deps: Deps) => deps.config.publicUrl.startsWith('https://')

// The browser's device token: made on its first visit to a login, kept a year (it only names the device).
export const clientOf = (deps: Deps, req: FastifyRequest, reply: FastifyReply): Client => {
  let deviceToken = req.cookies[COOKIE.device]
  if (!deviceToken || deviceToken.length < 40) {
    deviceToken = newToken()
    reply.setCookie(COOKIE.device, deviceToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(deps),
      maxAge: 400 * 86_400,
    })
  }
  return { deviceToken, ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id }
}

export const signIn = (deps: Deps, reply: FastifyReply, s: NewSession) => {
  // HttpOnly: page scripts never see the session; the CSRF token is readable so the app can echo it.
  reply.setCookie(COOKIE.session, s.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(deps),
  })
  reply.setCookie(COOKIE.csrf, s.csrf, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: secure(deps),
  })
  return {
    status: 'signed_in' as const,
    account: s.account,
    expiresAt: s.expiresAt.toISOString(),
    endedElsewhere: s.endedElsewhere,
  }
}

/** The session of the request; state-changing calls must also echo the CSRF token in x-csrf-token. */
export const requireSession = async (
  deps: Deps,
  req: FastifyRequest,
  opts: { csrf: boolean },
): Promise<CurrentSession> => {
  const token = req.cookies[COOKIE.session]
  const current = (token ? await sessionOf(deps, token) : null) ?? fail(ACCOUNTS.SESSION_REQUIRED)
  const header = req.headers['x-csrf-token']
  if (opts.csrf && (typeof header !== 'string' || tokenHash(header) !== current.csrfHash))
    fail(ACCOUNTS.CSRF_INVALID)
  return current
}

export const sessionRoutes = (app: FastifyInstance, deps: Deps) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Log in with the personal ID number and password; a new device gets a one-time code first',
        body: z.object({ username: z.string().max(20), password: z.string().max(200) }),
        response: {
          200: SignedIn,
          202: z.object({
            status: z.literal('code_required'),
            challengeId: z.string(),
            phoneHint: z.string(),
            expiresAt: z.string(),
          }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          423: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `login:ip:${sourceOf(req.ip)}`, LOGIN_PER_IP, reply)
      const client = clientOf(deps, req, reply)
      const out = await login(deps, { ...req.body, deviceName: deviceName(client.userAgent) }, client)
      if (out.kind === 'session') return reply.code(200).send(signIn(deps, reply, out.session))
      return reply.code(202).send({
        status: 'code_required' as const,
        challengeId: out.challengeId,
        phoneHint: out.phoneHint,
        expiresAt: out.expiresAt.toISOString(),
      })
    },
  )
  r.post(
    '/api/v1/auth/login/verify',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Log in, second step on a new device: the one-time code sent to the registered phone',
        body: z.object({ challengeId: z.uuid(), code: z.string().regex(/^\d{6}$/) }),
        response: { 200: SignedIn, 400: ErrorBody, 423: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await enforceRateLimit(deps, `login:ip:${sourceOf(req.ip)}`, LOGIN_PER_IP, reply)
      return reply.send(
        signIn(deps, reply, await verifyNewDevice(deps, req.body, clientOf(deps, req, reply))),
      )
    },
  )
  r.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: "The logged-in holder's account",
        response: {
          200: z.object({
            username: z.string(),
            level: z.number(),
            status: z.string(),
            phone: z.string(),
            methods: z.array(z.string()),
          }),
          401: ErrorBody,
        },
      },
    },
    async (req) => {
      const s = await requireSession(deps, req, { csrf: false })
      return {
        username: s.account.subject_id,
        level: s.account.level,
        status: s.account.status,
        phone: phoneHint(s.account.phone),
        methods: s.methods,
      }
    },
  )
  r.get(
    '/api/v1/me/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The devices where the holder is logged in',
        response: {
          200: z.array(
            z.object({
              sessionId: z.string(),
              device: z.string(),
              methods: z.array(z.string()),
              ip: z.string().nullable(),
              startedAt: z.string(),
              lastSeenAt: z.string(),
              current: z.boolean(),
            }),
          ),
          401: ErrorBody,
        },
      },
    },
    async (req) => listSessions(deps, await requireSession(deps, req, { csrf: false })),
  )
  const ended = { 200: z.object({ ended: z.number() }), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }
  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['accounts'], summary: 'Log out of this session', response: ended } },
    async (req, reply) => {
      const s = await requireSession(deps, req, { csrf: true })
      reply.clearCookie(COOKIE.session, { path: '/' }).clearCookie(COOKIE.csrf, { path: '/' })
      return endSessions(deps, s, clientOf(deps, req, reply), { only: s.sessionId })
    },
  )
  r.post(
    '/api/v1/me/sessions/end-others',
    { schema: { tags: ['accounts'], summary: 'Log out everywhere else', response: ended } },
    async (req, reply) =>
      endSessions(deps, await requireSession(deps, req, { csrf: true }), clientOf(deps, req, reply), {
        othersOnly: true,
      }),
  )
  r.delete(
    '/api/v1/me/sessions/:sessionId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'End one of the holder’s sessions',
        params: z.object({ sessionId: z.uuid() }),
        response: ended,
      },
    },
    async (req, reply) =>
      endSessions(deps, await requireSession(deps, req, { csrf: true }), clientOf(deps, req, reply), {
        only: req.params.sessionId,
      }),
  )
}
