import { formatPersonalId, type LocalDate, nameKey, provinceByCode } from '@dinhdanh/vn-id'
import type { ForeignerRecord } from './foreigner.repository.js'
import {
  birthdayAt,
  cardExpiry,
  dayNumber,
  fromDayNumber,
  localDate,
  type PartialDate,
  plusDays,
} from './registry.dates.js'
import { type Rng, sample, serialAllocator } from './registry.prng.js'
import type { RegistryRecord } from './registry.record.js'
import { AUTHORITY, CAN_CUOC_FROM } from './registry.row.js'
import * as data from './registry.synthetic.data.js'
import type { Gender } from './registry.table.js'

// Chip CCCD cards were issued in a mass campaign from March 2021 to the end of 2022.
const CAMPAIGN_FROM = '2021-03-01'
const CAMPAIGN_TO = '2022-12-31'

export const randomDate = (rng: Rng, from: LocalDate, to: LocalDate): LocalDate => {
  const a = dayNumber(from)
  return fromDayNumber(a + rng.int(Math.max(1, dayNumber(to) - a + 1)))
}

// Generated names are single-spaced words from short lists: the key of each word is computed once.
const wordKeys = new Map<string, string>()
const fullNameKey = (fullName: string) =>
  fullName
    .split(' ')
    .map((w) => {
      let k = wordKeys.get(w)
      if (k === undefined) {
        k = nameKey(w)
        wordKeys.set(w, k)
      }
      return k
    })
    .join(' ')

// ISO dates compare as strings.
const laterOf = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b)

const provinceName = (code: string) => provinceByCode(code)?.nameVi ?? code
// Provinces from Quảng Ngãi southwards (codes 051+) use the southern surname spellings.
const isSouth = (code: string) => Number(code) >= 51

/** Everything the generator needs to remember between households: allocators and reserved numbers. */
export type Numbering = {
  personalId(province: string, gender: Gender, year: number): string
  oldCmnd(province: string): string
  foreignerId(): string
}

export const createNumbering = (seed: string, reserved: Set<string>): Numbering => {
  const serial = serialAllocator(`${seed}/id`, 1_000_000, 387_403)
  const cmnd = serialAllocator(`${seed}/cmnd`, 10_000_000, 3_999_971)
  const foreign = serialAllocator(`${seed}/nn`, 10_000_000_000, 7_777_777_777)
  const fresh = (make: () => string) => {
    for (;;) {
      const n = make()
      if (!reserved.has(n)) return n
    }
  }
  return {
    personalId: (province, gender, year) =>
      fresh(() => {
        const r = formatPersonalId({
          provinceCode: province,
          gender,
          birthYear: year,
          serial: serial(`${province}${gender}${year}`),
        })
        if (!r.ok) throw new Error(r.message)
        return r.value
      }),
    // CMND numbers began with a 2-digit area code (01 Hà Nội, 02 TP. Hồ Chí Minh, …): approximated here.
    oldCmnd: (province) =>
      fresh(() => {
        const area = province === '001' ? 1 : province === '079' ? 2 : 3 + (Number(province) % 35)
        return `${String(area).padStart(2, '0')}${String(cmnd(province)).padStart(7, '0')}`
      }),
    foreignerId: () => fresh(() => `NN${String(foreign('nn')).padStart(10, '0')}`),
  }
}

export const syntheticName = (
  rng: Rng,
  gender: Gender,
  birthYear: number,
  province: string,
  surname?: string,
) => {
  const family = surname ?? sample(rng, isSouth(province) ? data.SURNAMES_SOUTH : data.SURNAMES_NORTH)
  const middle = sample(rng, data.MIDDLE[gender][birthYear >= 2000 ? 'younger' : 'older'])
  let given = rng.pick(data.GIVEN[gender])
  while (given === middle) given = rng.pick(data.GIVEN[gender])
  return { family, fullName: `${family} ${middle} ${given}` }
}

export const syntheticAddress = (rng: Rng, province: string) =>
  `Số ${1 + rng.int(250)} ${rng.pick(data.STREETS)}, ${rng.chance(0.5) ? 'Phường' : 'Xã'} ${rng.pick(data.COMMUNES)}, ${provinceName(province)}`

export const syntheticDob = (rng: Rng, year: number, asOf: LocalDate): PartialDate => {
  // Older records more often know only the year of birth.
  const yearOnly = rng.chance(year < 1960 ? 0.04 : 0.002)
  // Nobody is born after asOf: this year's babies are born by asOf's month and day.
  const thisYear = year === Number(asOf.slice(0, 4))
  const month = 1 + rng.int(thisYear ? Number(asOf.slice(5, 7)) : 12)
  const lastDay = thisYear && month === Number(asOf.slice(5, 7)) ? Number(asOf.slice(8, 10)) : 28
  const day = 1 + rng.int(Math.min(28, lastDay))
  if (yearOnly) return { year, month: null, day: null }
  if (rng.chance(year < 1960 ? 0.01 : 0.001)) return { year, month, day: null }
  return { year, month, day }
}

