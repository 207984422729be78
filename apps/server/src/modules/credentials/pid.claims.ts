import type { findPersonRecord } from '../registry/index.js'

type PersonRecord = NonNullable<Awaited<ReturnType<typeof findPersonRecord>>>
const pad = (n: number) => String(n).padStart(2, '0')

/** Vietnamese names put the family name first: "Nguyễn Văn An" → family "Nguyễn", given "Văn An". */
export const splitName = (fullName: string) => {
  const [family = '', ...given] = fullName.trim().split(/\s+/)
  return { family_name: family, given_name: given.join(' ') }
}

/** A full birth date when the registry knows one; only the year otherwise (EU PID birth_year-style). */
export const birthClaims = (p: PersonRecord): Record<string, string | number> =>
  p.birth_month !== null && p.birth_day !== null
    ? { birth_date: `${p.birth_year}-${pad(p.birth_month)}-${pad(p.birth_day)}` }
    : { birth_year: p.birth_year }

/** The holder's name and birth date as they appear on every credential we issue. */
export const holderClaims = (p: PersonRecord) => ({ ...splitName(p.full_name), ...birthClaims(p) })

/** The person's valid card, whose validity bounds the identity credential. */
export const validCard = (p: PersonRecord) => p.cards.find((c) => c.status === 'valid')

/** PID claims with EU PID rule-book names; sex per ISO/IEC 5218 (1 male, 2 female). */
export const pidClaims = (p: PersonRecord, card: PersonRecord['cards'][number]) => ({
  ...holderClaims(p),
  personal_administrative_number: p.personal_id,
  sex: p.gender === 'male' ? 1 : 2,
  nationality: p.nationality,
  place_of_birth: { locality: p.place_of_birth },
  address: { formatted: p.permanent_address, country: 'VN' },
  document_number: card.number,
  issuance_date: card.issued_on,
  ...(card.expires_on ? { expiry_date: card.expires_on } : {}),
  issuing_authority: card.authority,
  issuing_country: 'VN',
})
