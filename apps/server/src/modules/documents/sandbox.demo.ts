import { type LocalDate, toParts, vietnamDateOf } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import type { Clock } from '../../platform/clock.js'
import { demoPeople } from '../registry/index.js'
import { DOCUMENT_KINDS, type DocumentKind } from './documents.kinds.js'
import type { NewSourceRow } from './documents.table.js'
import { countSourceRecords, insertSourceRecords } from './sandbox.repository.js'
import { licenceAuthority, licenceValidTo, type SeedRecord, syntheticRecordsOf } from './sandbox.synthetic.js'

const AN = '079095001234'
const BINH = '001190012345'
const CUONG = '001088004321'
const BAO = '001216006789'
const DUNG = '036155000777'
const DUC = '038045000321'

const HCM_POLICE = 'Phòng Cảnh sát giao thông, Công an TP. Hồ Chí Minh'
const HN_POLICE = 'Phòng Cảnh sát giao thông, Công an Hà Nội'

/** The demo people's documents at the sandboxes (docs/documents.md lists them); health cards run for the year of `asOf`. */
export const demoSourceRecords = (asOf: LocalDate): SeedRecord[] => {
  const year = toParts(asOf).y
  const card = (
    personalId: string,
    number: string,
    beneficiaryCode: string,
    benefitLevel: 1 | 3 | 4,
    registeredHospital: string,
    validTo = `${year}-12-31`,
  ): SeedRecord[] => [
    {
      kind: 'health_insurance',
      number,
      personalId,
      status: 'valid',
      validFrom: `${validTo.slice(0, 4)}-01-01`,
      validTo,
      data: { beneficiaryCode, benefitLevel, registeredHospital },
    },
    {
      kind: 'social_insurance',
      number,
      personalId,
      status: 'valid',
      validFrom: '2015-01-01',
      validTo: null,
      data: { agency: `Bảo hiểm xã hội ${personalId.startsWith('079') ? 'TP. Hồ Chí Minh' : 'Hà Nội'}` },
    },
  ]
  const tax = (personalId: string, legacyTaxCode: string | null, authority: string): SeedRecord => ({
    kind: 'tax_code',
    number: personalId,
    personalId,
    status: 'valid',
    validFrom: '2016-07-01',
    validTo: null,
    data: { legacyTaxCode, taxAuthority: authority },
  })
  const licence = (
    personalId: string,
    number: string,
    cls: 'A1' | 'B',
    issuedOn: LocalDate,
    province: string,
    status: SeedRecord['status'] = 'valid',
  ): SeedRecord => ({
    kind: 'driving_licence',
    number,
    personalId,
    status,
    validFrom: issuedOn,
    validTo: licenceValidTo(cls, issuedOn),
    data: { licenceClass: cls, issuingAuthority: licenceAuthority(issuedOn, province), points: 12 },
  })
  return [
    // Nguyễn Văn An: two licences, a motorbike and a car, insurance, tax code with the old 10-digit code.
    licence(AN, '790113456789', 'A1', '2013-06-10', '079'),
    licence(AN, '790219012345', 'B', '2019-08-01', '079'),
    {
      kind: 'vehicle_registration',
      number: '59X123456',
      personalId: AN,
      status: 'valid',
      validFrom: '2014-01-15',
      validTo: null,
      data: {
        plate: '59-X1 234.56',
        vehicleType: 'motorcycle',
        brand: 'Honda',
        model: 'Air Blade',
        colour: 'Đen',
        chassisNumber: 'RLHJF6300EZ123456',
        engineNumber: 'JF63E1234567',
        issuingAuthority: HCM_POLICE,
      },
    },
    {
      kind: 'vehicle_registration',
      number: '51K67890',
      personalId: AN,
      status: 'valid',
      validFrom: '2022-09-05',
      validTo: null,
      data: {
        plate: '51K-678.90',
        vehicleType: 'car',
        brand: 'Toyota',
        model: 'Vios',
        colour: 'Trắng',
        chassisNumber: 'RL4BT9F31N5012345',
        engineNumber: '2NRX123456',
        issuingAuthority: HCM_POLICE,
      },
    },
    ...card(AN, '7912345678', 'DN', 4, 'Bệnh viện Nhân dân 115'),
    tax(AN, '8123456789', 'Thuế TP. Hồ Chí Minh'),
    // Trần Thị Bình: a motorbike licence and insurance.
    licence(BINH, '010110123456', 'A1', '2010-10-01', '001'),
    ...card(BINH, '0112345678', 'DN', 4, 'Bệnh viện Bạch Mai'),
    tax(BINH, '8012345678', 'Thuế Hà Nội'),
    // Lê Minh Cường: his car licence is suspended (points used up), the motorbike one is valid.
    licence(CUONG, '010106543210', 'A1', '2007-03-12', '001'),
    licence(CUONG, '010216543210', 'B', '2016-05-20', '001', 'suspended'),
    {
      kind: 'vehicle_registration',
      number: '30G12345',
      personalId: CUONG,
      status: 'valid',
      validFrom: '2018-04-02',
      validTo: null,
      data: {
        plate: '30G-123.45',
        vehicleType: 'car',
        brand: 'Mazda',
        model: 'CX-5',
        colour: 'Xám',
        chassisNumber: 'RP8KF2W7JJ1012345',
        engineNumber: 'PY12345678',
        issuingAuthority: HN_POLICE,
      },
    },
    ...card(CUONG, '0188004321', 'DN', 4, 'Bệnh viện Thanh Nhàn'),
    tax(CUONG, null, 'Thuế Hà Nội'),
    // Lê Gia Bảo (10): a pupil's health card, no licence.
    ...card(BAO, '0116006789', 'HS', 4, 'Bệnh viện Nhi Trung ương'),
    // Phạm Thị Dung: a pensioner's card.
    ...card(DUNG, '3655000777', 'HT', 3, 'Bệnh viện Đa khoa tỉnh Nam Định'),
    // Hoàng Văn Đức (deceased 30/06/2025): the licence revoked, the card ended.
    licence(DUC, '380165000321', 'A1', '1995-07-01', '038', 'revoked'),
    ...card(DUC, '3845000321', 'HT', 3, 'Bệnh viện Đa khoa tỉnh Thanh Hóa', '2025-06-30'),
  ]
}

