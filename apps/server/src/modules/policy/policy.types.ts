// Vocabulary shared by every rule of the policy module.

/** The legal regimes the platform can run under (configuration `POLICY_PROFILE`). */
export const POLICY_PROFILES = ['decree-69-2024', 'decree-59-2022'] as const
export type PolicyProfile = (typeof POLICY_PROFILES)[number]
/** Decree 69/2024/NĐ-CP, in force since 1 Jul 2024. */
export const DEFAULT_POLICY_PROFILE: PolicyProfile = 'decree-69-2024'

export const isPolicyProfile = (value: string): value is PolicyProfile =>
  (POLICY_PROFILES as readonly string[]).includes(value)

/** Individual account levels (mức độ 01, 02); organisation accounts have none under Decree 69. */
export type AccountLevel = 1 | 2

/**
 * Where a rule comes from, abbreviated as in shared/DOMAIN.md: 'D69 Art 7(1)', 'D59 Art 17',
 * 'D34 Art 6', 'LID Art 34(1)(d)' (Law on Identification 2023), 'Civil Code 2015 Art 148'.
 */
export type LegalSource = string

/** A citizen-facing text in both languages of the platform. */
export type Bilingual = { readonly vi: string; readonly en: string }
