import type { FastifyInstance } from 'fastify'
import type { Transaction } from 'kysely'
import type { Interaction } from 'oidc-provider'
import { z } from 'zod'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { AppError, fail } from '../../platform/errors.js'
import { type ActableDependent, actingForSubject, auditBoth, dependentsToActFor } from '../accounts/index.js'
import { actForError, sayActFor } from './act-for.i18n.js'
import { findClient } from './clients.repository.js'
import { html } from './interaction.html.js'
import { langOf, sendPage } from './interaction.http.js'
import { type Lang, messages } from './interaction.i18n.js'
import { layout, maskId } from './interaction.pages.js'
import { asPage, interactionStep } from './interaction.step.js'
import { ACT_FOR_PROMPT, actingAccountId, chosenSubject, SubjectId } from './oidc.act-for.js'
import { OIDC } from './oidc.errors.js'
import type { OidcRuntime } from './oidc.provider.js'
import type { ClientRow } from './oidc.table.js'

const ActForForm = z.object({ subject: z.union([z.literal('self'), SubjectId]) })

const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi')
const action = (uid: string, step: string) => `/oidc/interaction/${encodeURIComponent(uid)}/${step}`

export type ActForView = {
  lang: Lang
  uid: string
  clientName: string
  self: string
  dependents: ActableDependent[]
  error?: string | undefined
}

/** "Who are you signing in for?": oneself (checked) or each dependent the citizen acts for today. */
export const actForPage = (v: ActForView) => {
  const t = (key: Parameters<typeof sayActFor>[1], vars?: Record<string, string>) =>
    sayActFor(v.lang, key, vars)
  const option = (value: string, label: string, checked: boolean) =>
    html`<label class="choice"><input type="radio" name="subject" value="${value}"${
      checked ? html` checked` : null
    }> ${label}</label>`
  return layout({
    lang: v.lang,
    title: t('actForTitle'),
    switchHref: `/oidc/interaction/${encodeURIComponent(v.uid)}?lang=${other(v.lang)}`,
    body: html`<h1>${t('actForTitle')}</h1>
<p>${t('actForLead', { client: v.clientName })}</p>
${v.error ? html`<div class="alert" role="alert">${actForError(v.lang, v.error) ?? v.error} (${v.error})</div>` : null}
<form method="post" action="${action(v.uid, 'act-for')}">
<input type="hidden" name="lang" value="${v.lang}">
<fieldset>
<legend>${t('actForLegend')}</legend>
${option('self', t('actForSelf', { id: maskId(v.self) }), true)}
${v.dependents.map((d) =>
  option(
    d.personalId,
    t(d.relation === 'guardian' ? 'actForGuardian' : 'actForParent', {
      name: d.fullName,
      id: maskId(d.personalId),
    }),
    false,
  ),
)}
</fieldset>
<p class="muted">${t('actForNote')}</p>
<button class="primary" type="submit">${t('actForContinue')}</button>
</form>
<form class="inline" method="post" action="${action(v.uid, 'abort')}"><input type="hidden" name="lang" value="${v.lang}">
<button class="secondary" type="submit">${messages[v.lang].cancel}</button></form>`,
  })
}

/** The chooser for an interaction at the act_for prompt (the GET of /oidc/interaction/{uid} hands it over). */
export const actForStepPage = async (
  deps: Pick<Deps, 'db' | 'clock' | 'policy'>,
  details: Interaction,
  client: ClientRow,
  lang: Lang,
  error?: string,
) => {
  const self = details.session?.accountId ?? fail(OIDC.INTERACTION_STEP_INVALID)
  return actForPage({
    lang,
    uid: details.uid,
    clientName: client.name,
    self,
    // A relying party that no longer allows it (changed while the page was open) offers oneself alone.
    dependents: client.allow_dependents ? await dependentsToActFor(deps, self) : [],
    error,
  })
}

/**
 * The choice: oneself, or a dependent the citizen acts for now (checked again here by the accounts rule;
 * an ID number from a forged form gets accounts.NOT_REPRESENTATIVE). Choosing a dependent is an act for
 * them, written to the audit log under both.
 */
export const actForRoutes = (app: FastifyInstance, deps: Deps, oidc: OidcRuntime) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  )
  app.post(
    '/oidc/interaction/:uid/act-for',
    { schema: { hide: true } },
    asPage(async (req, reply) => {
      const { provider, details } = await interactionStep(oidc, req, reply, ACT_FOR_PROMPT)
      const lang = langOf(req, details.params)
      const representative = details.session?.accountId ?? fail(OIDC.INTERACTION_STEP_INVALID)
      const client =
        (await findClient(deps.db, String(details.params.client_id))) ?? fail(OIDC.CLIENT_NOT_FOUND)
      const again = async (status: number, code: string) =>
        sendPage(
          reply,
          status,
          await actForStepPage(deps, details, client, lang, code),
          details.params.redirect_uri,
        )
      const form = ActForForm.safeParse(req.body)
      if (!form.success) return again(400, OIDC.FORM_INVALID.code)
      const dependent = form.data.subject === 'self' ? null : form.data.subject
      // Read afresh: the management agency may have turned it off since the page was shown.
      if (dependent && !client.allow_dependents) return again(403, OIDC.DEPENDENTS_NOT_ALLOWED.code)
      if (dependent) {
        try {
          const acting = await actingForSubject(deps, representative, dependent)
          await deps.db
            .transaction()
            .execute((trx) =>
              auditBoth(
                trx,
                deps,
                acting.representative,
                dependent,
                'oidc.login',
                { clientId: client.client_id, clientName: client.name },
                req.id,
              ),
            )
        } catch (e) {
          if (!(e instanceof AppError) || !e.code.startsWith('accounts.')) throw e
          return again(e.status, e.code)
        }
      }
      const to = await provider.interactionResult(
        req.raw,
        reply.raw,
        { actFor: { dependent } },
        { mergeWithLastSubmission: true },
      )
      return reply.redirect(to, 303)
    }),
  )
}

/** The dependent a consent is for, as the consent page names them. */
export type ConsentFor = { id: string; name: string; relation: 'parent' | 'guardian' }

/**
 * When the citizen chose a dependent in this request: the account the consent (grant) belongs to, who the
 * page names, and the audit record under both. Checked again: a representation may end between the steps.
 */
export const actingConsentOf = async (deps: Pick<Deps, 'db' | 'clock' | 'policy'>, details: Interaction) => {
  const dependent = chosenSubject(details.lastSubmission)?.dependent
  const representative = details.session?.accountId
  if (!dependent || !representative) return undefined
  const client = await findClient(deps.db, String(details.params.client_id))
  if (!client?.allow_dependents) fail(OIDC.DEPENDENTS_NOT_ALLOWED)
  const acting = await actingForSubject(deps, representative, dependent)
  const view: ConsentFor = {
    id: dependent,
    name: acting.person.full_name,
    relation: acting.representation.relation,
  }
  return {
    accountId: actingAccountId(dependent, representative),
    view,
    audit: (trx: Transaction<Database>, data: Record<string, unknown>, requestId: string) =>
      auditBoth(trx, deps, acting.representative, dependent, 'oidc.consent.granted', data, requestId),
  }
}
