import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import type { NewOfficerSession } from './login.service.js'
import { type CurrentOfficer, officerSessionOf } from './officer-session.service.js'
import { OFFICERS } from './officers.errors.js'
import { may, type Permission } from './officers.permissions.js'
import { tokenHash } from './officers.tokens.js'

export const OFFICER_COOKIE = { session: 'dd_officer', csrf: 'dd_officer_csrf' } as const

const secure = (deps: Deps) => deps.config.publicUrl.startsWith('https://')

/** Sets the officer's cookies: the session is HttpOnly and Strict; the CSRF token is readable for the portal to echo. */
export const setOfficerCookies = (deps: Deps, reply: FastifyReply, s: NewOfficerSession) => {
  // Max-Age, not Expires: the browser counts from its own clock, so a skewed server clock cannot expire it early.
  const maxAge = Math.max(0, Math.floor((s.expiresAt.getTime() - deps.clock.now().getTime()) / 1000))
  const base = { path: '/', sameSite: 'strict' as const, secure: secure(deps), maxAge }
  reply.setCookie(OFFICER_COOKIE.session, s.token, { ...base, httpOnly: true })
  reply.setCookie(OFFICER_COOKIE.csrf, s.csrf, { ...base, httpOnly: false })
}

export const clearOfficerCookies = (reply: FastifyReply) =>
  reply.clearCookie(OFFICER_COOKIE.session, { path: '/' }).clearCookie(OFFICER_COOKIE.csrf, { path: '/' })

/**
 * The logged-in officer of the request, for officer routes: state-changing calls pass `csrf: true` (the
 * x-csrf-token header must echo dd_officer_csrf), and a `permission` the officer's roles must grant.
 * A first-login session (new password, authenticator enrolment) is refused everywhere with the step it
 * still owes, except on the routes of those steps (`firstLogin: true`).
 */
export const requireOfficer = async (
  deps: Deps,
  req: FastifyRequest,
  opts: { permission?: Permission; csrf: boolean; firstLogin?: boolean },
): Promise<CurrentOfficer> => {
  const token = req.cookies[OFFICER_COOKIE.session]
  const current = (token ? await officerSessionOf(deps, token) : null) ?? fail(OFFICERS.SESSION_REQUIRED)
  const header = req.headers['x-csrf-token']
  if (opts.csrf && (typeof header !== 'string' || tokenHash(header) !== current.csrfHash))
    fail(OFFICERS.CSRF_INVALID)
  if (!opts.firstLogin && current.stage === 'password_change') fail(OFFICERS.PASSWORD_CHANGE_REQUIRED)
  if (!opts.firstLogin && current.stage === 'totp_enrolment') fail(OFFICERS.TOTP_ENROLMENT_REQUIRED)
  if (opts.permission && !may(current.officer.roles, opts.permission)) fail(OFFICERS.PERMISSION_DENIED)
  return current
}
