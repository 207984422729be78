import type { Claims, ShareDocumentKind } from '@dinhdanh/vn-share'
import type { ForeignerRecord, findPersonRecord } from '../registry/index.js'
import type { CredentialDocument, DocumentType } from './credential.inputs.js'
import { splitName } from './pid.claims.js'

type PersonRecord = NonNullable<Awaited<ReturnType<typeof findPersonRecord>>>
type Card = PersonRecord['cards'][number]
const pad = (n: number) => String(n).padStart(2, '0')

/** Name and birth date: the `basic` profile, and the holder part of every other. */
export const basicShareClaims = (p: PersonRecord): Claims => ({
  ...splitName(p.full_name),
  ...(p.birth_month !== null && p.birth_day !== null
    ? { birth_date: `${p.birth_year}-${pad(p.birth_month)}-${pad(p.birth_day)}` }
    : { birth_year: p.birth_year }),
})

/**
 * A foreign resident's `basic` profile, from the immigration record. The record holds the name whole, and
 * which part is the family name differs by country, so it is not split: as in a passport's machine-readable
 * zone (ICAO 9303), a name that cannot be divided goes whole into the primary identifier, `family_name`.
 */
export const foreignerBasicShareClaims = (f: ForeignerRecord): Claims => ({
  family_name: f.fullName,
  birth_date: f.dateOfBirth,
})

/** The chip card's data (`card` profile): what the card's face and chip say, with the PID's claim names. */
export const cardShareClaims = (p: PersonRecord, card: Card): Claims => ({
  ...basicShareClaims(p),
  personal_administrative_number: p.personal_id,
  sex: p.gender === 'male' ? 1 : 2,
  nationality: p.nationality,
  place_of_birth: p.place_of_birth,
  address: p.permanent_address,
  document_number: card.number,
  issuance_date: card.issued_on,
  ...(card.expires_on ? { expiry_date: card.expires_on } : {}),
  issuing_authority: card.authority,
})

const KIND: Record<DocumentType, ShareDocumentKind> = {
  DRIVING_LICENCE: 'driving_licence',
  VEHICLE_REGISTRATION: 'vehicle_registration',
  HEALTH_INSURANCE: 'health_insurance',
  SOCIAL_INSURANCE_NO: 'social_insurance',
  TAX_CODE: 'tax_code',
}
// The documents' own fields that a share carries, under the same names as in their SD-JWT VCs.
const TEXT_FIELDS = [
  'plate',
  'brand',
  'model',
  'colour',
  'chassis_number',
  'engine_number',
  'beneficiary_code',
  'registered_hospital',
  'legacy_tax_code',
] as const

/** One integrated document and its holder's name and birth date (`document` profile). */
export const documentShareClaims = (p: PersonRecord, doc: CredentialDocument): Claims => {
  const f = doc.fields ?? {}
  const claims: Claims = {
    ...basicShareClaims(p),
    document_kind: KIND[doc.type],
    document_number: doc.number,
    issuance_date: doc.issuedOn,
    ...(doc.validTo ? { expiry_date: doc.validTo } : {}),
    issuing_authority: doc.issuingAuthority,
  }
  for (const name of TEXT_FIELDS) if (typeof f[name] === 'string') claims[name] = f[name]
  if (f.vehicle_type === 'car' || f.vehicle_type === 'motorcycle') claims.vehicle_type = f.vehicle_type
  if (typeof f.benefit_level === 'number') claims.benefit_level = f.benefit_level
  const privileges = f.driving_privileges
  if (Array.isArray(privileges))
    claims.licence_class = privileges.map((d) => String(d.vehicle_category_code)).join(',')
  return claims
}
