import type { Level1Application } from '../accountsApi'
import {
  isEmail,
  isMobilePhone,
  isPersonalId,
  normalizePersonalId,
  normalizePhone,
  parseBirthDate,
} from '../citizenFields'

/** What the applicant typed, as typed (the date as dd/mm/yyyy). */
export type RegistrationDetails = {
  personalId: string
  fullName: string
  dateOfBirth: string
  phone: string
  email: string
}
export type DetailsField = keyof RegistrationDetails
export type DetailsErrors = Partial<Record<DetailsField, string>>

export const EMPTY_DETAILS: RegistrationDetails = {
  personalId: '',
  fullName: '',
  dateOfBirth: '',
  phone: '',
  email: '',
}

export const DETAILS_FIELDS: readonly DetailsField[] = [
  'personalId',
  'fullName',
  'dateOfBirth',
  'phone',
  'email',
]

/** The i18n key of each field's problem, in form order; empty when the step may go on. */
export const checkDetails = (d: RegistrationDetails): Partial<Record<DetailsField, DetailsErrorKey>> => {
  const out: Partial<Record<DetailsField, DetailsErrorKey>> = {}
  if (!isPersonalId(normalizePersonalId(d.personalId))) out.personalId = 'citizen.fields.personalIdInvalid'
  if (d.fullName.trim() === '') out.fullName = 'citizen.fields.fullNameRequired'
  if (!parseBirthDate(d.dateOfBirth)) out.dateOfBirth = 'citizen.fields.dateOfBirthInvalid'
  if (!isMobilePhone(normalizePhone(d.phone))) out.phone = 'citizen.fields.phoneInvalid'
  if (d.email.trim() !== '' && !isEmail(d.email.trim())) out.email = 'citizen.fields.emailInvalid'
  return out
}
export type DetailsErrorKey =
  | 'citizen.fields.personalIdInvalid'
  | 'citizen.fields.fullNameRequired'
  | 'citizen.fields.dateOfBirthInvalid'
  | 'citizen.fields.phoneInvalid'
  | 'citizen.fields.emailInvalid'

/** The request body: normalized numbers, the name in NFC with single spaces, the date as YYYY-MM-DD. */
export const toApplication = (d: RegistrationDetails, selfieBase64: string): Level1Application => {
  const email = d.email.trim()
  return {
    personalId: normalizePersonalId(d.personalId),
    fullName: d.fullName.normalize('NFC').trim().replace(/\s+/g, ' '),
    dateOfBirth: parseBirthDate(d.dateOfBirth) ?? d.dateOfBirth,
    phone: normalizePhone(d.phone),
    ...(email ? { email } : {}),
    selfie: selfieBase64,
  }
}
