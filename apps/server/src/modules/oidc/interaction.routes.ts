import { readFileSync } from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { AppError, fail } from '../../platform/errors.js'
import { findAccountBySubject, login, sessionOf, verifyNewDevice } from '../accounts/index.js'
import { enforceRateLimit, sourceOf } from '../authn/index.js'
import { findClient } from './clients.repository.js'
import { actForStepPage, actingConsentOf } from './interaction.act-for.js'
import { ChallengeField, clientOf, langOf, sendPage } from './interaction.http.js'
import { CSS_PATH, codePage, consentPage, loginPage } from './interaction.pages.js'
import { passkeyLoginOffered, passkeyLoginRoutes } from './interaction.passkey.js'
import { asPage, interactionStep } from './interaction.step.js'
import { OIDC } from './oidc.errors.js'
import { acrOf, amrOf } from './oidc.levels.js'
import { ACCOUNTS_SESSION } from './oidc.logout.js'
import type { OidcRuntime } from './oidc.provider.js'
import { continueAsOf } from './qr-login.page-routes.js'

const CSS = readFileSync(new URL('./interaction.css', import.meta.url), 'utf8')
const DEVICE_NAME = 'Trình duyệt web'
const LOGIN_PER_IP = { limit: 60, windowSeconds: 600 }
// Codes after which the one-time-code step cannot go on: back to the password.
const RESTART_CODES = new Set([
  'accounts.CHALLENGE_INVALID',
  'authn.OTP_EXPIRED',
  'authn.OTP_TOO_MANY_ATTEMPTS',
])

