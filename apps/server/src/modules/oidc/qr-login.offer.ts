import { html } from './interaction.html.js'
import type { Lang } from './interaction.i18n.js'
import { sayQr } from './qr-login.i18n.js'

const action = (uid: string, step: string) => `/oidc/interaction/${encodeURIComponent(uid)}/${step}`

/**
 * Under the password form: log in with the app (a QR code to scan), and, when this browser holds a session
 * of the citizen app, continue with that account.
 */
export const appLoginOffers = (v: { lang: Lang; uid: string; continueAs?: string | undefined }) =>
  html`<h2>${sayQr(v.lang, 'orApp')}</h2>
${
  v.continueAs
    ? html`<form method="post" action="${action(v.uid, 'continue')}">
<input type="hidden" name="lang" value="${v.lang}">
<p class="muted">${sayQr(v.lang, 'continueAsHint', { id: v.continueAs })}</p>
<button class="primary" type="submit">${sayQr(v.lang, 'continueAs', { id: v.continueAs })}</button>
</form>`
    : null
}
<form method="post" action="${action(v.uid, 'qr')}">
<input type="hidden" name="lang" value="${v.lang}">
<button class="secondary" type="submit" aria-describedby="qr-offer-hint">${sayQr(v.lang, 'qrOffer')}</button>
<p class="hint" id="qr-offer-hint">${sayQr(v.lang, 'qrOfferHint')}</p>
</form>`
