import type { ColumnType, Insertable, Selectable } from 'kysely'

type LocalDateColumn = ColumnType<string, string, string>

// The sandbox carrier's subscriber register: one row per active subscription, with its holder's document.
export interface TelecomSubscriberTable {
  phone: string
  personal_id: string | null
  foreigner_id: string | null
  passport_nationality: string | null
  passport_number: string | null
  registered_on: LocalDateColumn
}

export interface TelecomTables {
  telecom_subscriber: TelecomSubscriberTable
}

export type SubscriberRow = Selectable<TelecomSubscriberTable>
export type NewSubscriberRow = Insertable<TelecomSubscriberTable>
