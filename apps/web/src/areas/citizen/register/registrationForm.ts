import type { ForeignerLevel1Application, Level1Application } from '../accountsApi'
import {
  isEmail,
  isMobilePhone,
  isPassportNumber,
  isPersonalId,
  isResidenceCardNumber,
  normalizeDocumentNumber,
  normalizePersonalId,
  normalizePhone,
  parseBirthDate,
} from '../citizenFields'

/** Who registers: a Vietnamese citizen (ID card) or a foreigner with a residence card (D69 Art 10, 11). */
export type Applicant = 'citizen' | 'foreigner'

/** What the applicant typed, as typed (the date as dd/mm/yyyy). */
export type RegistrationDetails = {
  applicant: Applicant
  personalId: string
  passportNumber: string
  nationality: string
  residenceCardNumber: string
  fullName: string
  dateOfBirth: string
  phone: string
  email: string
}
export type DetailsField = Exclude<keyof RegistrationDetails, 'applicant'>
export type DetailsErrors = Partial<Record<DetailsField, string>>

export const EMPTY_DETAILS: RegistrationDetails = {
  applicant: 'citizen',
  personalId: '',
  passportNumber: '',
  nationality: '',
  residenceCardNumber: '',
  fullName: '',
  dateOfBirth: '',
  phone: '',
  email: '',
}

const COMMON: readonly DetailsField[] = ['fullName', 'dateOfBirth', 'phone', 'email']

/** The fields of the details step for this applicant, in form order. */
export const detailsFields = (applicant: Applicant): readonly DetailsField[] =>
  applicant === 'citizen'
    ? ['personalId', ...COMMON]
    : ['passportNumber', 'nationality', 'residenceCardNumber', ...COMMON]

export type DetailsErrorKey =
  | 'citizen.fields.personalIdInvalid'
  | 'citizen.fields.passportNumberInvalid'
  | 'citizen.fields.nationalityRequired'
  | 'citizen.fields.residenceCardNumberInvalid'
  | 'citizen.fields.fullNameRequired'
  | 'citizen.fields.dateOfBirthInvalid'
  | 'citizen.fields.phoneInvalid'
  | 'citizen.fields.emailInvalid'

/** The i18n key of each field's problem; empty when the step may go on. */
export const checkDetails = (d: RegistrationDetails): Partial<Record<DetailsField, DetailsErrorKey>> => {
  const out: Partial<Record<DetailsField, DetailsErrorKey>> = {}
  if (d.applicant === 'citizen') {
    if (!isPersonalId(normalizePersonalId(d.personalId))) out.personalId = 'citizen.fields.personalIdInvalid'
  } else {
    if (!isPassportNumber(normalizeDocumentNumber(d.passportNumber)))
      out.passportNumber = 'citizen.fields.passportNumberInvalid'
    if (d.nationality === '') out.nationality = 'citizen.fields.nationalityRequired'
    if (!isResidenceCardNumber(normalizeDocumentNumber(d.residenceCardNumber)))
      out.residenceCardNumber = 'citizen.fields.residenceCardNumberInvalid'
  }
  if (d.fullName.trim() === '') out.fullName = 'citizen.fields.fullNameRequired'
  if (!parseBirthDate(d.dateOfBirth)) out.dateOfBirth = 'citizen.fields.dateOfBirthInvalid'
  if (!isMobilePhone(normalizePhone(d.phone))) out.phone = 'citizen.fields.phoneInvalid'
  if (d.email.trim() !== '' && !isEmail(d.email.trim())) out.email = 'citizen.fields.emailInvalid'
  return out
}

export type Application =
  | { applicant: 'citizen'; body: Level1Application }
  | { applicant: 'foreigner'; body: ForeignerLevel1Application }

/** The request body: normalized numbers, the name in NFC with single spaces, the date as YYYY-MM-DD. */
export const toApplication = (d: RegistrationDetails, selfieBase64: string): Application => {
  const email = d.email.trim()
  const common = {
    fullName: d.fullName.normalize('NFC').trim().replace(/\s+/g, ' '),
    dateOfBirth: parseBirthDate(d.dateOfBirth) ?? d.dateOfBirth,
    phone: normalizePhone(d.phone),
    ...(email ? { email } : {}),
    selfie: selfieBase64,
  }
  return d.applicant === 'citizen'
    ? { applicant: 'citizen', body: { personalId: normalizePersonalId(d.personalId), ...common } }
    : {
        applicant: 'foreigner',
        body: {
          passportNumber: normalizeDocumentNumber(d.passportNumber),
          nationality: d.nationality,
          residenceCardNumber: normalizeDocumentNumber(d.residenceCardNumber),
          ...common,
        },
      }
}
