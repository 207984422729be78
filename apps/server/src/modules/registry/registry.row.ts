import {
  crossCheckPersonalId,
  isOldCmnd,
  type LocalDate,
  nameKey,
  normalizeName,
  parseLocalDate,
  parsePersonalId,
  provinceByCode,
} from '@dinhdanh/vn-id'
import { z } from 'zod'
import { formatPartialDate, parsePartialDate } from './registry.dates.js'
import type { RegistryRecord } from './registry.record.js'

// Empty cells (CSV) and nulls (NDJSON) both mean "not given". Control characters are never data (and the
// row hash uses one as its field separator).
const text = z.preprocess(
  (v) => (v === null || v === undefined ? undefined : typeof v === 'number' ? String(v) : v),
  z
    .string()
    .trim()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'contains a control character')
    .optional(),
)
const given = (v: string | undefined) => (v === undefined || v === '' ? undefined : v)

const FlatRowSchema = z.object({
  personal_id: text,
  full_name: text,
  date_of_birth: text,
  gender: text,
  nationality: text,
  ethnicity: text,
  religion: text,
  place_of_birth: text,
  hometown: text,
  permanent_address: text,
  permanent_province: text,
  temporary_address: text,
  status: text,
  died_on: text,
  card_kind: text,
  card_issued_on: text,
  card_expires_on: text,
  card_authority: text,
  card_status: text,
  old_cmnd: text,
  cancelled_ids: text,
  father_id: text,
  mother_id: text,
  spouse_id: text,
  guardian_id: text,
  household_id: text,
  household_relation: text,
})

export type RowError = { code: string; message: string }
export type RowResult = { ok: true; record: RegistryRecord } | ({ ok: false } & RowError)

class RowRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}
const reject = (code: string, message: string): never => {
  throw new RowRejected(code, message)
}

const GENDERS: Record<string, 'male' | 'female'> = {
  male: 'male',
  female: 'female',
  nam: 'male',
  nữ: 'female',
}
// Căn cước cards exist from 1 Jul 2024 (Law on Identification 2023); chip CCCD cards before.
export const CAN_CUOC_FROM = '2024-07-01'
export const AUTHORITY = {
  CCCD_CHIP: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
  CAN_CUOC_2024: 'Bộ Công an',
} as const

const date = (v: string | undefined, field: string): LocalDate | null => {
  const s = given(v)
  if (s === undefined) return null
  const parsed = parseLocalDate(s)
  return parsed.ok ? parsed.value : reject('registry.BAD_DATE', `${field}: "${s}" is not a YYYY-MM-DD date`)
}

const personalId = (v: string | undefined, field: string, today: LocalDate): string | null => {
  const s = given(v)
  if (s === undefined) return null
  const parsed = parsePersonalId(s, { today })
  return parsed.ok ? parsed.value.value : reject(parsed.code, `${field}: ${parsed.message}`)
}

const required = (v: string | undefined, field: string): string =>
  given(v) ?? reject('registry.MISSING_FIELD', `${field} is required`)

