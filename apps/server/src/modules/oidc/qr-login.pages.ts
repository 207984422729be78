import QRCode from 'qrcode'
import { type Html, html } from './interaction.html.js'
import { type Lang, messages } from './interaction.i18n.js'
import { layout } from './interaction.pages.js'
import { displayQrCode, QR_PREFIX } from './qr-login.code.js'
import { sayQr } from './qr-login.i18n.js'

const base = (uid: string) => `/oidc/interaction/${encodeURIComponent(uid)}`

/** The QR code as inline SVG: no image request and no script, so the page's CSP stays as strict. */
const qrSvg = async (code: string, label: string): Promise<Html> => {
  const svg = await QRCode.toString(`${QR_PREFIX}${code}`, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  })
  // The generator's output is markup we trust; only our escaped label goes into it.
  return {
    html: svg.replace(
      '<svg ',
      `<svg ${html`role="img" aria-label="${label}"`.html} width="224" height="224" class="qr" `,
    ),
  }
}

// New code, back to the password, cancel: the ways out of every QR page.
const exits = (lang: Lang, uid: string) =>
  html`<form method="post" action="${base(uid)}/qr"><input type="hidden" name="lang" value="${lang}">
<button class="secondary" type="submit">${sayQr(lang, 'qrNewCode')}</button></form>
<p><a href="${base(uid)}?lang=${lang}">${sayQr(lang, 'qrBack')}</a></p>
<form class="inline" method="post" action="${base(uid)}/abort"><input type="hidden" name="lang" value="${lang}">
<button class="secondary" type="submit">${messages[lang].cancel}</button></form>`

export type QrWaitingView = {
  lang: Lang
  uid: string
  clientName: string
  code: string
  stillWaiting: boolean
}

/**
 * The code to scan or type, and a button to go on once the app approved. No automatic refresh: a timed
 * reload takes the page away from screen-reader and keyboard users (WCAG 2.2.1; axe `meta-refresh`).
 */
export const qrWaitingPage = async (v: QrWaitingView) =>
  layout({
    lang: v.lang,
    title: sayQr(v.lang, 'qrTitle'),
    switchHref: `${base(v.uid)}/qr?c=${v.code}&lang=${v.lang === 'vi' ? 'en' : 'vi'}`,
    body: html`<h1>${sayQr(v.lang, 'qrTitle')}</h1>
<p>${sayQr(v.lang, 'qrLead', { client: v.clientName })}</p>
${v.stillWaiting ? html`<div class="alert" role="alert">${sayQr(v.lang, 'qrWaiting')}</div>` : null}
<p class="qr">${await qrSvg(v.code, sayQr(v.lang, 'qrImage'))}</p>
<p>${sayQr(v.lang, 'qrCode')}: <strong class="code">${displayQrCode(v.code)}</strong></p>
<p class="muted">${sayQr(v.lang, 'qrExpires')}</p>
<form method="get" action="${base(v.uid)}/qr">
<input type="hidden" name="c" value="${v.code}">
<input type="hidden" name="lang" value="${v.lang}">
<input type="hidden" name="checked" value="1">
<button class="primary" type="submit">${sayQr(v.lang, 'qrConfirmed')}</button>
</form>
${exits(v.lang, v.uid)}`,
  })

export type QrEndedView = { lang: Lang; uid: string; why: 'expired' | 'refused' | 'not_allowed' }

const ENDED = {
  expired: ['qrExpiredTitle', 'qrExpiredLead'],
  refused: ['qrRefusedTitle', 'qrRefusedLead'],
  not_allowed: ['qrNotAllowedTitle', 'qrNotAllowedLead'],
} as const

/** The code can no longer log in: say why, and offer a new code or the password. */
export const qrEndedPage = (v: QrEndedView) => {
  const [title, lead] = ENDED[v.why]
  return layout({
    lang: v.lang,
    title: sayQr(v.lang, title),
    switchHref: null,
    body: html`<h1>${sayQr(v.lang, title)}</h1>
<div class="alert" role="alert">${sayQr(v.lang, lead)}</div>
${exits(v.lang, v.uid)}`,
  })
}
