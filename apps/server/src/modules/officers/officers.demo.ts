import { AppError } from '../../platform/errors.js'
import { createOfficer } from './enrolment.service.js'
import type { OfficersDeps } from './officers.deps.js'
import type { Role } from './officers.permissions.js'
import { findOfficerByNumber, insertUnits } from './officers.repository.js'
import type { OfficersUnitTable } from './officers.table.js'
import { base32Decode } from './totp.js'

/** A small hierarchy: C06, two provincial PC06, three commune police (wards since 1 Jul 2025), one immigration office. */
export const demoUnits: readonly OfficersUnitTable[] = [
  {
    code: 'C06',
    name: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội (C06)',
    level: 'central',
    parent_code: null,
    province_code: null,
  },
  {
    code: 'PC06-001',
    name: 'Phòng PC06, Công an thành phố Hà Nội',
    level: 'province',
    parent_code: 'C06',
    province_code: '001',
  },
  {
    code: 'PC06-079',
    name: 'Phòng PC06, Công an Thành phố Hồ Chí Minh',
    level: 'province',
    parent_code: 'C06',
    province_code: '079',
  },
  {
    code: 'CAX-001-BA-DINH',
    name: 'Công an phường Ba Đình',
    level: 'commune',
    parent_code: 'PC06-001',
    province_code: '001',
  },
  {
    code: 'CAX-001-HOAN-KIEM',
    name: 'Công an phường Hoàn Kiếm',
    level: 'commune',
    parent_code: 'PC06-001',
    province_code: '001',
  },
  {
    code: 'CAX-079-SAI-GON',
    name: 'Công an phường Sài Gòn',
    level: 'commune',
    parent_code: 'PC06-079',
    province_code: '079',
  },
  {
    code: 'PA08-079',
    name: 'Phòng Quản lý xuất nhập cảnh, Công an Thành phố Hồ Chí Minh',
    level: 'immigration_office',
    parent_code: null,
    province_code: '079',
  },
]

/** Inserts the demo units that are missing; safe to run at every start. */
export const seedDemoUnits = (deps: Pick<OfficersDeps, 'db'>) => insertUnits(deps.db, demoUnits)

/** The demo officers' password (DEMO_SEED only; documented in docs/officers.md). */
export const DEMO_OFFICER_PASSWORD = 'CanBo@Demo2026'

type DemoOfficer = {
  officerNumber: string
  fullName: string
  unitCode: string
  roles: Role[]
  totpSecret: string
}

// Fixed, published TOTP secrets (base32) so a developer can add them to an authenticator: demo only.
export const demoOfficers: readonly DemoOfficer[] = [
  {
    officerNumber: 'CB-0001',
    fullName: 'Nguyễn Quốc Anh',
    unitCode: 'C06',
    roles: ['administrator'],
    totpSecret: 'DINHDANHDEMOCANBOADMINAAAAAAAAAA',
  },
  {
    officerNumber: 'CB-0042',
    fullName: 'Trần Thị Lan',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer'],
    totpSecret: 'DINHDANHDEMOCANBOLANAAAAAAAAAAAA',
  },
  {
    officerNumber: 'CB-0043',
    fullName: 'Lê Văn Hùng',
    unitCode: 'CAX-001-BA-DINH',
    roles: ['receiving_officer', 'supervisor'],
    totpSecret: 'DINHDANHDEMOCANBOHUNGAAAAAAAAAAA',
  },
  {
    officerNumber: 'CB-0100',
    fullName: 'Phạm Minh Châu',
    unitCode: 'C06',
    roles: ['approver', 'supervisor'],
    totpSecret: 'DINHDANHDEMOCANBOCHAUAAAAAAAAAAA',
  },
  {
    officerNumber: 'CB-0200',
    fullName: 'Võ Thanh Tâm',
    unitCode: 'PA08-079',
    roles: ['immigration_officer'],
    totpSecret: 'DINHDANHDEMOCANBOTAMAAAAAAAAAAAA',
  },
]

export const describeDemoOfficer = (o: DemoOfficer) =>
  `${o.officerNumber} ${o.fullName} (${o.roles.join(', ')}; ${o.unitCode}) TOTP secret ${o.totpSecret}`

/** Creates the demo officers that are missing, already enrolled, with the fixed password and secrets. */
export const seedDemoOfficers = async (deps: OfficersDeps): Promise<number> => {
  await seedDemoUnits(deps)
  let created = 0
  for (const o of demoOfficers) {
    if (await findOfficerByNumber(deps.db, o.officerNumber)) continue
    try {
      const { totpSecret, ...input } = o
      await createOfficer(deps, { id: 'demo-seed', kind: 'system' }, input, {
        password: DEMO_OFFICER_PASSWORD,
        totpSecret: base32Decode(totpSecret),
        confirmedAt: deps.clock.now(),
      })
      created++
    } catch (err) {
      // Another instance starting at the same moment made it first.
      if (!(err instanceof AppError && err.code === 'officers.NUMBER_TAKEN')) throw err
    }
  }
  return created
}
