// The claim table: every claim a share can carry, its integer key on the wire and how its value is written.
// Integer keys 1..23 take one CBOR byte; names on the decoded side are the PID SD-JWT VC's (EU PID rule book).

import type { Cbor, CborMap } from './cbor.js'

/** What a share discloses: one profile per credential, so selective disclosure is by choice of credential. */
export const PROFILES = ['basic', 'card', 'document'] as const
export type Profile = (typeof PROFILES)[number]
export const PROFILE_CODE: Record<Profile, number> = { basic: 1, card: 2, document: 3 }

export const DOCUMENT_KINDS = [
  'driving_licence',
  'vehicle_registration',
  'health_insurance',
  'social_insurance',
  'tax_code',
] as const
export type ShareDocumentKind = (typeof DOCUMENT_KINDS)[number]

type Encoding = 'text' | 'int' | 'date' | { enum: readonly string[] }

/** [wire key, encoding]; dates are days since 1970-01-01 (RFC 8943's tag 100 value, untagged). */
export const CLAIMS = {
  family_name: [1, 'text'],
  given_name: [2, 'text'],
  birth_date: [3, 'date'],
  birth_year: [4, 'int'],
  personal_administrative_number: [5, 'text'],
  sex: [6, 'int'],
  nationality: [7, 'text'],
  place_of_birth: [8, 'text'],
  address: [9, 'text'],
  document_number: [10, 'text'],
  issuance_date: [11, 'date'],
  expiry_date: [12, 'date'],
  issuing_authority: [13, 'text'],
  document_kind: [14, { enum: DOCUMENT_KINDS }],
  licence_class: [15, 'text'],
  plate: [16, 'text'],
  vehicle_type: [17, { enum: ['motorcycle', 'car'] }],
  brand: [18, 'text'],
  model: [19, 'text'],
  colour: [20, 'text'],
  chassis_number: [21, 'text'],
  engine_number: [22, 'text'],
  beneficiary_code: [23, 'text'],
  benefit_level: [24, 'int'],
  registered_hospital: [25, 'text'],
  legacy_tax_code: [26, 'text'],
} as const satisfies Record<string, readonly [number, Encoding]>
export type ClaimName = keyof typeof CLAIMS
export type Claims = Partial<Record<ClaimName, string | number>>

const HOLDER: ClaimName[] = ['family_name', 'given_name', 'birth_date', 'birth_year']
const CARD: ClaimName[] = [
  'personal_administrative_number',
  'sex',
  'nationality',
  'place_of_birth',
  'address',
  'document_number',
  'issuance_date',
  'expiry_date',
  'issuing_authority',
]
const DOCUMENT: ClaimName[] = (Object.keys(CLAIMS) as ClaimName[]).filter(
  (c) => (CLAIMS[c][0] >= 10 && CLAIMS[c][0] <= 26) || HOLDER.includes(c),
)
/** The claims each profile may carry: a verifier refuses any other. */
export const PROFILE_CLAIMS: Record<Profile, ReadonlySet<ClaimName>> = {
  basic: new Set(HOLDER),
  card: new Set([...HOLDER, ...CARD]),
  document: new Set(DOCUMENT),
}

const BY_KEY = new Map<number, ClaimName>(
  (Object.keys(CLAIMS) as ClaimName[]).map((name) => [CLAIMS[name][0], name]),
)
const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export const dateToDays = (iso: string) => {
  const m = ISO_DATE.exec(iso)
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN
  if (!m || new Date(ms).toISOString().slice(0, 10) !== iso) throw new RangeError(`not a date: ${iso}`)
  return ms / DAY_MS
}
export const daysToDate = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10)

/** Readable claims to the wire map; throws (a programming error of the issuer) on a claim outside the profile. */
export const encodeClaims = (profile: Profile, claims: Claims): CborMap => {
  const out: CborMap = new Map()
  const names = (Object.keys(claims) as ClaimName[]).sort((a, b) => CLAIMS[a][0] - CLAIMS[b][0])
  for (const name of names) {
    const value = claims[name]
    if (value === undefined) continue
    if (!PROFILE_CLAIMS[profile].has(name)) throw new RangeError(`claim ${name} is not in profile ${profile}`)
    const [key, enc] = CLAIMS[name] as readonly [number, Encoding]
    if (enc === 'text') out.set(key, String(value))
    else if (enc === 'int') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new RangeError(`${name}: integer`)
      out.set(key, value)
    } else if (enc === 'date') out.set(key, dateToDays(String(value)))
    else {
      const code = enc.enum.indexOf(String(value))
      if (code < 0) throw new RangeError(`${name}: not one of ${enc.enum.join(', ')}`)
      out.set(key, code + 1)
    }
  }
  return out
}

/** The wire map to readable claims, or null when a key is unknown, outside the profile or of the wrong type. */
export const decodeClaims = (profile: Profile, map: Cbor): Claims | null => {
  if (!(map instanceof Map)) return null
  const out: Claims = {}
  for (const [key, value] of map) {
    const name = typeof key === 'number' ? BY_KEY.get(key) : undefined
    if (!name || !PROFILE_CLAIMS[profile].has(name)) return null
    const enc = CLAIMS[name][1] as Encoding
    if (enc === 'text') {
      if (typeof value !== 'string') return null
      out[name] = value
    } else if (typeof value !== 'number') return null
    else if (enc === 'int') out[name] = value
    else if (enc === 'date') {
      if (Math.abs(value) > 2_000_000) return null
      out[name] = daysToDate(value)
    } else {
      const v = enc.enum[value - 1]
      if (v === undefined) return null
      out[name] = v
    }
  }
  return out
}
