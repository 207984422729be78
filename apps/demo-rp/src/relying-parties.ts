/** How a demo relying party authenticates to the provider and protects its tokens. */
export type RpProfile = 'baseline' | 'fapi2'

/** One demo relying party: what it asks for and which level it accepts (DOMAIN §7: it chooses the level). */
export type RelyingParty = {
  key: 'portal' | 'bank'
  clientId: string
  /** Vietnamese name first, English second. */
  name: { vi: string; en: string }
  tagline: { vi: string; en: string }
  scope: string
  /** The lowest level it accepts; a higher one is asked with acr_values. */
  minLevel: 1 | 2
  /** The profile it wants; the bank falls back to baseline while the provider does not offer PAR and DPoP. */
  profile: RpProfile
  /** Its own session cookie: cookies are not separated by port, so the two demos on localhost need two names. */
  cookie: string
}

export const PORTAL: RelyingParty = {
  key: 'portal',
  clientId: 'demo-portal',
  name: { vi: 'Cổng Dịch vụ công (demo)', en: 'Public Service Portal (demo)' },
  tagline: {
    vi: 'Nộp hồ sơ thủ tục hành chính trực tuyến',
    en: 'Submit administrative procedures online',
  },
  scope: 'openid profile vn_id',
  minLevel: 1,
  profile: 'baseline',
  cookie: 'demo_portal_session',
}

export const BANK: RelyingParty = {
  key: 'bank',
  clientId: 'demo-bank',
  name: { vi: 'Ngân hàng Demo', en: 'Demo Bank' },
  tagline: {
    vi: 'Mở tài khoản thanh toán trực tuyến bằng tài khoản định danh điện tử mức độ 2',
    en: 'Open a payment account online with a level-2 electronic identity account',
  },
  scope: 'openid profile vn_id',
  minLevel: 2,
  profile: 'fapi2',
  cookie: 'demo_bank_session',
}

export const ACR = { 1: 'urn:dinhdanh:loa:1', 2: 'urn:dinhdanh:loa:2' } as const

/** The level an `acr` stands for, or 0 for a value this demo does not know. */
export const levelOf = (acr: unknown): 0 | 1 | 2 => (acr === ACR[2] ? 2 : acr === ACR[1] ? 1 : 0)
