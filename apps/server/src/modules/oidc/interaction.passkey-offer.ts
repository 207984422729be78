import { html } from './interaction.html.js'
import { type Lang, messages } from './interaction.i18n.js'

export const PASSKEY_SCRIPT_PATH = '/oidc/assets/interaction.passkey.js'

const action = (uid: string, step: string) => `/oidc/interaction/${encodeURIComponent(uid)}/${step}`

/**
 * Under the password form: a passkey button, hidden until the script finds WebAuthn in the browser (the
 * page works without it). The script fetches the options, asks the authenticator and posts the assertion
 * in this form; the messages it may show come with the page, in the page's language.
 */
export const passkeyOffer = (v: { lang: Lang; uid: string }) => {
  const m = messages[v.lang]
  return html`<section id="passkey-login" hidden data-options="${action(v.uid, 'passkey/options')}" data-cancelled="${m.passkeyCancelled}" data-failed="${m.passkeyFailed}" aria-labelledby="passkey-title">
<h2 id="passkey-title">${m.passkeyOr}</h2>
<div class="alert" role="alert" hidden></div>
<form method="post" action="${action(v.uid, 'passkey/login')}">
<input type="hidden" name="lang" value="${v.lang}">
<input type="hidden" name="challengeId">
<input type="hidden" name="response">
<button class="secondary" type="button" aria-describedby="passkey-hint">${m.passkeyLogIn}</button>
<p class="hint" id="passkey-hint">${m.passkeyHint}</p>
</form>
</section>
<script src="${PASSKEY_SCRIPT_PATH}" defer></script>`
}
