import type { ColumnType, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type LocalDateColumn = ColumnType<string, string, string>

export type EidCardStatus = 'active' | 'locked' | 'expired'

// The electronic ID card (căn cước điện tử) of a citizen's level-2 account (D69 Art 28; LID Art 31).
export interface AccountsEidCardTable {
  id: string
  account_id: string
  number: string
  issued_on: LocalDateColumn
  /** The physical card's expiry it follows; null for a card valid for life. */
  valid_until: LocalDateColumn | null
  status: EidCardStatus
  dossier_id: string | null
  created_at: Timestamp
}

export interface EidCardTables {
  accounts_eid_card: AccountsEidCardTable
}

export type EidCardRow = Selectable<AccountsEidCardTable>
