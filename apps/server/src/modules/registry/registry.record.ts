import { hash } from 'node:crypto'
import { formatPartialDate, type PartialDate } from './registry.dates.js'
import type { CardKind, CardStatus, Gender, PersonStatus } from './registry.table.js'

/** One citizen as imported or generated: the person, their current card, old numbers, family links. */
export type RegistryRecord = {
  personalId: string
  fullName: string
  nameKey: string
  dob: PartialDate
  gender: Gender
  nationality: string
  ethnicity: string
  religion: string
  placeOfBirth: string
  hometown: string
  permanentAddress: string
  permanentProvince: string
  temporaryAddress: string | null
  status: PersonStatus
  diedOn: string | null
  card: {
    kind: CardKind
    issuedOn: string
    expiresOn: string | null
    authority: string
    status: CardStatus
  } | null
  oldCmnd: string | null
  cancelledIds: string[]
  fatherId: string | null
  motherId: string | null
  spouseId: string | null
  guardianId: string | null
  householdId: string | null
  householdRelation: string | null
}

/** The flat file columns (CSV header / NDJSON keys), in order; docs/registry.md describes each. */
export const ROW_COLUMNS = [
  'personal_id',
  'full_name',
  'date_of_birth',
  'gender',
  'nationality',
  'ethnicity',
  'religion',
  'place_of_birth',
  'hometown',
  'permanent_address',
  'permanent_province',
  'temporary_address',
  'status',
  'died_on',
  'card_kind',
  'card_issued_on',
  'card_expires_on',
  'card_authority',
  'card_status',
  'old_cmnd',
  'cancelled_ids',
  'father_id',
  'mother_id',
  'spouse_id',
  'guardian_id',
  'household_id',
  'household_relation',
] as const

export type FlatRow = Record<(typeof ROW_COLUMNS)[number], string>

/** The flat form of a record, e.g. to write a synthetic population to a file for `import`. */
export const recordToRow = (r: RegistryRecord): FlatRow => ({
  personal_id: r.personalId,
  full_name: r.fullName,
  date_of_birth: formatPartialDate(r.dob),
  gender: r.gender,
  nationality: r.nationality,
  ethnicity: r.ethnicity,
  religion: r.religion,
  place_of_birth: r.placeOfBirth,
  hometown: r.hometown,
  permanent_address: r.permanentAddress,
  permanent_province: r.permanentProvince,
  temporary_address: r.temporaryAddress ?? '',
  status: r.status,
  died_on: r.diedOn ?? '',
  card_kind: r.card?.kind ?? '',
  card_issued_on: r.card?.issuedOn ?? '',
  card_expires_on: r.card?.expiresOn ?? '',
  card_authority: r.card?.authority ?? '',
  card_status: r.card?.status ?? '',
  old_cmnd: r.oldCmnd ?? '',
  cancelled_ids: r.cancelledIds.join(';'),
  father_id: r.fatherId ?? '',
  mother_id: r.motherId ?? '',
  spouse_id: r.spouseId ?? '',
  guardian_id: r.guardianId ?? '',
  household_id: r.householdId ?? '',
  household_relation: r.householdRelation ?? '',
})

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

export const csvHeader = (): string => `${ROW_COLUMNS.join(',')}\n`
export const toCsvLine = (r: RegistryRecord): string => {
  const row = recordToRow(r)
  return `${ROW_COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`
}

// Same content, same hash: a re-import of an unchanged row is recognised in one comparison. The fields
// are joined with a unit separator (never in the data) and hashed in one call: no object, no JSON.
export const recordHash = (r: RegistryRecord): string => {
  const c = r.card
  return hash(
    'sha1',
    [
      r.personalId,
      r.fullName,
      formatPartialDate(r.dob),
      r.gender,
      r.nationality,
      r.ethnicity,
      r.religion,
      r.placeOfBirth,
      r.hometown,
      r.permanentAddress,
      r.permanentProvince,
      r.temporaryAddress ?? '',
      r.status,
      r.diedOn ?? '',
      c?.kind ?? '',
      c?.issuedOn ?? '',
      c?.expiresOn ?? '',
      c?.authority ?? '',
      c?.status ?? '',
      r.oldCmnd ?? '',
      r.cancelledIds.join(';'),
      r.fatherId ?? '',
      r.motherId ?? '',
      r.spouseId ?? '',
      r.guardianId ?? '',
      r.householdId ?? '',
      r.householdRelation ?? '',
    ].join('\u001f'),
    'base64url',
  )
}

const ESCAPED = /[\\\t\n\r]/
const escapeCopy = (ch: string) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r')

// COPY text format: backslash escapes, \N for NULL. Most cells need no escaping: test before replacing.
export const copyCell = (v: string | number | null): string =>
  v === null
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : ESCAPED.test(v)
        ? v.replace(/[\\\t\n\r]/g, escapeCopy)
        : v

const pgArray = (xs: string[]): string => `{${xs.join(',')}}`

/** The person's own columns, in table order, for COPY lines (staging and the initial load). */
export const personCells = (r: RegistryRecord): Array<string | number | null> => [
  r.personalId,
  r.fullName,
  r.nameKey,
  r.dob.year,
  r.dob.month,
  r.dob.day,
  r.gender,
  r.nationality,
  r.ethnicity,
  r.religion,
  r.placeOfBirth,
  r.hometown,
  r.permanentAddress,
  r.permanentProvince,
  r.temporaryAddress,
  r.status,
  r.diedOn,
]

/** One line of the staging table (registry.writer.ts STAGE_COLUMNS order). */
export const toStageLine = (line: number, r: RegistryRecord, hash: string): string =>
  [
    line,
    ...personCells(r),
    r.card?.kind ?? null,
    r.card?.issuedOn ?? null,
    r.card?.expiresOn ?? null,
    r.card?.authority ?? null,
    r.card?.status ?? null,
    r.oldCmnd,
    pgArray(r.cancelledIds),
    r.fatherId,
    r.motherId,
    r.spouseId,
    r.guardianId,
    r.householdId,
    r.householdRelation,
    hash,
  ]
    .map(copyCell)
    .join('\t')
    .concat('\n')