/** The current card: first chip card in the 2021-22 campaign or at 14, then renewals at 25, 40 and 60. */
export const syntheticCard = (
  rng: Rng,
  dob: PartialDate,
  until: LocalDate,
  deceased: boolean,
): RegistryRecord['card'] => {
  const at14 = birthdayAt(dob, 14)
  let issued: LocalDate
  if (at14 <= until) {
    const campaign = randomDate(rng, CAMPAIGN_FROM, CAMPAIGN_TO)
    issued = campaign > at14 ? campaign : plusDays(at14, rng.int(120))
    if (issued > until) issued = until
  } else if (until >= CAN_CUOC_FROM && rng.chance(0.3)) {
    // Since July 2024 children of any age may hold a căn cước card.
    const born = localDate(dob.year, dob.month ?? 1, dob.day ?? 1)
    issued = randomDate(rng, laterOf(born, CAN_CUOC_FROM), until)
  } else return null
  let expiresOn = cardExpiry(dob, issued)
  let lapsed = false
  while (expiresOn !== null && expiresOn <= until) {
    if (rng.chance(0.1)) {
      lapsed = true
      break
    }
    issued = plusDays(expiresOn, -rng.int(60))
    expiresOn = cardExpiry(dob, issued)
  }
  const kind = issued >= CAN_CUOC_FROM ? 'CAN_CUOC_2024' : 'CCCD_CHIP'
  const status = deceased
    ? 'revoked'
    : lapsed
      ? 'expired'
      : rng.chance(0.003)
        ? 'lost'
        : rng.chance(0.001)
          ? 'revoked'
          : 'valid'
  return { kind, issuedOn: issued, expiresOn, authority: AUTHORITY[kind], status }
}

export type PersonSeed = {
  gender: Gender
  year: number
  province: string
  householdProvince: string
  address: string
  surname?: string
}

/** One synthetic citizen with a valid, consistent personal ID number; family links are set by the caller. */
export const syntheticPerson = (rng: Rng, ids: Numbering, p: PersonSeed, asOf: LocalDate): RegistryRecord => {
  const dob = syntheticDob(rng, p.year, asOf)
  const age = Number(asOf.slice(0, 4)) - p.year
  const deceased = rng.chance(age >= 80 ? 0.15 : age >= 60 ? 0.05 : 0.003)
  const born = localDate(dob.year, dob.month ?? 12, dob.day ?? 28)
  const diedOn = deceased ? randomDate(rng, laterOf(born, plusDays(asOf, -1800)), asOf) : null
  const { fullName } = syntheticName(rng, p.gender, p.year, p.province, p.surname)
  const personalId = ids.personalId(p.province, p.gender, p.year)
  const hadCmnd = birthdayAt(dob, 14) < '2016-01-01' && rng.chance(0.85)
  return {
    personalId,
    fullName,
    nameKey: fullNameKey(fullName),
    dob,
    gender: p.gender,
    nationality: 'VN',
    ethnicity: sample(rng, data.ETHNICITIES),
    religion: sample(rng, data.RELIGIONS),
    placeOfBirth: `${rng.chance(0.5) ? 'Phường' : 'Xã'} ${rng.pick(data.COMMUNES)}, ${provinceName(p.province)}`,
    hometown: provinceName(rng.chance(0.7) ? p.province : sample(rng, data.PROVINCE_POPULATION)),
    permanentAddress: p.address,
    permanentProvince: p.householdProvince,
    temporaryAddress: rng.chance(0.08) ? syntheticAddress(rng, sample(rng, data.PROVINCE_POPULATION)) : null,
    status: deceased ? 'deceased' : 'alive',
    diedOn,
    card: syntheticCard(rng, dob, diedOn ?? asOf, deceased),
    oldCmnd: hadCmnd ? ids.oldCmnd(p.province) : null,
    // A few numbers were cancelled and re-established (Decree 70/2024): the old one still finds the person.
    cancelledIds: rng.chance(0.002) ? [ids.personalId(p.province, p.gender, p.year)] : [],
    fatherId: null,
    motherId: null,
    spouseId: null,
    guardianId: null,
    householdId: null,
    householdRelation: null,
  }
}

const PASSPORT_PLACES: Record<string, string> = {
  KR: 'Ministry of Foreign Affairs, Republic of Korea',
  CN: 'National Immigration Administration, PRC',
  JP: 'Ministry of Foreign Affairs, Japan',
  US: 'U.S. Department of State',
}

export const syntheticForeigner = (rng: Rng, ids: Numbering, asOf: LocalDate): ForeignerRecord => {
  const nationality = sample(rng, data.FOREIGN_NATIONALITIES)
  const names = data.FOREIGN_NAMES[data.nameGroupOf(nationality)] ?? {
    family: ['Doe'],
    male: ['John'],
    female: ['Jane'],
    order: 'given-first',
  }
  const gender: Gender = rng.chance(0.6) ? 'male' : 'female'
  const family = rng.pick(names.family)
  const given = rng.pick(names[gender])
  const year = Number(asOf.slice(0, 4)) - 18 - rng.int(50)
  const passportIssued = randomDate(rng, plusDays(asOf, -9 * 365), plusDays(asOf, -30))
  const permanent = rng.chance(0.15)
  const foreignerId = ids.foreignerId()
  return {
    foreignerId,
    fullName: names.order === 'family-first' ? `${family} ${given}` : `${given} ${family}`,
    dateOfBirth: localDate(year, 1 + rng.int(12), 1 + rng.int(28)),
    gender,
    nationality,
    passport: {
      number: `${String.fromCharCode(65 + rng.int(26))}${String(rng.int(100_000_000)).padStart(8, '0')}`,
      type: 'P',
      issuedOn: passportIssued,
      expiresOn: plusDays(passportIssued, 3652),
      place: PASSPORT_PLACES[nationality] ?? `Passport authority, ${nationality}`,
    },
    // Residence card numbers are synthetic: TT (temporary) or TTR (permanent) and the ID's 10 digits.
    residenceCard: {
      kind: permanent ? 'PERMANENT' : 'TEMPORARY',
      number: `${permanent ? 'TTR' : 'TT'}${foreignerId.slice(2)}`,
      expiresOn: permanent ? plusDays(asOf, 365 * (1 + rng.int(9))) : plusDays(asOf, 30 + rng.int(4 * 365)),
    },
    status: 'alive',
  }
}
