import type { TFunction } from 'i18next'

// Claims and scopes the pages can put in words; any other is shown by its name.
const CLAIMS = [
  'name',
  'birthdate',
  'gender',
  'vn_id',
  'address',
  'phone_number',
  'phone_number_verified',
  'email',
  'email_verified',
  'verified_claims',
  'old_id_number',
  'card_status',
  'vital_status',
  'act',
  'nationality',
  'place_of_origin',
  'card_number',
  'card_kind',
  'card_issue_date',
  'card_expiry_date',
  'card_issuing_authority',
  'account_level',
  'portrait',
] as const
// A shared integrated document is logged as `document:<kind>` (docs/sharing.md).
const DOCUMENT_KINDS = [
  'driving_licence',
  'vehicle_registration',
  'health_insurance',
  'social_insurance',
  'tax_code',
] as const
const SCOPES = [
  'openid',
  'profile',
  'vn_id',
  'address',
  'phone',
  'email',
  'vn_verified',
  'offline_access',
] as const
const CHANNELS = {
  'oidc.userinfo': 'oidc_userinfo',
  'oidc.id_token': 'oidc_id_token',
  'card_qr.check': 'card_qr_check',
  'qr.online': 'qr_online',
  'qr.app_check': 'qr_app_check',
} as const

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value)

export const claimLabel = (claim: string, t: TFunction) => {
  const kind = claim.startsWith('document:') ? claim.slice('document:'.length) : undefined
  if (kind !== undefined && isOneOf(DOCUMENT_KINDS, kind)) return t(`documents.kinds.${kind}`)
  return isOneOf(CLAIMS, claim) ? t(`dataAccess.claims.${claim}`) : claim
}

export const scopeLabel = (scope: string, t: TFunction) =>
  isOneOf(SCOPES, scope) ? t(`dataAccess.scopes.${scope}`) : scope

export const channelLabel = (channel: string, t: TFunction) =>
  channel in CHANNELS ? t(`dataAccess.log.channels.${CHANNELS[channel as keyof typeof CHANNELS]}`) : channel

/** Claims in the order the consent page lists them (name first), unknown ones last. */
export const inReadingOrder = (claims: readonly string[]) => {
  const rank = (c: string) => (isOneOf(CLAIMS, c) ? CLAIMS.indexOf(c) : CLAIMS.length)
  return [...claims].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}