const toRecord = (row: z.infer<typeof FlatRowSchema>, today: LocalDate): RegistryRecord => {
  const id = personalId(required(row.personal_id, 'personal_id'), 'personal_id', today) as string
  const fullName = normalizeName(required(row.full_name, 'full_name'))
  const dobText = required(row.date_of_birth, 'date_of_birth')
  const dob =
    parsePartialDate(dobText) ??
    reject('registry.BAD_DATE', `date_of_birth: "${dobText}" is not YYYY, YYYY-MM or YYYY-MM-DD`)
  if (formatPartialDate(dob) > today) reject('registry.BAD_DATE', 'date_of_birth lies in the future')
  const genderText = required(row.gender, 'gender').toLowerCase().normalize('NFC')
  const gender =
    GENDERS[genderText] ??
    reject('registry.INVALID_ROW', `gender: "${row.gender}" is not male/female (Nam/Nữ)`)
  const check = crossCheckPersonalId(id, { birthYear: dob.year, gender })
  if (!check.ok) reject(check.code, check.message)
  else if (check.value.length)
    reject('registry.ID_INCONSISTENT', `personal_id does not match the ${check.value.join(' and ')}`)
  const province = required(row.permanent_province, 'permanent_province')
  if (!provinceByCode(province))
    reject('vn-id.ID_PROVINCE_UNKNOWN', `permanent_province: unknown code ${province}`)
  const nationality = (given(row.nationality) ?? 'VN').toUpperCase()
  if (!/^[A-Z]{2}$/.test(nationality))
    reject('registry.INVALID_ROW', 'nationality is an ISO 3166 alpha-2 code')
  const statusText = given(row.status) ?? 'alive'
  const status =
    statusText === 'alive' || statusText === 'deceased'
      ? statusText
      : reject('registry.INVALID_ROW', 'status is alive or deceased')
  const diedOn = date(row.died_on, 'died_on')
  if ((status === 'deceased') !== (diedOn !== null))
    reject('registry.INVALID_ROW', 'died_on is given exactly when status is deceased')
  if (diedOn !== null && (diedOn < formatPartialDate(dob) || diedOn > today))
    reject('registry.BAD_DATE', 'died_on out of range')
  const oldCmnd = given(row.old_cmnd) ?? null
  if (oldCmnd !== null && !isOldCmnd(oldCmnd))
    reject('registry.INVALID_ROW', 'old_cmnd is a 9-digit CMND number')
  const cancelledIds = (given(row.cancelled_ids)?.split(';') ?? []).map(
    (c) => personalId(c.trim(), 'cancelled_ids', today) as string,
  )
  if (cancelledIds.includes(id))
    reject('registry.INVALID_ROW', 'a cancelled number cannot be the current one')
  const relatives = (['father_id', 'mother_id', 'spouse_id', 'guardian_id'] as const).map((f) => {
    const rel = personalId(row[f], f, today)
    if (rel === id) reject('registry.INVALID_ROW', `${f} cannot be the person themself`)
    return rel
  })
  const householdId = given(row.household_id) ?? null
  if (householdId !== null && !/^[A-Za-z0-9-]{1,40}$/.test(householdId))
    reject('registry.INVALID_ROW', 'household_id: letters, digits and dashes')
  const householdRelation =
    householdId === null ? null : required(row.household_relation, 'household_relation')
  return {
    personalId: id,
    fullName,
    nameKey: nameKey(fullName),
    dob,
    gender,
    nationality,
    ethnicity: given(row.ethnicity) ?? '',
    religion: given(row.religion) ?? 'Không',
    placeOfBirth: given(row.place_of_birth) ?? '',
    hometown: given(row.hometown) ?? '',
    permanentAddress: required(row.permanent_address, 'permanent_address'),
    permanentProvince: province,
    temporaryAddress: given(row.temporary_address) ?? null,
    status,
    diedOn,
    card: toCard(row, dob.year, today),
    oldCmnd,
    cancelledIds,
    fatherId: relatives[0] ?? null,
    motherId: relatives[1] ?? null,
    spouseId: relatives[2] ?? null,
    guardianId: relatives[3] ?? null,
    householdId,
    householdRelation,
  }
}

const CARD_STATUSES = ['valid', 'expired', 'revoked', 'lost', 'replaced'] as const

const toCard = (
  row: z.infer<typeof FlatRowSchema>,
  birthYear: number,
  today: LocalDate,
): RegistryRecord['card'] => {
  const issuedOn = date(row.card_issued_on, 'card_issued_on')
  if (issuedOn === null) return null
  if (issuedOn > today || Number(issuedOn.slice(0, 4)) < birthYear)
    reject('registry.BAD_DATE', 'card_issued_on out of range')
  const kind = given(row.card_kind) ?? (issuedOn >= CAN_CUOC_FROM ? 'CAN_CUOC_2024' : 'CCCD_CHIP')
  if (kind !== 'CCCD_CHIP' && kind !== 'CAN_CUOC_2024')
    reject('registry.INVALID_ROW', 'card_kind is CCCD_CHIP or CAN_CUOC_2024')
  if (kind === 'CAN_CUOC_2024' && issuedOn < CAN_CUOC_FROM)
    reject('registry.INVALID_ROW', 'căn cước cards are issued from 2024-07-01')
  const expiresOn = date(row.card_expires_on, 'card_expires_on')
  if (expiresOn !== null && expiresOn <= issuedOn)
    reject('registry.BAD_DATE', 'card_expires_on is not after card_issued_on')
  const status = given(row.card_status) ?? (expiresOn !== null && expiresOn <= today ? 'expired' : 'valid')
  const known =
    CARD_STATUSES.find((s) => s === status) ?? reject('registry.INVALID_ROW', `card_status: "${status}"`)
  const cardKind = kind as 'CCCD_CHIP' | 'CAN_CUOC_2024'
  return {
    kind: cardKind,
    issuedOn,
    expiresOn,
    authority: given(row.card_authority) ?? AUTHORITY[cardKind],
    status: known,
  }
}

/** Validates one flat row (CSV or NDJSON) against the schema and the ID-number rules; never throws. */
export const parseRow = (raw: unknown, today: LocalDate): RowResult => {
  const parsed = FlatRowSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, code: 'registry.INVALID_ROW', message: `${issue?.path.join('.')}: ${issue?.message}` }
  }
  try {
    return { ok: true, record: toRecord(parsed.data, today) }
  } catch (e) {
    if (e instanceof RowRejected) return { ok: false, code: e.code, message: e.message }
    throw e
  }
}