const LoginForm = z.object({
  username: z.string().trim().min(1).max(20),
  password: z.string().min(1).max(200),
})
const CodeForm = z.object({
  challengeId: z.uuid(),
  code: z.string().regex(/^\d{6}$/),
  phoneHint: z.string().max(40).default(''),
})
export const interactionRoutes = (app: FastifyInstance, deps: Deps, oidc: OidcRuntime) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  )

  const interactionOf = (req: FastifyRequest, reply: FastifyReply, prompt?: string) =>
    interactionStep(oidc, req, reply, prompt)
  const page = asPage
  // The login page offers passkeys where the platform has a WebAuthn relying party (interaction.passkey.ts).
  const passkey = passkeyLoginOffered(deps.config)

  const finishLogin = async (
    req: FastifyRequest,
    reply: FastifyReply,
    session: Awaited<ReturnType<typeof verifyNewDevice>>,
  ) => {
    const { provider } = await interactionOf(req, reply, 'login')
    const current = (await sessionOf(deps, session.token)) ?? fail(OIDC.INTERACTION_EXPIRED)
    const to = await provider.interactionResult(
      req.raw,
      reply.raw,
      {
        login: {
          accountId: current.account.subject_id,
          acr: acrOf(current.account.level),
          amr: amrOf(current.methods),
          // Logging out at the provider ends this accounts session too (oidc.logout.ts).
          [ACCOUNTS_SESSION]: current.sessionId,
        },
      },
      { mergeWithLastSubmission: false },
    )
    return reply.redirect(to, 303)
  }
  passkeyLoginRoutes(app, deps, {
    interactionOf,
    finishLogin,
    loginLimit: LOGIN_PER_IP,
    deviceName: DEVICE_NAME,
  })

  app.get(CSS_PATH, { schema: { hide: true } }, async (_req, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(CSS),
  )

  app.get(
    '/oidc/interaction/:uid',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { details } = await interactionOf(req, reply)
      const lang = langOf(req, details.params)
      const clientId = String(details.params.client_id)
      const client = (await findClient(deps.db, clientId)) ?? fail(OIDC.CLIENT_NOT_FOUND)
      // "Who are you signing in for?" (interaction.act-for.ts).
      if (details.prompt.name === 'act_for')
        return sendPage(
          reply,
          200,
          await actForStepPage(deps, details, client, lang),
          details.params.redirect_uri,
        )
      if (details.prompt.name === 'login')
        return sendPage(
          reply,
          200,
          loginPage({
            lang,
            uid: details.uid,
            clientName: client.name,
            again: details.session?.accountId !== undefined,
            continueAs: await continueAsOf(deps, req, client, details),
            passkey,
          }),
          details.params.redirect_uri,
          passkey,
        )
      const accountId = details.session?.accountId ?? fail(OIDC.INTERACTION_STEP_INVALID)
      const account = (await findAccountBySubject(deps.db, accountId)) ?? fail(OIDC.INTERACTION_EXPIRED)
      const missing = details.prompt.details.missingOIDCScope
      return sendPage(
        reply,
        200,
        consentPage({
          lang,
          uid: details.uid,
          clientName: client.name,
          purpose: client.purpose,
          scopes: Array.isArray(missing) ? missing.map(String) : [],
          account: { id: account.subject_id, level: account.level },
          actingFor: (await actingConsentOf(deps, details))?.view,
        }),
        details.params.redirect_uri,
      )
    }),
  )

  app.post(
    '/oidc/interaction/:uid/login',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { details } = await interactionOf(req, reply, 'login')
      const lang = langOf(req, details.params)
      const client =
        (await findClient(deps.db, String(details.params.client_id))) ?? fail(OIDC.CLIENT_NOT_FOUND)
      const again = (status: number, error: string, username?: string) =>
        sendPage(
          reply,
          status,
          loginPage({
            lang,
            uid: details.uid,
            clientName: client.name,
            error,
            ...(username ? { username } : {}),
            passkey,
          }),
          details.params.redirect_uri,
          passkey,
        )
      const form = LoginForm.safeParse(req.body)
      if (!form.success) return again(400, OIDC.FORM_INVALID.code)
      try {
        await enforceRateLimit(deps, `oidc-login:ip:${sourceOf(req.ip)}`, LOGIN_PER_IP, reply)
        const out = await login(deps, { ...form.data, deviceName: DEVICE_NAME }, clientOf(deps, req, reply))
        if (out.kind === 'session') return await finishLogin(req, reply, out.session)
        return sendPage(
          reply,
          200,
          codePage({ lang, uid: details.uid, challengeId: out.challengeId, phoneHint: out.phoneHint }),
          details.params.redirect_uri,
        )
      } catch (e) {
        if (!(e instanceof AppError) || e.code.startsWith('oidc.')) throw e
        return again(e.status, e.code, form.data.username)
      }
    }),
  )

  app.post(
    '/oidc/interaction/:uid/verify',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { details } = await interactionOf(req, reply, 'login')
      const lang = langOf(req, details.params)
      const form = CodeForm.safeParse(req.body)
      const retry = (status: number, error: string) =>
        sendPage(
          reply,
          status,
          codePage({
            lang,
            uid: details.uid,
            challengeId: ChallengeField.safeParse(req.body).data?.challengeId ?? '',
            phoneHint: form.success ? form.data.phoneHint : '',
            error,
          }),
          details.params.redirect_uri,
        )
      if (!form.success) return retry(400, OIDC.FORM_INVALID.code)
      try {
        await enforceRateLimit(deps, `oidc-login:ip:${sourceOf(req.ip)}`, LOGIN_PER_IP, reply)
        const session = await verifyNewDevice(deps, form.data, clientOf(deps, req, reply))
        return await finishLogin(req, reply, session)
      } catch (e) {
        if (!(e instanceof AppError) || e.code.startsWith('oidc.')) throw e
        if (!RESTART_CODES.has(e.code)) return retry(e.status, e.code)
        const client =
          (await findClient(deps.db, String(details.params.client_id))) ?? fail(OIDC.CLIENT_NOT_FOUND)
        return sendPage(
          reply,
          e.status,
          loginPage({ lang, uid: details.uid, clientName: client.name, error: e.code, passkey }),
          details.params.redirect_uri,
          passkey,
        )
      }
    }),
  )

  app.post(
    '/oidc/interaction/:uid/confirm',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { provider, details } = await interactionOf(req, reply, 'consent')
      // A consent given for a dependent is theirs: a grant of the acting account (interaction.act-for.ts).
      const acting = await actingConsentOf(deps, details)
      const accountId = acting?.accountId ?? details.session?.accountId ?? fail(OIDC.INTERACTION_STEP_INVALID)
      const clientId = String(details.params.client_id)
      const client = (await findClient(deps.db, clientId)) ?? fail(OIDC.CLIENT_NOT_FOUND)
      const grant = details.grantId
        ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
        : new provider.Grant({ accountId, clientId })
      const { missingOIDCScope, missingOIDCClaims } = details.prompt.details
      const scopes = Array.isArray(missingOIDCScope) ? missingOIDCScope.map(String) : []
      if (scopes.length) grant.addOIDCScope(scopes.join(' '))
      if (Array.isArray(missingOIDCClaims)) grant.addOIDCClaims(missingOIDCClaims.map(String))
      // The consent goes into the citizen's usage history, with the relying party's stated purpose.
      await deps.db.transaction().execute(async (trx) => {
        const data = { clientId, clientName: client.name, scopes }
        // For a dependent: under both of them (interaction.act-for.ts).
        if (acting) return acting.audit(trx, { ...data, purpose: client.purpose }, req.id)
        await recordAudit(trx, deps.clock, {
          actor: accountId,
          actorKind: 'citizen',
          action: 'oidc.consent.granted',
          subject: accountId,
          subjectKind: accountId.startsWith('NN') ? 'foreigner' : 'citizen',
          purpose: client.purpose,
          data,
          requestId: req.id,
        })
      })
      const grantId = await grant.save()
      const to = await provider.interactionResult(
        req.raw,
        reply.raw,
        { consent: details.grantId === grantId ? {} : { grantId } },
        { mergeWithLastSubmission: true },
      )
      return reply.redirect(to, 303)
    }),
  )

  app.post(
    '/oidc/interaction/:uid/abort',
    { schema: { hide: true } },
    page(async (req, reply) => {
      const { provider } = await interactionOf(req, reply)
      const to = await provider.interactionResult(
        req.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'the citizen cancelled the login or refused consent' },
        { mergeWithLastSubmission: false },
      )
      return reply.redirect(to, 303)
    }),
  )
}
