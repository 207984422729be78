import type * as client from 'openid-client'
import type { LoginFailure } from './login.js'
import { levelOf, type RelyingParty, type RpProfile } from './relying-parties.js'
import type { LoggedIn } from './sessions.js'

type Bilingual = { vi: string; en: string }

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const esc = (v: unknown) => String(v).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/** Vietnamese first, English after it in a smaller line of its own (marked lang="en" for screen readers). */
const both = (t: Bilingual) => `${esc(t.vi)} <span class="en" lang="en">${esc(t.en)}</span>`

const layout = (rp: RelyingParty, title: Bilingual, main: string) => `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title.vi)} · ${esc(rp.name.vi)}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body class="${rp.key}">
<header><a class="brand" href="/">${esc(rp.name.vi)}</a><span class="en" lang="en">${esc(rp.name.en)}</span></header>
<main>
${main}
</main>
<footer>${both({
  vi: 'Trang minh họa: đăng nhập qua OpenID Connect với hệ thống định danh điện tử dinhdanh.',
  en: 'A demo: logging in through OpenID Connect with the dinhdanh electronic identity platform.',
})}</footer>
</body>
</html>
`

export const LEVEL_NAMES: Record<number, Bilingual> = {
  1: {
    vi: 'Mức độ 1 — thông tin đối chiếu với Cơ sở dữ liệu quốc gia về dân cư qua ứng dụng',
    en: 'Level 1: identity checked against the population registry from the app',
  },
  2: {
    vi: 'Mức độ 2 — xác thực trực tiếp tại cơ quan Công an; tương đương xuất trình thẻ căn cước',
    en: 'Level 2: identity proofed in person at a police counter; equals presenting the ID card',
  },
}

const AMR_NAMES: Record<string, Bilingual> = {
  pwd: { vi: 'mật khẩu', en: 'password' },
  otp: { vi: 'mã xác thực một lần', en: 'one-time code' },
  sms: { vi: 'SMS', en: 'SMS' },
  mfa: { vi: 'xác thực nhiều yếu tố', en: 'multi-factor' },
  hwk: { vi: 'khóa truy cập (passkey)', en: 'passkey' },
  face: { vi: 'khuôn mặt', en: 'face' },
}

const PROFILE_NAMES: Record<RpProfile, Bilingual> = {
  baseline: {
    vi: 'Hồ sơ cơ bản: mã ủy quyền với PKCE S256',
    en: 'Baseline profile: authorization code with PKCE S256',
  },
  fapi2: {
    vi: 'FAPI 2.0: private_key_jwt, yêu cầu ủy quyền đẩy trước (PAR), token gắn khóa DPoP',
    en: 'FAPI 2.0: private_key_jwt, pushed authorization request (PAR), DPoP-bound tokens',
  },
}

const row = (label: Bilingual, value: string, code?: string) =>
  `<tr><th scope="row">${both(label)}${code ? ` <code>${esc(code)}</code>` : ''}</th><td>${value}</td></tr>`

const vietnamTime = (seconds: unknown) =>
  typeof seconds === 'number'
    ? esc(new Date(seconds * 1000).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }))
    : '—'

const dateOf = (birthdate: unknown) => {
  const [y, m, d] = String(birthdate).split('-')
  return esc(d && m ? `${d}/${m}/${y}` : String(birthdate))
}

const levelBadge = (acr: unknown) => {
  const level = levelOf(acr)
  return level ? `<span class="badge">Mức độ ${level} <span lang="en">Level ${level}</span></span>` : ''
}

/** A note about the profile in use; the bank's fallback to baseline is said plainly, never hidden. */
export const profileNote = (rp: RelyingParty, profile: RpProfile | 'unreachable', issuer: URL) => {
  if (profile === 'unreachable')
    return `<p class="note warn" role="status">${both({
      vi: `Chưa kết nối được với hệ thống định danh tại ${issuer.origin} (đã chạy npm start chưa?).`,
      en: `The e-ID platform at ${issuer.origin} cannot be reached yet (is npm start running?).`,
    })}</p>`
  if (rp.profile === 'fapi2' && profile === 'baseline')
    return `<p class="note warn" role="status">${both({
      vi: 'Lưu ý: hệ thống định danh chưa công bố PAR và DPoP, nên ngân hàng tạm đăng nhập theo hồ sơ cơ bản (private_key_jwt, không có PAR và DPoP).',
      en: 'Note: the e-ID platform does not announce PAR and DPoP, so the bank logs in with the baseline profile for now (private_key_jwt, without PAR and DPoP).',
    })}</p>`
  return `<p class="note">${both(PROFILE_NAMES[profile])}</p>`
}

export const homePage = (rp: RelyingParty, note: string, loggedOut: boolean) =>
  layout(
    rp,
    { vi: 'Trang chủ', en: 'Home' },
    `<h1>${both(rp.tagline)}</h1>
${loggedOut ? `<p class="note ok" role="status">${both({ vi: 'Bạn đã đăng xuất.', en: 'You have logged out.' })}</p>` : ''}
<p>${both(
      rp.minLevel > 1
        ? {
            vi: 'Dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2.',
            en: 'This service requires a level-2 electronic identity account.',
          }
        : {
            vi: 'Dịch vụ này chấp nhận tài khoản định danh điện tử mức độ 1 trở lên.',
            en: 'This service accepts electronic identity accounts of level 1 and above.',
          },
    )}</p>
<p><a class="button" href="/login">${both({
      vi: 'Đăng nhập bằng tài khoản định danh điện tử',
      en: 'Log in with your electronic identity account',
    })}</a></p>
${note}`,
  )

