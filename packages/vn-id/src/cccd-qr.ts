import type { Gender } from './gender.js'
import { fromParts, isLocalDate, isRealDate, type LocalDate, toParts } from './local-date.js'
import { type PersonalIdOptions, parsePersonalId } from './personal-id.js'
import { crossCheckPersonalId } from './personal-id-check.js'
import { fail, ok, type Result } from './result.js'

// Front-side QR of the chip CCCD (Circular 59/2021 Art 12); the 2024 card may append fields.
export type CccdQrRecord = {
  personalId: string
  // The 9-digit CMND number the card replaced, when the holder had one.
  oldCmnd?: string
  fullName: string
  dateOfBirth: LocalDate
  gender: Gender
  address: string
  issueDate: LocalDate
  // Fields after the 7th (2024 "thẻ căn cước"): their order is not published, so they are kept raw.
  extra: string[]
}

export type CccdQrOptions = {
  // Off for legacy or post-merger numbers whose digits need not match the DOB (DOMAIN §6.1 "uncertain").
  crossCheck?: boolean
  personalId?: PersonalIdOptions
}

const SEPARATOR = '|'
const CORE_FIELDS = 7

const parseDdMmYyyy = (s: string): LocalDate | undefined => {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(s)
  if (!match) return undefined
  const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isRealDate(y, m, d) ? fromParts({ y, m, d }) : undefined
}

const formatDdMmYyyy = (date: LocalDate): string => {
  const { y, m, d } = toParts(date)
  return `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(4, '0')}`
}

const parseGender = (s: string): Gender | undefined => {
  const word = s.toLowerCase()
  return word === 'nam' ? 'male' : word === 'nữ' ? 'female' : undefined
}

// Scanners append CR/LF and some prepend a BOM; neither belongs to any field.
const cleanPayload = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/[\r\n]+$/, '')

export const parseCccdQr = (text: string, options: CccdQrOptions = {}): Result<CccdQrRecord> => {
  const payload = cleanPayload(text)
  if (payload.trim() === '') return fail('vn-id.QR_EMPTY')
  // Split on "|" only: addresses contain commas, and an absent CMND is an empty field.
  const fields = payload.split(SEPARATOR).map((f) => f.trim())
  if (fields.length < CORE_FIELDS) return fail('vn-id.QR_FIELD_COUNT', `got ${fields.length}`)
  const [idField = '', cmnd = '', fullName = '', dob = '', genderField = '', address = '', issued = ''] =
    fields

  const id = parsePersonalId(idField, options.personalId)
  if (!id.ok) return fail('vn-id.QR_ID', `${id.code}: ${id.message}`, 1)
  if (cmnd !== '' && !/^\d{9}$/.test(cmnd)) return fail('vn-id.QR_OLD_CMND', `"${cmnd}"`, 2)
  if (fullName === '') return fail('vn-id.QR_NAME', undefined, 3)
  const dateOfBirth = parseDdMmYyyy(dob)
  if (!dateOfBirth) return fail('vn-id.QR_DATE_OF_BIRTH', `"${dob}"`, 4)
  const gender = parseGender(genderField)
  if (!gender) return fail('vn-id.QR_GENDER', `"${genderField}"`, 5)
  if (address === '') return fail('vn-id.QR_ADDRESS', undefined, 6)
  const issueDate = parseDdMmYyyy(issued)
  if (!issueDate || issueDate < dateOfBirth) return fail('vn-id.QR_ISSUE_DATE', `"${issued}"`, 7)

  if (options.crossCheck ?? true) {
    const check = crossCheckPersonalId(id.value, { dateOfBirth, gender })
    if (check.ok && check.value.length > 0) {
      return fail('vn-id.QR_ID_MISMATCH', `field 1 contradicts ${check.value.join(' and ')}`, 1)
    }
  }
  return ok({
    personalId: id.value.value,
    ...(cmnd === '' ? {} : { oldCmnd: cmnd }),
    fullName,
    dateOfBirth,
    gender,
    address,
    issueDate,
    extra: fields.slice(CORE_FIELDS),
  })
}

// Inverse of parseCccdQr; a record that would not parse back is refused with parse's reason.
export const formatCccdQr = (record: CccdQrRecord, options: CccdQrOptions = {}): Result<string> => {
  if (!isLocalDate(record.dateOfBirth)) return fail('vn-id.QR_DATE_OF_BIRTH', `"${record.dateOfBirth}"`, 4)
  if (!isLocalDate(record.issueDate)) return fail('vn-id.QR_ISSUE_DATE', `"${record.issueDate}"`, 7)
  const fields = [
    record.personalId,
    record.oldCmnd ?? '',
    record.fullName,
    formatDdMmYyyy(record.dateOfBirth),
    record.gender === 'male' ? 'Nam' : 'Nữ',
    record.address,
    formatDdMmYyyy(record.issueDate),
    ...record.extra,
  ]
  const withSeparator = fields.findIndex((f) => f.includes(SEPARATOR))
  if (withSeparator >= 0) return fail('vn-id.QR_FIELD_SEPARATOR', undefined, withSeparator + 1)
  const text = fields.join(SEPARATOR).normalize('NFC')
  const check = parseCccdQr(text, options)
  return check.ok ? ok(text) : check
}
