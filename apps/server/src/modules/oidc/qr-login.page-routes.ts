import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Interaction } from 'oidc-provider'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { requireSession } from '../accounts/index.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { findClient } from './clients.repository.js'
import { langOf, sendPage } from './interaction.http.js'
import { maskId } from './interaction.pages.js'
import { asPage, interactionStep } from './interaction.step.js'
import { OIDC } from './oidc.errors.js'
import { acrOf, amrOf, requiredLevel } from './oidc.levels.js'
import type { OidcRuntime } from './oidc.provider.js'
import { normalizeQrCode } from './qr-login.code.js'
import { qrEndedPage, qrWaitingPage } from './qr-login.pages.js'
import { qrPageStatus, startQrLogin } from './qr-login.service.js'

// A new code is a database row: 20 per address per 10 minutes; checking one is cheaper, 120.
const NEW_CODE_PER_IP = { limit: 20, windowSeconds: 600 }
const CHECK_PER_IP = { limit: 120, windowSeconds: 600 }

const CheckQuery = z.object({ c: z.string().max(40), checked: z.literal('1').optional() })

type Login = { accountId: string; acr: string; amr: string[]; ts?: number }

/** The login page's other ways in: a QR code approved in the citizen app, and the app's own session. */
export const qrLoginPageRoutes = (app: FastifyInstance, deps: Deps, oidc: OidcRuntime) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  )

  const loginStep = async (req: FastifyRequest, reply: FastifyReply) => {
    const { provider, details } = await interactionStep(oidc, req, reply, 'login')
    return { provider, details, lang: langOf(req, details.params) }
  }
  const page = asPage

  const finish = async (req: FastifyRequest, reply: FastifyReply, login: Login) => {
    const { provider } = await oidc.current()
    const to = await provider.interactionResult(
      req.raw,
      reply.raw,
      { login },
      { mergeWithLastSubmission: false },
    )
    return reply.redirect(to, 303)
  }

  app.post(
    '/oidc/interaction/:uid/qr',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { details, lang } = await loginStep(req, reply)
      await enforceRateLimit(deps, `oidc-qr-new:ip:${sourceOf(req.ip)}`, NEW_CODE_PER_IP, reply)
      const code = await startQrLogin(deps, {
        interactionUid: details.uid,
        clientId: String(details.params.client_id),
        userAgent: req.headers['user-agent'],
        ip: req.ip,
      })
      return reply.redirect(
        `/oidc/interaction/${encodeURIComponent(details.uid)}/qr?c=${code}&lang=${lang}`,
        303,
      )
    }),
  )

  app.get(
    '/oidc/interaction/:uid/qr',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { details, lang } = await loginStep(req, reply)
      const query = CheckQuery.safeParse(req.query)
      const code = (query.success && normalizeQrCode(query.data.c)) || null
      if (!code) return sendPage(reply, 400, qrEndedPage({ lang, uid: details.uid, why: 'expired' }))
      await enforceRateLimit(deps, `oidc-qr-check:ip:${sourceOf(req.ip)}`, CHECK_PER_IP, reply)
      const status = await qrPageStatus(deps, details.uid, code)
      const redirectUri = details.params.redirect_uri
      if (status.kind === 'approved')
        return finish(req, reply, { accountId: status.subjectId, acr: acrOf(status.level), amr: status.amr })
      if (status.kind !== 'waiting')
        return sendPage(reply, 200, qrEndedPage({ lang, uid: details.uid, why: status.kind }), redirectUri)
      const client =
        (await findClient(deps.db, String(details.params.client_id))) ?? fail(OIDC.CLIENT_NOT_FOUND)
      return sendPage(
        reply,
        200,
        await qrWaitingPage({
          lang,
          uid: details.uid,
          clientName: client.name,
          code,
          stillWaiting: query.data?.checked === '1',
        }),
        redirectUri,
      )
    }),
  )

  // The citizen app's session in this browser logs in as it is: the provider then checks level and status.
  app.post(
    '/oidc/interaction/:uid/continue',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { details, lang } = await loginStep(req, reply)
      const current = await requireSession(deps, req, { csrf: false }).catch(() => null)
      // The app's session ended meanwhile: back to the login page, which no longer offers it.
      if (!current)
        return reply.redirect(`/oidc/interaction/${encodeURIComponent(details.uid)}?lang=${lang}`, 303)
      return finish(req, reply, {
        accountId: current.account.subject_id,
        acr: acrOf(current.account.level),
        amr: amrOf(current.methods),
        ts: Math.floor(current.startedAt.getTime() / 1000),
      })
    }),
  )
}

/** The citizen app's account in this browser, masked, when it may log in here (active, level high enough). */
export const continueAsOf = async (
  deps: Deps,
  req: FastifyRequest,
  client: { min_level: number },
  details: Interaction,
) => {
  const current = await requireSession(deps, req, { csrf: false }).catch(() => null)
  if (!current || current.account.level < requiredLevel(client.min_level, details.params.acr_values)) return
  return maskId(current.account.subject_id)
}
