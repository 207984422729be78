import type { KoaContextWithOIDC } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { findAccountBySubject } from '../accounts/index.js'
import { type Html, html } from './interaction.html.js'
import { csp } from './interaction.http.js'
import { LANGS, type Lang, messages, say } from './interaction.i18n.js'
import { layout, maskId } from './interaction.pages.js'

// The logout request's own parameters: the language link repeats them with the other language.
const LOGOUT_PARAMS = [
  'id_token_hint',
  'post_logout_redirect_uri',
  'state',
  'ui_locales',
  'client_id',
  'logout_hint',
]

const isLang = (v: unknown): v is Lang => LANGS.some((l) => l === v)

// ?lang= from the language link, else the relying party's ui_locales, else Vietnamese.
const langOf = (ctx: KoaContextWithOIDC): Lang => {
  if (isLang(ctx.query.lang)) return ctx.query.lang
  const locales = ctx.oidc.params?.ui_locales
  const first = typeof locales === 'string' ? locales.split(' ').find((l) => /^(en|vi)/.test(l)) : undefined
  return first?.startsWith('en') ? 'en' : 'vi'
}

const send = (ctx: KoaContextWithOIDC, page: string, redirectUri?: unknown) => {
  ctx.type = 'html'
  ctx.set('cache-control', 'no-store')
  // The Yes and No buttons post to us, and our answer redirects to the relying party's post-logout URI.
  ctx.set('content-security-policy', csp(redirectUri))
  ctx.body = page
}

/**
 * The confirmation oidc-provider shows before ending a session: its `form` carries the anti-forgery
 * value; the two buttons submit it (form="op.logoutForm"), so it works without a script. Yes ends the
 * provider session (every relying party); No ends only the asking relying party's part of it.
 */
export const logoutSource =
  (deps: Pick<Deps, 'db'>) =>
  async (ctx: KoaContextWithOIDC, form: string): Promise<void> => {
    const lang = langOf(ctx)
    const m = messages[lang]
    const client = ctx.oidc.client?.clientName ?? m.brand
    const accountId = ctx.oidc.session?.accountId
    const account = accountId ? await findAccountBySubject(deps.db, accountId) : undefined
    const query = new URLSearchParams({ lang: lang === 'vi' ? 'en' : 'vi' })
    for (const name of LOGOUT_PARAMS) {
      const value = ctx.oidc.params?.[name]
      if (typeof value === 'string') query.set(name, value)
    }
    const formHtml: Html = { html: form }
    const title = say(m, 'logoutTitle', { client })
    send(
      ctx,
      layout({
        lang,
        title,
        switchHref: `${new URL(ctx.oidc.urlFor('end_session')).pathname}?${query}`,
        body: html`<h1>${title}</h1>
${account ? html`<p class="muted">${say(m, 'accountLine', { id: maskId(account.subject_id), level: String(account.level) })}</p>` : null}
<p>${m.logoutLead}</p>
${ctx.oidc.client ? html`<p class="muted">${say(m, 'logoutNoNote', { client })}</p>` : null}
${formHtml}
<button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">${m.logoutYes}</button>
<button class="secondary" type="submit" form="op.logoutForm">${m.logoutNo}</button>`,
      }),
      ctx.oidc.params?.post_logout_redirect_uri,
    )
  }

/** After a logout with no post-logout URI: both languages, as nothing says which one the citizen reads. */
export const postLogoutSuccessSource = async (ctx: KoaContextWithOIDC): Promise<void> => {
  const { vi, en } = messages
  const name = ctx.oidc.client?.clientName
  send(
    ctx,
    layout({
      lang: 'vi',
      title: vi.loggedOutTitle,
      switchHref: null,
      body: html`<h1>${vi.loggedOutTitle}</h1>
<p>${say(vi, 'loggedOutLead', { client: name ?? vi.brand })}</p>
<h2 lang="en">${en.loggedOutTitle}</h2>
<p lang="en">${say(en, 'loggedOutLead', { client: name ?? en.brand })}</p>`,
    }),
  )
}
