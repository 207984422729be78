import { z } from 'zod'
import type { ForeignerRecord } from './foreigner.repository.js'
import type { PersonRecordRow } from './person.repository.js'
import { formatPartialDate } from './registry.dates.js'

// The API's shapes: one zod schema gives the type, the serializer and the OpenAPI document.
const Card = z.object({
  number: z.string(),
  kind: z.enum(['CCCD_CHIP', 'CAN_CUOC_2024']),
  issuedOn: z.string(),
  expiresOn: z.string().nullable().describe('null: no expiry (renewed at or after 58, valid for life)'),
  authority: z.string(),
  status: z.enum(['valid', 'expired', 'revoked', 'lost', 'replaced']),
})

export const PersonView = z.object({
  personalId: z.string(),
  fullName: z.string(),
  dateOfBirth: z
    .string()
    .describe("'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': records may know only part of a birth date"),
  gender: z.enum(['male', 'female']),
  nationality: z.string(),
  ethnicity: z.string(),
  religion: z.string(),
  placeOfBirth: z.string(),
  hometown: z.string(),
  permanentAddress: z.string(),
  permanentProvince: z.string(),
  temporaryAddress: z.string().nullable(),
  status: z.enum(['alive', 'deceased']),
  diedOn: z.string().nullable(),
  cards: z.array(Card),
  oldIdNumbers: z.array(z.string()).describe('Old 9-digit CMND numbers and cancelled personal ID numbers'),
  relatives: z.array(
    z.object({
      relation: z.enum(['father', 'mother', 'spouse', 'child', 'guardian', 'ward', 'representative']),
      personalId: z.string(),
      fullName: z.string().nullable().describe('null when the relative is not (yet) in the registry'),
    }),
  ),
})
export type PersonView = z.infer<typeof PersonView>

export const PersonSummary = PersonView.pick({
  personalId: true,
  fullName: true,
  dateOfBirth: true,
  gender: true,
  permanentProvince: true,
  status: true,
})
export type PersonSummary = z.infer<typeof PersonSummary>

export const SearchResult = z.object({
  items: z.array(PersonSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
})

export const ForeignerView = z.object({
  foreignerId: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  gender: z.enum(['male', 'female']),
  nationality: z.string(),
  passport: z.object({
    number: z.string(),
    type: z.string(),
    issuedOn: z.string(),
    expiresOn: z.string(),
    place: z.string(),
  }),
  residenceCard: z.object({
    kind: z.enum(['PERMANENT', 'TEMPORARY']),
    number: z.string(),
    expiresOn: z.string().nullable(),
  }),
  status: z.enum(['alive', 'deceased']),
})
export const toForeignerView = (f: ForeignerRecord): z.infer<typeof ForeignerView> => f

type DobColumns = { birth_year: number; birth_month: number | null; birth_day: number | null }
export const dobOf = (r: DobColumns) =>
  formatPartialDate({ year: r.birth_year, month: r.birth_month, day: r.birth_day })

export const toPersonView = (r: PersonRecordRow): PersonView => ({
  personalId: r.personal_id,
  fullName: r.full_name,
  dateOfBirth: dobOf(r),
  gender: r.gender,
  nationality: r.nationality,
  ethnicity: r.ethnicity,
  religion: r.religion,
  placeOfBirth: r.place_of_birth,
  hometown: r.hometown,
  permanentAddress: r.permanent_address,
  permanentProvince: r.permanent_province,
  temporaryAddress: r.temporary_address,
  status: r.status,
  diedOn: r.died_on,
  cards: r.cards.map((c) => ({
    number: c.number,
    kind: c.kind,
    issuedOn: c.issued_on,
    expiresOn: c.expires_on,
    authority: c.authority,
    status: c.status,
  })),
  oldIdNumbers: r.old_ids.map((o) => o.number),
  relatives: r.relatives.map((x) => ({
    relation: x.relation,
    personalId: x.relative_id,
    fullName: x.full_name,
  })),
})
