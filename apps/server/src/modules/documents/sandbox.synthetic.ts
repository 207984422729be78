import { createHash } from 'node:crypto'
import { type LocalDate, parsePersonalId, provinceByCode, toParts } from '@dinhdanh/vn-id'
import {
  type DocumentDataOf,
  type DocumentKind,
  LICENCE_MIN_AGE,
  LICENCE_POINTS,
  LICENCE_VALID_YEARS,
  type LicenceClass,
  type SourceStatus,
} from './documents.kinds.js'

/** A record to seed into a sandbox, before it is a row. */
export type SeedRecord<K extends DocumentKind = DocumentKind> = {
  kind: K
  number: string
  personalId: string
  status: SourceStatus
  validFrom: LocalDate
  validTo: LocalDate | null
  data: DocumentDataOf[K]
}

// Deterministic draws for one person and one purpose: the same registry gives the same documents everywhere.
const draws = (personalId: string, purpose: string) => {
  const bytes = createHash('sha256').update(`${purpose}:${personalId}`).digest()
  let i = 0
  const u = () => (bytes.readUInt16BE((i++ * 2) % 30) as number) / 65536
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(u() * 10)).join('')
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(u() * xs.length)] as T
  return { u, digits, pick }
}

const provinceName = (code: string) => provinceByCode(code)?.nameVi ?? 'Hà Nội'

/** The licensing authority on a licence: the transport departments until 28 Feb 2025, the traffic police since. */
export const licenceAuthority = (issuedOn: LocalDate, province: string) =>
  issuedOn < '2025-03-01'
    ? `Sở Giao thông vận tải ${provinceName(province)}`
    : `Phòng Cảnh sát giao thông, Công an ${provinceName(province)}`

const trafficPolice = (province: string) => `Phòng Cảnh sát giao thông, Công an ${provinceName(province)}`