const toRow = (r: SeedRecord, now: Date): NewSourceRow => ({
  number: r.number,
  personal_id: r.personalId,
  status: r.status,
  valid_from: r.validFrom,
  valid_to: r.validTo,
  data: JSON.stringify(r.data),
  version: 1,
  updated_at: now,
})

const insertAll = async (db: Db, records: readonly SeedRecord[], now: Date) => {
  let n = 0
  for (const kind of DOCUMENT_KINDS)
    n += await insertSourceRecords(
      db,
      kind,
      records.filter((r) => r.kind === kind).map((r) => toRow(r, now)),
    )
  return n
}

/**
 * First start: the demo people's records, then (given the registry's pages) synthetic records for every
 * other person. Does nothing once the sandboxes hold records.
 */
export const seedDemoSources = async (
  deps: { db: Db; clock: Clock },
  personIdsAfter?: (after: string, limit: number) => Promise<string[]>,
): Promise<{ fixed: number; synthetic: number } | null> => {
  const seeded = await Promise.all(DOCUMENT_KINDS.map((k: DocumentKind) => countSourceRecords(deps.db, k)))
  if (seeded.some((n) => n > 0)) return null
  const now = deps.clock.now()
  const asOf = vietnamDateOf(now)
  const fixed = await insertAll(deps.db, demoSourceRecords(asOf), now)
  let synthetic = 0
  if (!personIdsAfter) return { fixed, synthetic }
  const demo = new Set(demoPeople.map((p) => p.record.personalId))
  for (let after = ''; ; ) {
    const ids = await personIdsAfter(after, 2_000)
    if (ids.length === 0) break
    after = ids.at(-1) as string
    const records = ids.filter((id) => !demo.has(id)).flatMap((id) => syntheticRecordsOf(id, asOf))
    synthetic += await insertAll(deps.db, records, now)
  }
  return { fixed, synthetic }
}
