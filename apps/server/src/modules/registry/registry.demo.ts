import { nameKey } from '@dinhdanh/vn-id'
import type { ForeignerRecord } from './foreigner.repository.js'
import { cardExpiry, type PartialDate } from './registry.dates.js'
import type { RegistryRecord } from './registry.record.js'
import { AUTHORITY } from './registry.row.js'

type DemoInput = Partial<RegistryRecord> &
  Pick<
    RegistryRecord,
    'personalId' | 'fullName' | 'dob' | 'gender' | 'permanentAddress' | 'permanentProvince'
  > & {
    cardIssuedOn?: string
  }

const demo = (p: DemoInput): RegistryRecord => {
  const kind = p.cardIssuedOn && p.cardIssuedOn >= '2024-07-01' ? 'CAN_CUOC_2024' : 'CCCD_CHIP'
  const { cardIssuedOn, ...rest } = p
  return {
    nameKey: nameKey(p.fullName),
    nationality: 'VN',
    ethnicity: 'Kinh',
    religion: 'Không',
    placeOfBirth: p.permanentAddress.split(', ').slice(-2).join(', '),
    hometown: p.permanentAddress.split(', ').at(-1) ?? '',
    temporaryAddress: null,
    status: 'alive',
    diedOn: null,
    card: cardIssuedOn
      ? {
          kind,
          issuedOn: cardIssuedOn,
          expiresOn: cardExpiry(p.dob, cardIssuedOn),
          authority: AUTHORITY[kind],
          status: 'valid',
        }
      : null,
    oldCmnd: null,
    cancelledIds: [],
    fatherId: null,
    motherId: null,
    spouseId: null,
    guardianId: null,
    householdId: null,
    householdRelation: null,
    ...rest,
  }
}

const d = (year: number, month: number | null = null, day: number | null = null): PartialDate => ({
  year,
  month,
  day,
})
const HN = 'Số 8 Phố Huế, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội'
const HN_HOUSEHOLD = 'HK001088004321'

/** Fixed people the first start seeds (and the README lists): one line each says what they demonstrate. */
export const demoPeople: ReadonlyArray<{ description: string; record: RegistryRecord }> = [
  {
    description:
      'Nguyễn Văn An, man born 15/03/1995 in TP. Hồ Chí Minh, chip CCCD, old CMND 025123456 (the DOMAIN example)',
    record: demo({
      personalId: '079095001234',
      fullName: 'Nguyễn Văn An',
      dob: d(1995, 3, 15),
      gender: 'male',
      permanentAddress: '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
      permanentProvince: '079',
      cardIssuedOn: '2021-05-20',
      oldCmnd: '025123456',
    }),
  },
  {
    description:
      'Trần Thị Bình, woman born 02/08/1990 in Hà Nội, căn cước card issued 2024, mother of Lê Gia Bảo',
    record: demo({
      personalId: '001190012345',
      fullName: 'Trần Thị Bình',
      dob: d(1990, 8, 2),
      gender: 'female',
      permanentAddress: HN,
      permanentProvince: '001',
      cardIssuedOn: '2024-09-10',
      spouseId: '001088004321',
      householdId: HN_HOUSEHOLD,
      householdRelation: 'spouse',
    }),
  },
  {
    description: 'Lê Minh Cường, man born 20/11/1988 in Hà Nội, head of household, father of Lê Gia Bảo',
    record: demo({
      personalId: '001088004321',
      fullName: 'Lê Minh Cường',
      dob: d(1988, 11, 20),
      gender: 'male',
      permanentAddress: HN,
      permanentProvince: '001',
      cardIssuedOn: '2021-06-01',
      oldCmnd: '012345678',
      spouseId: '001190012345',
      householdId: HN_HOUSEHOLD,
      householdRelation: 'head',
    }),
  },
  {
    description:
      'Lê Gia Bảo, boy born 09/04/2016 (under 14), căn cước card issued 2025, parents Lê Minh Cường and Trần Thị Bình',
    record: demo({
      personalId: '001216006789',
      fullName: 'Lê Gia Bảo',
      dob: d(2016, 4, 9),
      gender: 'male',
      permanentAddress: HN,
      permanentProvince: '001',
      cardIssuedOn: '2025-01-15',
      fatherId: '001088004321',
      motherId: '001190012345',
      householdId: HN_HOUSEHOLD,
      householdRelation: 'child',
    }),
  },
  {
    description:
      'Phạm Thị Dung, woman born in 1955 (year only on record) in Nam Định, over 60, card with no expiry',
    record: demo({
      personalId: '036155000777',
      fullName: 'Phạm Thị Dung',
      dob: d(1955),
      gender: 'female',
      permanentAddress: 'Xóm 3, Xã Hải Anh, Huyện Hải Hậu, Nam Định',
      permanentProvince: '036',
      cardIssuedOn: '2021-04-12',
      oldCmnd: '162000777',
      religion: 'Công giáo',
    }),
  },
  {
    description: 'Hoàng Văn Đức, man born 01/02/1945 in Thanh Hóa, deceased 30/06/2025, card revoked',
    record: {
      ...demo({
        personalId: '038045000321',
        fullName: 'Hoàng Văn Đức',
        dob: d(1945, 2, 1),
        gender: 'male',
        permanentAddress: 'Thôn Đông, Xã Quảng Tâm, Thành phố Thanh Hóa, Thanh Hóa',
        permanentProvince: '038',
        status: 'deceased',
        diedOn: '2025-06-30',
      }),
      card: {
        kind: 'CCCD_CHIP',
        issuedOn: '2021-03-20',
        expiresOn: null,
        authority: AUTHORITY.CCCD_CHIP,
        status: 'revoked',
      },
    },
  },
]

export const demoForeigners: ReadonlyArray<{ description: string; record: ForeignerRecord }> = [
  {
    description: 'Kim Min Jun, Korean man born 07/07/1985, temporary residence card until 31/12/2027',
    record: {
      foreignerId: 'NN0000000001',
      fullName: 'Kim Min Jun',
      dateOfBirth: '1985-07-07',
      gender: 'male',
      nationality: 'KR',
      passport: {
        number: 'M12345678',
        type: 'P',
        issuedOn: '2022-01-10',
        expiresOn: '2032-01-09',
        place: 'Ministry of Foreign Affairs, Republic of Korea',
      },
      residenceCard: { kind: 'TEMPORARY', number: 'TT0000000001', expiresOn: '2027-12-31' },
      status: 'alive',
    },
  },
]
