import type { AccountLevel, LegalSource, PolicyProfile } from './policy.types.js'

/**
 * What an individual account may be used for (DOMAIN §2.3). A relying party may always demand more
 * than the minimum here (D34 Art 5).
 */
export const LEVEL_ACTIONS = [
  /** Prove ID number, name, date of birth and gender where a transaction needs them. */
  'prove_identity_attributes',
  /** Log in to the National Public Service Portal and ministry/provincial portals. */
  'public_service_login',
  /** See the limited set of integrated documents available at level 1. */
  'integrated_documents_limited',
  /** Present integrated documents (licences, insurance, …) as equal to the originals. */
  'integrated_documents_full',
  /** Present the electronic ID card: equal to showing the physical CCCD / ID card (citizens only). */
  'present_id_card',
  /** Log in to a portal by scanning its QR code with the app (web-login permission enabled). */
  'qr_web_login',
  /** Payments, transfers and social-welfare payouts through the app. */
  'financial_transactions',
  /** File a level-1 account for a child or ward. */
  'register_dependent',
  /** File an organisation's account as its legal representative or head. */
  'register_organisation',
] as const
export type LevelAction = (typeof LEVEL_ACTIONS)[number]

type Requirement = {
  minimum: AccountLevel
  source: LegalSource
  citizensOnly?: true
  /** Practice or a secondary source, not a decree: keep configurable. */
  uncertain?: true
}

const D69: Record<LevelAction, Requirement> = {
  prove_identity_attributes: { minimum: 1, source: 'D69 Art 9' },
  public_service_login: { minimum: 1, source: 'D69 transitional article (uncertain); D34 Art 5' },
  integrated_documents_limited: { minimum: 1, source: 'D69 Art 9' },
  integrated_documents_full: { minimum: 2, source: 'D69 Art 9(6)' },
  present_id_card: { minimum: 2, source: 'D69 Art 9(6), 28', citizensOnly: true },
  qr_web_login: { minimum: 2, source: 'Đồng Nai guide (app practice)', uncertain: true },
  financial_transactions: { minimum: 2, source: 'seeds S000-S002 (not in any decree)', uncertain: true },
  register_dependent: { minimum: 2, source: 'D69 Art 10' },
  register_organisation: { minimum: 2, source: 'D69 Art 12' },
}

const D59: Record<LevelAction, Requirement> = {
  ...D69,
  prove_identity_attributes: { minimum: 1, source: 'D59 Art 13' },
  public_service_login: { minimum: 1, source: 'D59 Art 13; D34 Art 5' },
  integrated_documents_limited: { minimum: 1, source: 'D59 Art 13' },
  integrated_documents_full: { minimum: 2, source: 'D59 Art 13(8)' },
  present_id_card: { minimum: 2, source: 'D59 Art 13(8)', citizensOnly: true },
  // Decision 34 records children under the parent's account without naming a level.
  register_dependent: { minimum: 1, source: 'D59 Art 11; D34 Art 6', uncertain: true },
  register_organisation: { minimum: 2, source: 'D59 Art 16' },
}

export type LevelPermission =
  | { allowed: true; source: LegalSource; uncertain?: true }
  | { allowed: false; reason: 'level_too_low'; requires: AccountLevel; source: LegalSource; uncertain?: true }
  | { allowed: false; reason: 'citizens_only'; source: LegalSource; uncertain?: true }

/** May an account of `level` held by a `holder` perform `action` under `profile`? */
export const levelAllows = (
  profile: PolicyProfile,
  level: AccountLevel,
  action: LevelAction,
  holder: 'citizen' | 'foreigner' = 'citizen',
): LevelPermission => {
  const { minimum, source, citizensOnly, uncertain } = (profile === 'decree-69-2024' ? D69 : D59)[action]
  const flag = uncertain ? { uncertain } : {}
  if (citizensOnly && holder !== 'citizen')
    return { allowed: false, reason: 'citizens_only', source, ...flag }
  if (level < minimum) return { allowed: false, reason: 'level_too_low', requires: minimum, source, ...flag }
  return { allowed: true, source, ...flag }
}
