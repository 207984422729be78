// The kinds of integrated documents, the source system that issues each, and what each record holds.

export const DOCUMENT_KINDS = [
  'driving_licence',
  'vehicle_registration',
  'health_insurance',
  'social_insurance',
  'tax_code',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** Which system issues each kind (DOMAIN §1 "source data systems", D69 Art 8). */
export const SOURCE_SYSTEMS: Readonly<Record<DocumentKind, string>> = {
  driving_licence: 'mps.traffic-police.driving-licences',
  vehicle_registration: 'mps.traffic-police.vehicle-registrations',
  health_insurance: 'vss.health-insurance',
  social_insurance: 'vss.social-insurance',
  tax_code: 'mof.tax.taxpayers',
}

/** A record's state at its source: `valid`, or withdrawn for a time (`suspended`) or for good (`revoked`). */
export const SOURCE_STATUSES = ['valid', 'suspended', 'revoked'] as const
export type SourceStatus = (typeof SOURCE_STATUSES)[number]

/** An integrated document's state in the app; `expired` is a valid record past its validity. */
export const DOCUMENT_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

/** Licence classes of the Law on Road Traffic Order and Safety 36/2024/QH15 Art 57 (from 1 Jan 2025). */
export const LICENCE_CLASSES = [
  'A1',
  'A',
  'B1',
  'B',
  'C1',
  'C',
  'D1',
  'D2',
  'D',
  'BE',
  'C1E',
  'CE',
  'D1E',
  'D2E',
  'DE',
] as const
export type LicenceClass = (typeof LICENCE_CLASSES)[number]

/** The minimum age for each class (Law 36/2024/QH15 Art 59(1)). */
export const LICENCE_MIN_AGE: Readonly<Record<LicenceClass, number>> = {
  A1: 18,
  A: 18,
  B1: 18,
  B: 18,
  C1: 18,
  C: 21,
  BE: 21,
  D1: 24,
  D2: 24,
  C1E: 24,
  CE: 24,
  D: 27,
  D1E: 27,
  D2E: 27,
  DE: 27,
}

/** How many years a licence of each class is valid; null: no expiry (Law 36/2024/QH15 Art 57(5)). */
export const LICENCE_VALID_YEARS: Readonly<Record<LicenceClass, number | null>> = {
  A1: null,
  A: null,
  B1: null,
  B: 10,
  C1: 10,
  C: 5,
  D1: 5,
  D2: 5,
  D: 5,
  BE: 5,
  C1E: 5,
  CE: 5,
  D1E: 5,
  D2E: 5,
  DE: 5,
}

/** Points a licence holds each year, deducted for offences (Law 36/2024/QH15 Art 58). */
export const LICENCE_POINTS = 12

export type DrivingLicenceData = {
  licenceClass: LicenceClass
  issuingAuthority: string
  /** Points left of LICENCE_POINTS. */
  points: number
}
export type VehicleRegistrationData = {
  plate: string
  vehicleType: 'motorcycle' | 'car'
  brand: string
  model: string
  colour: string
  chassisNumber: string
  engineNumber: string
  issuingAuthority: string
}
export type HealthInsuranceData = {
  /** The beneficiary group code printed on the card (DN employees, HS pupils, TE under 6, HT pensioners, GD households). */
  beneficiaryCode: string
  /** Mức hưởng 1..5: the share of costs the fund pays. */
  benefitLevel: 1 | 2 | 3 | 4 | 5
  registeredHospital: string
}
export type SocialInsuranceData = { agency: string }
export type TaxCodeData = {
  /** The 10-digit code issued before 1 July 2025, if any; the personal ID number replaces it. */
  legacyTaxCode: string | null
  taxAuthority: string
}

/** What a record of each kind holds besides its number, holder, status and validity. */
export type DocumentDataOf = {
  driving_licence: DrivingLicenceData
  vehicle_registration: VehicleRegistrationData
  health_insurance: HealthInsuranceData
  social_insurance: SocialInsuranceData
  tax_code: TaxCodeData
}
export type DocumentData = DocumentDataOf[DocumentKind]

/** Documents are matched on a canonical number: no spaces, dots or dashes, upper case (plates are written many ways). */
export const canonicalNumber = (raw: string) => raw.replace(/[\s.\-_]/g, '').toUpperCase()