const otherClaims = (info: client.UserInfoResponse) =>
  Object.entries(info)
    .filter(([k]) => !['sub', 'name', 'birthdate', 'gender', 'vn_id'].includes(k))
    .map(
      ([k, v]) =>
        `<tr><th scope="row"><code>${esc(k)}</code></th><td><code>${esc(JSON.stringify(v))}</code></td></tr>`,
    )
    .join('\n')

export const accountPage = (rp: RelyingParty, user: LoggedIn, note: string) => {
  const { claims, userinfo } = user
  const level = levelOf(claims.acr)
  const amr = (Array.isArray(claims.amr) ? claims.amr : []).map(String)
  return layout(
    rp,
    { vi: 'Tài khoản', en: 'Account' },
    `<h1>Xin chào, ${esc(userinfo.name ?? claims.sub)} ${levelBadge(claims.acr)}</h1>
<p>${both({ vi: 'Bạn đã đăng nhập bằng tài khoản định danh điện tử.', en: 'You are logged in with your electronic identity account.' })}</p>
<h2>${both({ vi: 'ID token (do hệ thống định danh ký)', en: 'ID token (signed by the e-ID platform)' })}</h2>
<table>
${row({ vi: 'Định danh riêng cho dịch vụ này', en: 'Subject, pairwise for this service' }, `<code>${esc(claims.sub)}</code>`, 'sub')}
${row({ vi: 'Mức độ tài khoản', en: 'Account level' }, `<code>${esc(claims.acr ?? '—')}</code><br>${level ? both(LEVEL_NAMES[level] ?? { vi: '', en: '' }) : ''}`, 'acr')}
${row({ vi: 'Phương thức xác thực', en: 'Authentication methods' }, amr.map((m) => `<code>${esc(m)}</code> ${AMR_NAMES[m] ? both(AMR_NAMES[m]) : ''}`).join('<br>') || '—', 'amr')}
${row({ vi: 'Thời điểm xác thực', en: 'Authenticated at' }, vietnamTime(claims.auth_time), 'auth_time')}
</table>
<h2>${both({ vi: 'Thông tin chia sẻ (userinfo)', en: 'Shared information (userinfo)' })}</h2>
<table>
${row({ vi: 'Họ và tên', en: 'Full name' }, esc(userinfo.name ?? '—'), 'name')}
${row({ vi: 'Ngày sinh', en: 'Date of birth' }, userinfo.birthdate ? dateOf(userinfo.birthdate) : '—', 'birthdate')}
${row({ vi: 'Giới tính', en: 'Gender' }, userinfo.gender === 'male' ? 'Nam <span lang="en">male</span>' : userinfo.gender === 'female' ? 'Nữ <span lang="en">female</span>' : esc(userinfo.gender ?? '—'), 'gender')}
${row({ vi: 'Số định danh cá nhân', en: 'Personal ID number' }, esc(userinfo.vn_id ?? '—'), 'vn_id')}
${otherClaims(userinfo)}
</table>
<p class="note">${both(PROFILE_NAMES[user.profile])}; token: <code>${esc(user.tokenType)}</code></p>
${note}
<form method="post" action="/logout"><button type="submit">${both({ vi: 'Đăng xuất', en: 'Log out' })}</button></form>`,
  )
}

const failureText = (rp: RelyingParty, f: LoginFailure): Bilingual => {
  switch (f.kind) {
    case 'level_too_low':
      return {
        vi: `${rp.name.vi} yêu cầu tài khoản định danh điện tử mức độ ${f.required}${f.got ? `; tài khoản của bạn là mức độ ${f.got}` : ''}. Mức độ 2 chỉ được cấp khi bạn đăng ký trực tiếp tại cơ quan Công an, không nâng cấp trực tuyến được.`,
        en: `${rp.name.en} requires a level-${f.required} electronic identity account${f.got ? `; yours is level ${f.got}` : ''}. Level 2 is granted only in person at a police counter, never online.`,
      }
    case 'cancelled':
      return {
        vi: 'Bạn đã hủy đăng nhập hoặc từ chối chia sẻ thông tin.',
        en: 'You cancelled the login or refused to share your information.',
      }
    case 'expired':
      return {
        vi: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.',
        en: 'The login has expired or is not valid. Please log in again.',
      }
    case 'provider_unreachable':
      return {
        vi: 'Không kết nối được với hệ thống định danh điện tử. Vui lòng thử lại sau.',
        en: 'The electronic identity platform cannot be reached. Please try again later.',
      }
    case 'provider_error':
      return {
        vi: `Hệ thống định danh điện tử trả về lỗi ${f.error}${f.description ? ` (${f.description})` : ''}.`,
        en: `The electronic identity platform answered with the error ${f.error}${f.description ? ` (${f.description})` : ''}.`,
      }
  }
}

export const failurePage = (rp: RelyingParty, f: LoginFailure) =>
  layout(
    rp,
    { vi: 'Không đăng nhập được', en: 'Login failed' },
    `<h1>${both({ vi: 'Không đăng nhập được', en: 'Login failed' })}</h1>
<p class="note warn" role="alert">${both(failureText(rp, f))}</p>
<p><a href="/">${both({ vi: 'Về trang chủ', en: 'Back to the home page' })}</a></p>`,
  )

export const notFoundPage = (rp: RelyingParty) =>
  layout(
    rp,
    { vi: 'Không tìm thấy', en: 'Not found' },
    `<h1>${both({ vi: 'Không tìm thấy trang', en: 'Page not found' })}</h1><p><a href="/">${both({ vi: 'Về trang chủ', en: 'Back to the home page' })}</a></p>`,
  )
