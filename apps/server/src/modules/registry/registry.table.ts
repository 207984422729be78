import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

// Every table is keyed (or prefixed) by the personal ID number so a distributed PostgreSQL can shard by it.
type Timestamp = ColumnType<Date, Date | string, Date | string>
// DATE columns stay 'YYYY-MM-DD' strings (platform/db.ts installs the parser).
type LocalDateColumn = ColumnType<string, string, string>

export type Gender = 'male' | 'female'
export type PersonStatus = 'alive' | 'deceased'
export type CardKind = 'CCCD_CHIP' | 'CAN_CUOC_2024'
export type CardStatus = 'valid' | 'expired' | 'revoked' | 'lost' | 'replaced'
export type OldIdKind = 'cmnd' | 'cancelled'
export type Relation = 'father' | 'mother' | 'spouse' | 'child' | 'guardian' | 'ward' | 'representative'
export type ResidenceCardKind = 'PERMANENT' | 'TEMPORARY'

export interface RegistryPersonTable {
  personal_id: string
  full_name: string
  name_key: string
  // Vietnamese records may know only the year, or the year and month, of a birth.
  birth_year: number
  birth_month: number | null
  birth_day: number | null
  gender: Gender
  nationality: string
  ethnicity: string
  religion: string
  place_of_birth: string
  hometown: string
  permanent_address: string
  permanent_province: string
  temporary_address: string | null
  status: PersonStatus
  died_on: LocalDateColumn | null
  // Hash of the imported row: a re-import of identical content is detected without comparing columns.
  row_hash: string
  created_at: Timestamp
  updated_at: Timestamp
  version: Generated<number>
  household_id: string | null
  // 'head', 'spouse', 'child', … as the household register writes it.
  household_relation: string | null
}

export interface RegistryCardTable {
  personal_id: string
  // The card number is the personal ID number (Law on Identification 2023, Art 18).
  number: string
  kind: CardKind
  issued_on: LocalDateColumn
  // Null: issued at 58 or later, valid for life.
  expires_on: LocalDateColumn | null
  authority: string
  status: CardStatus
}

export interface RegistryOldIdTable {
  number: string
  personal_id: string
  kind: OldIdKind
}

export interface RegistryRelativeTable {
  personal_id: string
  relation: Relation
  relative_id: string
}

export interface RegistryHouseholdTable {
  household_id: string
  head_personal_id: string | null
  address: string
  province_code: string
}

export interface RegistryForeignerTable {
  foreigner_id: string
  full_name: string
  name_key: string
  date_of_birth: LocalDateColumn
  gender: Gender
  nationality: string
  passport_number: string
  passport_type: string
  passport_issued_on: LocalDateColumn
  passport_expires_on: LocalDateColumn
  passport_place: string
  residence_card_kind: ResidenceCardKind
  residence_card_number: string
  residence_card_expires_on: LocalDateColumn | null
  status: PersonStatus
  created_at: Timestamp
  updated_at: Timestamp
  version: Generated<number>
}

export interface RegistryTables {
  registry_person: RegistryPersonTable
  registry_card: RegistryCardTable
  registry_old_id: RegistryOldIdTable
  registry_relative: RegistryRelativeTable
  registry_household: RegistryHouseholdTable
  registry_foreigner: RegistryForeignerTable
}

export type PersonRow = Selectable<RegistryPersonTable>
export type CardRow = Selectable<RegistryCardTable>
export type ForeignerRow = Selectable<RegistryForeignerTable>
export type NewForeigner = Insertable<RegistryForeignerTable>
