import { sayActFor } from './act-for.i18n.js'
import { type Html, html } from './interaction.html.js'
import { errorMessages, errorText, type Lang, messages, say } from './interaction.i18n.js'
import { passkeyOffer } from './interaction.passkey-offer.js'
import { WITHHELD_FOR_DEPENDENTS } from './oidc.act-for.js'
import { appLoginOffers } from './qr-login.offer.js'

export const CSS_PATH = '/oidc/assets/interaction.css'

type Page = { lang: Lang; title: string; switchHref: string | null; body: Html }

export const layout = ({ lang, title, switchHref, body }: Page): string =>
  `<!doctype html>${
    html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · ${messages[lang].brand}</title>
<link rel="stylesheet" href="${CSS_PATH}">
</head>
<body>
<header>${messages[lang].brand}${
      switchHref
        ? html` <a href="${switchHref}" lang="${lang === 'vi' ? 'en' : 'vi'}">${messages[lang].switchTo}</a>`
        : null
    }</header>
<main>
${body}
</main>
</body>
</html>`.html
  }`

const alert = (lang: Lang, code: string | undefined) =>
  code ? html`<div class="alert" role="alert">${errorText(code, lang)}</div>` : null

const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi')
const action = (uid: string, step: string) => `/oidc/interaction/${encodeURIComponent(uid)}/${step}`
const langField = (lang: Lang) => html`<input type="hidden" name="lang" value="${lang}">`

const cancelForm = (lang: Lang, uid: string) =>
  html`<form class="inline" method="post" action="${action(uid, 'abort')}">${langField(lang)}
<button class="secondary" type="submit">${messages[lang].cancel}</button></form>`

export type LoginView = {
  lang: Lang
  uid: string
  clientName: string
  error?: string | undefined
  username?: string
  /** A citizen already logged in who must log in again (a higher level, max_age or prompt=login). */
  again?: boolean
  /** The masked ID number of the citizen app's session in this browser, offered as a way in. */
  continueAs?: string | undefined
  /** Offer a passkey (the platform has a WebAuthn relying party): the page then loads its one script. */
  passkey?: boolean
}

export const loginPage = (v: LoginView) => {
  const m = messages[v.lang]
  return layout({
    lang: v.lang,
    title: m.loginTitle,
    switchHref: `/oidc/interaction/${encodeURIComponent(v.uid)}?lang=${other(v.lang)}`,
    body: html`<h1>${m.loginTitle}</h1>
<p>${say(m, 'loginLead', { client: v.clientName })}</p>
${v.again ? html`<p class="muted" role="status">${m.loginAgain}</p>` : null}
${alert(v.lang, v.error)}
<form method="post" action="${action(v.uid, 'login')}">
${langField(v.lang)}
<label for="username">${m.username} <span class="hint" id="username-hint">${m.usernameHint}</span></label>
<input id="username" name="username" autocomplete="username" inputmode="numeric" maxlength="12" required aria-describedby="username-hint" value="${v.username ?? ''}">
<label for="password">${m.password}</label>
<input id="password" name="password" type="password" autocomplete="current-password" maxlength="200" required>
<button class="primary" type="submit">${m.logIn}</button>
</form>
${v.passkey ? passkeyOffer(v) : null}
${appLoginOffers({ lang: v.lang, uid: v.uid, continueAs: v.continueAs })}
${cancelForm(v.lang, v.uid)}`,
  })
}

export type CodeView = {
  lang: Lang
  uid: string
  challengeId: string
  phoneHint: string
  error?: string | undefined
}

export const codePage = (v: CodeView) => {
  const m = messages[v.lang]
  return layout({
    lang: v.lang,
    title: m.codeTitle,
    switchHref: null,
    body: html`<h1>${m.codeTitle}</h1>
