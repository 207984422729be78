import type { ColumnType, Selectable } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

// The holder's own choices for their account: one row per account, written on the first change.
export interface AccountsSettingTable {
  account_id: string
  /** A browser may be logged in by scanning its QR code with the app (level 2 only; off by default). */
  web_qr_login: boolean
  updated_at: Timestamp
}

export interface SettingsTables {
  accounts_setting: AccountsSettingTable
}

export type SettingRow = Selectable<AccountsSettingTable>
