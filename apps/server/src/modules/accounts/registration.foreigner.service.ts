import { fail } from '../../platform/errors.js'
import { ACCOUNTS } from './accounts.errors.js'
import {
  checkCommonFields,
  fileDossier,
  type Receipt,
  type RegistrationDeps,
} from './registration.service.js'

/** What a foreigner with a Vietnamese residence card declares in the app (DOMAIN §5.4, D69 Art 11(1)). */
export type ForeignerLevel1Application = {
  passportNumber: string
  /** ISO 3166-1 alpha-2, as the immigration data records it. */
  nationality: string
  residenceCardNumber: string
  fullName: string
  dateOfBirth: string
  phone: string
  email?: string | undefined
  selfie: Uint8Array
}

const PASSPORT = /^[A-Z0-9]{6,12}$/
const RESIDENCE_CARD = /^[A-Z0-9]{6,20}$/
const COUNTRY = /^[A-Z]{2}$/

// Documents are compared as the immigration data writes them: capitals, no spaces.
const documentNumber = (s: string) => s.replace(/[\s-]/g, '').toUpperCase()

/** The dossier's subject until the processor finds the foreigner ID: the passport as its country knows it. */
export const passportSubject = (nationality: string, passportNumber: string) =>
  `${nationality}:${passportNumber}`

/**
 * A foreigner's level-1 registration in the app: checked for shape only, stored, answered with the same
 * receipt as a citizen's. Whether the passport, the residence card and the person match the immigration
 * data is the dossier processor's decision, told by SMS, so the answer never says whether they exist.
 */
export const submitForeignerLevel1 = async (
  deps: RegistrationDeps,
  input: ForeignerLevel1Application,
  ctx: { requestId?: string } = {},
): Promise<Receipt> => {
  const passportNumber = documentNumber(input.passportNumber)
  if (!PASSPORT.test(passportNumber)) fail(ACCOUNTS.INVALID_PASSPORT)
  const nationality = input.nationality.trim().toUpperCase()
  if (!COUNTRY.test(nationality) || nationality === 'VN') fail(ACCOUNTS.INVALID_NATIONALITY)
  const residenceCardNumber = documentNumber(input.residenceCardNumber)
  if (!RESIDENCE_CARD.test(residenceCardNumber)) fail(ACCOUNTS.INVALID_RESIDENCE_CARD)
  const contact = checkCommonFields(input)
  return fileDossier(
    deps,
    {
      kind: 'FOREIGNER_L1_APP',
      subjectId: passportSubject(nationality, passportNumber),
      subjectKind: 'foreigner',
      dueCase: 'foreigner_level1',
      declared: {
        fullName: input.fullName,
        dateOfBirth: input.dateOfBirth,
        passportNumber,
        nationality,
        residenceCardNumber,
      },
      contact,
      selfie: input.selfie,
    },
    ctx,
  )
}