<p>${say(m, 'codeLead', { phone: v.phoneHint })}</p>
${alert(v.lang, v.error)}
<form method="post" action="${action(v.uid, 'verify')}">
${langField(v.lang)}
<input type="hidden" name="challengeId" value="${v.challengeId}">
<input type="hidden" name="phoneHint" value="${v.phoneHint}">
<label for="code">${m.code}</label>
<input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" required>
<button class="primary" type="submit">${m.confirmCode}</button>
</form>
${cancelForm(v.lang, v.uid)}`,
  })
}

const SCOPE_ITEMS: Record<string, Array<keyof (typeof messages)['vi']>> = {
  openid: ['claim_sub'],
  profile: ['claim_name', 'claim_birthdate', 'claim_gender'],
  vn_id: ['claim_vn_id'],
  offline_access: ['scope_offline_access'],
  address: ['claim_address'],
  phone: ['claim_phone'],
  email: ['claim_email'],
  vn_verified: ['scope_vn_verified'],
}

export type ConsentView = {
  lang: Lang
  uid: string
  clientName: string
  purpose: string | null
  scopes: string[]
  account: { id: string; level: number }
  /** The dependent the citizen signs in for (interaction.act-for.ts); the account above is then theirs. */
  actingFor?: { id: string; name: string; relation: 'parent' | 'guardian' } | undefined
}

// Whose data and who agrees: the dependent and their representative both named when one acts for the other.
const consentWho = (v: ConsentView) => {
  const m = messages[v.lang]
  const account = { id: maskId(v.account.id), level: String(v.account.level) }
  if (!v.actingFor) return html`<p class="muted">${say(m, 'accountLine', account)}</p>`
  const relation = sayActFor(
    v.lang,
    v.actingFor.relation === 'guardian' ? 'relationGuardian' : 'relationParent',
  )
  return html`<p>${sayActFor(v.lang, 'consentFor', { name: v.actingFor.name, id: maskId(v.actingFor.id), relation })}</p>
<p class="muted">${sayActFor(v.lang, 'consentBy', account)}</p>`
}

/** The ID number as the page shows it: enough for the holder to recognise, little for an onlooker. */
export const maskId = (id: string) =>
  `${id.slice(0, 3)}${'•'.repeat(Math.max(0, id.length - 6))}${id.slice(-3)}`

export const consentPage = (v: ConsentView) => {
  const m = messages[v.lang]
  // A dependent's phone and e-mail are not released (the account's are the representative's).
  const scopes = v.actingFor ? v.scopes.filter((s) => !WITHHELD_FOR_DEPENDENTS.has(s)) : v.scopes
  const items = scopes.flatMap((s) => SCOPE_ITEMS[s] ?? [])
  const title = v.actingFor
    ? sayActFor(v.lang, 'consentTitleFor', { client: v.clientName, name: v.actingFor.name })
    : say(m, 'consentTitle', { client: v.clientName })
  return layout({
    lang: v.lang,
    title,
    switchHref: `/oidc/interaction/${encodeURIComponent(v.uid)}?lang=${other(v.lang)}`,
    body: html`<h1>${title}</h1>
${consentWho(v)}
<dl>
<dt>${m.purpose}</dt><dd>${v.purpose ?? m.purposeMissing}</dd>
<dt>${m.requestedData}</dt>
<dd><ul class="claims">${items.map((k) => html`<li>${m[k]}</li>`)}</ul></dd>
</dl>
<p class="muted">${m.consentNote}</p>
<form class="inline" method="post" action="${action(v.uid, 'confirm')}">${langField(v.lang)}
<button class="primary" type="submit">${m.allow}</button></form>
<form class="inline" method="post" action="${action(v.uid, 'abort')}">${langField(v.lang)}
<button class="secondary" type="submit">${m.deny}</button></form>`,
  })
}

/** An error with no relying party to send it back to, in both languages (the request's language is unknown). */
export const errorPage = (code: string, description: string | undefined) =>
  layout({
    lang: 'vi',
    title: messages.vi.errorTitle,
    switchHref: null,
    body: html`<h1>${messages.vi.errorTitle}</h1>
<p>${errorMessages[code]?.vi ?? messages.vi.errorLead}</p>
<h2 lang="en">${messages.en.errorTitle}</h2>
<p lang="en">${errorMessages[code]?.en ?? messages.en.errorLead}</p>
<p class="muted">${messages.vi.errorCode} / <span lang="en">${messages.en.errorCode}</span>: <code>${code}</code>${
      description ? html` — <span lang="en">${description}</span>` : null
    }</p>`,
  })
