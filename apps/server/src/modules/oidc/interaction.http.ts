import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Interaction } from 'oidc-provider'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { LANGS, type Lang } from './interaction.i18n.js'

// The same device cookie the citizen app's login sets (accounts): a device trusted there is trusted here.
const DEVICE_COOKIE = 'dd_device'

const LangChoice = z.object({ lang: z.enum(LANGS) })
export const ChallengeField = z.object({ challengeId: z.string().max(64) })

// The language asked in the form or the link, else the relying party's ui_locales, else Vietnamese.
export const langOf = (req: FastifyRequest, params?: Interaction['params']): Lang => {
  const asked = LangChoice.safeParse(req.body).data?.lang ?? LangChoice.safeParse(req.query).data?.lang
  if (asked) return asked
  const locales = typeof params?.ui_locales === 'string' ? params.ui_locales.split(' ') : []
  return locales.find((l) => l.startsWith('en') || l.startsWith('vi'))?.startsWith('en') ? 'en' : 'vi'
}

// No scripts, except our own file on a login page that offers passkeys (it fetches the options from us);
// forms may go to us and, through our redirects, on to the relying party's redirect URI.
export const csp = (redirectUri: unknown, script = false) => {
  const rp =
    typeof redirectUri === 'string' && URL.canParse(redirectUri) ? ` ${new URL(redirectUri).origin}` : ''
  const own = script ? " script-src 'self'; connect-src 'self';" : ''
  return `default-src 'none'; style-src 'self'; img-src 'self';${own} form-action 'self'${rp}; frame-ancestors 'none'; base-uri 'none'`
}

export const sendPage = (
  reply: FastifyReply,
  status: number,
  page: string,
  redirectUri?: unknown,
  script = false,
) =>
  reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', csp(redirectUri, script))
    .send(page)

/** Who is logging in, as the accounts login needs it: the browser's device token (made on a first visit). */
export const clientOf = (deps: Pick<Deps, 'config'>, req: FastifyRequest, reply: FastifyReply) => {
  let deviceToken = req.cookies[DEVICE_COOKIE]
  if (!deviceToken || deviceToken.length < 40) {
    deviceToken = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
    reply.setCookie(DEVICE_COOKIE, deviceToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.publicUrl.startsWith('https://'),
      maxAge: 400 * 86_400,
    })
  }
  return { deviceToken, ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id }
}