const addYears = (date: LocalDate, years: number) => {
  const { y, m, d } = toParts(date)
  // 29 Feb moves to 28 Feb in a year without it.
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`
}

/** A licence of `cls` issued on `issuedOn`: its expiry follows the class (null: for life). */
export const licenceValidTo = (cls: LicenceClass, issuedOn: LocalDate) => {
  const years = LICENCE_VALID_YEARS[cls]
  return years === null ? null : addYears(issuedOn, years)
}

/** Whether someone born in `birthYear` was surely old enough for `cls` on `issuedOn` (the year alone is known). */
export const oldEnoughFor = (cls: LicenceClass, birthYear: number, issuedOn: LocalDate) =>
  toParts(issuedOn).y - birthYear - 1 >= LICENCE_MIN_AGE[cls]

// Registration plate series of some provinces (Circular 79/2024/TT-BCA annex); others use the central series 80.
const PLATE_CODES: Readonly<Record<string, { car: string; motorcycle: string }>> = {
  '001': { car: '30', motorcycle: '29' },
  '079': { car: '51', motorcycle: '59' },
  '031': { car: '15', motorcycle: '15' },
  '048': { car: '43', motorcycle: '43' },
  '092': { car: '65', motorcycle: '65' },
  '036': { car: '18', motorcycle: '18' },
  '038': { car: '36', motorcycle: '36' },
  '074': { car: '61', motorcycle: '61' },
  '075': { car: '60', motorcycle: '60' },
}
const PLATE_LETTERS = 'ABCDEFGHKLMNPSTUVXYZ'

const MOTORCYCLES: ReadonlyArray<readonly [string, string]> = [
  ['Honda', 'Wave Alpha'],
  ['Honda', 'Vision'],
  ['Honda', 'Air Blade'],
  ['Yamaha', 'Exciter'],
  ['Yamaha', 'Sirius'],
  ['VinFast', 'Evo200'],
]
const CARS: ReadonlyArray<readonly [string, string]> = [
  ['Toyota', 'Vios'],
  ['Hyundai', 'Accent'],
  ['Kia', 'Morning'],
  ['Mazda', 'CX-5'],
  ['VinFast', 'VF 5'],
]
const COLOURS = ['Đen', 'Trắng', 'Đỏ', 'Xanh', 'Bạc', 'Xám']

const HOSPITALS: Readonly<Record<string, readonly string[]>> = {
  '001': ['Bệnh viện Bạch Mai', 'Bệnh viện Đa khoa Xanh Pôn', 'Bệnh viện Thanh Nhàn'],
  '079': ['Bệnh viện Nhân dân 115', 'Bệnh viện Chợ Rẫy', 'Bệnh viện Nhân dân Gia Định'],
}
const hospitalFor = (province: string, pick: <T>(xs: readonly T[]) => T) => {
  const list = HOSPITALS[province]
  return list ? pick(list) : `Bệnh viện Đa khoa tỉnh ${provinceName(province)}`
}

/** A day in the given year, drawn (days 1..28 so every month has it). */
const dayIn = (year: number, u: () => number) =>
  `${year}-${String(1 + Math.floor(u() * 12)).padStart(2, '0')}-${String(1 + Math.floor(u() * 28)).padStart(2, '0')}`

const statusOf = (u: () => number, suspended: number, revoked: number): SourceStatus => {
  const x = u()
  return x < revoked ? 'revoked' : x < revoked + suspended ? 'suspended' : 'valid'
}

const licence = (
  personalId: string,
  province: string,
  cls: LicenceClass,
  issuedOn: LocalDate,
  d: ReturnType<typeof draws>,
): SeedRecord<'driving_licence'> => ({
  kind: 'driving_licence',
  number: `${province.slice(1)}${d.digits(10)}`,
  personalId,
  status: statusOf(d.u, 0.02, 0.01),
  validFrom: issuedOn,
  validTo: licenceValidTo(cls, issuedOn),
  data: {
    licenceClass: cls,
    issuingAuthority: licenceAuthority(issuedOn, province),
    points: d.u() < 0.1 ? LICENCE_POINTS - 1 - Math.floor(d.u() * 8) : LICENCE_POINTS,
  },
})

const licencesOf = (personalId: string, province: string, birthYear: number, year: number) => {
  const d = draws(personalId, 'driving_licence')
  const out: SeedRecord<'driving_licence'>[] = []
  const firstYear = birthYear + LICENCE_MIN_AGE.A1 + 1
  if (firstYear < year && d.u() < 0.6)
    out.push(
      licence(personalId, province, 'A1', dayIn(firstYear + Math.floor(d.u() * (year - firstYear)), d.u), d),
    )
  const bYear = Math.max(firstYear, year - 12)
  if (bYear < year && d.u() < 0.25)
    out.push(licence(personalId, province, 'B', dayIn(bYear + Math.floor(d.u() * (year - bYear)), d.u), d))
  const cYear = Math.max(birthYear + LICENCE_MIN_AGE.C + 1, year - 5)
  if (cYear < year && d.u() < 0.03)
    out.push(licence(personalId, province, 'C', dayIn(cYear + Math.floor(d.u() * (year - cYear)), d.u), d))
  return out
}

const vehiclesOf = (personalId: string, province: string, birthYear: number, year: number) => {
  const d = draws(personalId, 'vehicle_registration')
  const out: SeedRecord<'vehicle_registration'>[] = []
  const codes = PLATE_CODES[province] ?? { car: '80', motorcycle: '80' }
  const from = birthYear + 19
  if (from >= year) return out
  const vehicle = (type: 'motorcycle' | 'car') => {
    const [brand, model] = d.pick(type === 'car' ? CARS : MOTORCYCLES)
    const letter = d.pick([...PLATE_LETTERS])
    // Motorcycles: 59-X1 234.56; cars: 51K-678.90 (canonical: no dashes, dots or spaces).
    const plate =
      type === 'car'
        ? `${codes.car}${letter}-${d.digits(3)}.${d.digits(2)}`
        : `${codes.motorcycle}-${letter}${1 + Math.floor(d.u() * 9)} ${d.digits(3)}.${d.digits(2)}`
    const issuedOn = dayIn(from + Math.floor(d.u() * (year - from)), d.u)
    out.push({
      kind: 'vehicle_registration',
      number: plate.replace(/[\s.-]/g, ''),
      personalId,
      status: statusOf(d.u, 0, 0.01),
      validFrom: issuedOn,
      validTo: null,
      data: {
        plate,
        vehicleType: type,
        brand,
        model,
        colour: d.pick(COLOURS),
        chassisNumber: `RL${d.digits(15)}`,
        engineNumber: `${brand.slice(0, 2).toUpperCase()}${d.digits(8)}`,
        issuingAuthority: trafficPolice(province),
      },
    })
  }
  if (d.u() < 0.5) vehicle('motorcycle')
  if (d.u() < 0.1) vehicle('car')
  return out
}

/** The 10-digit social insurance number: two digits of the province and eight drawn. */
export const socialInsuranceNumberOf = (personalId: string) =>
  `${personalId.slice(1, 3)}${draws(personalId, 'social_insurance_number').digits(8)}`

const insuranceOf = (personalId: string, province: string, birthYear: number, year: number) => {
  const d = draws(personalId, 'insurance')
  const out: SeedRecord[] = []
  if (d.u() >= 0.9) return out
  const number = socialInsuranceNumberOf(personalId)
  const issuedOn = dayIn(Math.max(birthYear, 2010, Math.min(year - 1, birthYear + 18)), d.u)
  out.push({
    kind: 'social_insurance',
    number,
    personalId,
    status: 'valid',
    validFrom: issuedOn,
    validTo: null,
    data: { agency: `Bảo hiểm xã hội ${provinceName(province)}` },
  })
  if (d.u() >= 0.92) return out
  const age = year - birthYear
  const [code, level]: [string, 1 | 3 | 4] =
    age < 6
      ? ['TE', 1]
      : age < 18
        ? ['HS', 4]
        : age >= 60 && d.u() < 0.5
          ? ['HT', 3]
          : d.u() < 0.5
            ? ['DN', 4]
            : ['GD', 4]
  // A card runs for the calendar year; a few were not renewed and ended last year.
  const lapsed = d.u() < 0.04
  const cardYear = lapsed ? year - 1 : year
  out.push({
    kind: 'health_insurance',
    number,
    personalId,
    status: 'valid',
    validFrom: `${cardYear}-01-01`,
    validTo: `${cardYear}-12-31`,
    data: { beneficiaryCode: code, benefitLevel: level, registeredHospital: hospitalFor(province, d.pick) },
  })
  return out
}

const taxOf = (personalId: string, province: string, birthYear: number, year: number) => {
  const d = draws(personalId, 'tax_code')
  const from = birthYear + 19
  if (from >= year || d.u() >= 0.6) return []
  const registered = dayIn(from + Math.floor(d.u() * (year - from)), d.u)
  const record: SeedRecord<'tax_code'> = {
    kind: 'tax_code',
    // Since 1 July 2025 the personal ID number is the individual's tax code (Circular 86/2024/TT-BTC Art 5).
    number: personalId,
    personalId,
    status: statusOf(d.u, 0.01, 0),
    validFrom: registered,
    validTo: null,
    data: {
      legacyTaxCode: registered < '2025-07-01' ? `8${d.digits(9)}` : null,
      taxAuthority: `Thuế ${provinceName(province)}`,
    },
  }
  return [record]
}

/**
 * The documents the sandboxes hold for one person of the synthetic registry, as of `asOf`. The birth year
 * and province come from the personal ID number (DOMAIN §6.1), so licences go only to people old enough
 * for their class on the day of issue.
 */
export const syntheticRecordsOf = (personalId: string, asOf: LocalDate): SeedRecord[] => {
  const id = parsePersonalId(personalId)
  if (!id.ok) return []
  const { birthYear, provinceCode } = id.value
  const year = toParts(asOf).y
  const all = [
    ...licencesOf(personalId, provinceCode, birthYear, year),
    ...vehiclesOf(personalId, provinceCode, birthYear, year),
    ...insuranceOf(personalId, provinceCode, birthYear, year),
    ...taxOf(personalId, provinceCode, birthYear, year),
  ]
  // Nothing issued after today.
  return all.filter((r) => r.validFrom <= asOf)
}
