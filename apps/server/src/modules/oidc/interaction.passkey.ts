import { readFileSync } from 'node:fs'
import type { AuthenticationResponseJSON } from '@simplewebauthn/server'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Interaction } from 'oidc-provider'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import type { Config } from '../../platform/config.js'
import { AppError, fail } from '../../platform/errors.js'
import {
  finishPasskeyLogin,
  PasskeyAssertion,
  passkeyLoginOptions,
  relyingPartyOf,
} from '../accounts/index.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { findClient } from './clients.repository.js'
import { clientOf, langOf, sendPage } from './interaction.http.js'
import { loginPage } from './interaction.pages.js'
import { PASSKEY_SCRIPT_PATH } from './interaction.passkey-offer.js'
import { asPage } from './interaction.step.js'
import { OIDC } from './oidc.errors.js'

const SCRIPT = readFileSync(new URL('./interaction.passkey.client.js', import.meta.url), 'utf8')

// The assertion comes as JSON in a form field (the page posts a form, as the password login does).
const PasskeyForm = z.object({
  challengeId: z.uuid(),
  response: z
    .string()
    .max(16_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' })
        return z.NEVER
      }
    })
    .pipe(PasskeyAssertion),
})

/** A challenge made for this login interaction only: another interaction (another tab, a victim's) cannot spend it. */
const boundTo = (uid: string) => `oidc:${uid}`

/** Whether the login page offers passkeys: only where the platform has a WebAuthn relying party (a domain name). */
export const passkeyLoginOffered = (config: Config) => {
  try {
    relyingPartyOf(config)
    return true
  } catch {
    return false
  }
}

type Session = Awaited<ReturnType<typeof finishPasskeyLogin>>

/** What the password login's routes share with this one, so that both end a login the same way. */
export type LoginSteps = {
  interactionOf: (
    req: FastifyRequest,
    reply: FastifyReply,
    prompt?: string,
  ) => Promise<{ details: Interaction }>
  finishLogin: (req: FastifyRequest, reply: FastifyReply, session: Session) => Promise<FastifyReply>
  loginLimit: { limit: number; windowSeconds: number }
  deviceName: string
}

/**
 * Passkey login on the provider's login page: the options for navigator.credentials.get() (JSON, fetched by
 * the page's script), then the assertion (a form post). The ceremony is the citizen app's (accounts); the
 * login ends as the password's does, with the accounts session's methods (hwk, mfa) as amr.
 */
export const passkeyLoginRoutes = (app: FastifyInstance, deps: Deps, steps: LoginSteps) => {
  const offered = passkeyLoginOffered(deps.config)
  const limit = (req: FastifyRequest, reply: FastifyReply) =>
    enforceRateLimit(deps, `oidc-login:ip:${sourceOf(req.ip)}`, steps.loginLimit, reply)

  app.get(PASSKEY_SCRIPT_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(SCRIPT),
  )

  app.post('/oidc/interaction/:uid/passkey/options', { schema: { hide: true } }, async (req, reply) => {
    const { details } = await steps.interactionOf(req, reply, 'login')
    await limit(req, reply)
    const options = await passkeyLoginOptions(deps, boundTo(details.uid))
    return reply.header('cache-control', 'no-store').send(options)
  })

  app.post(
    '/oidc/interaction/:uid/passkey/login',
    { schema: { hide: true } },
    asPage(async (req, reply) => {
      const { details } = await steps.interactionOf(req, reply, 'login')
      const again = async (status: number, error: string) => {
        const client =
          (await findClient(deps.db, String(details.params.client_id))) ?? fail(OIDC.CLIENT_NOT_FOUND)
        const lang = langOf(req, details.params)
        const page = loginPage({ lang, uid: details.uid, clientName: client.name, error, passkey: offered })
        return sendPage(reply, status, page, details.params.redirect_uri, offered)
      }
      const form = PasskeyForm.safeParse(req.body)
      if (!form.success) return again(400, OIDC.FORM_INVALID.code)
      try {
        await limit(req, reply)
        const session = await finishPasskeyLogin(
          deps,
          {
            challengeId: form.data.challengeId,
            response: form.data.response as AuthenticationResponseJSON,
            deviceName: steps.deviceName,
            boundTo: boundTo(details.uid),
          },
          clientOf(deps, req, reply),
        )
        return await steps.finishLogin(req, reply, session)
      } catch (e) {
        if (!(e instanceof AppError) || e.code.startsWith('oidc.')) throw e
        return again(e.status, e.code)
      }
    }),
  )
}
