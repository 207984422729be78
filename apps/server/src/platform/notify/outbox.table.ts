import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

export const CHANNELS = ['sms', 'email'] as const
export type Channel = (typeof CHANNELS)[number]
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed'

export interface OutboxTable {
  id: string
  channel: Channel
  /** E.164 phone number (+84…) for sms, an address for email. */
  recipient: string
  template: string
  subject: string | null
  body: string
  data: ColumnType<unknown, string, string>
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>
  attempts: ColumnType<number, number | undefined, number>
  /** When a queued row is due, or when a 'sending' claim lapses (the sender crashed). */
  next_attempt_at: Date
  last_error: string | null
  created_at: Date
  sent_at: Date | null
  /** Insertion order: messages queued in the same instant (one transaction, a frozen test clock) keep theirs. */
  seq: Generated<number>
}

export interface OutboxTables {
  platform_outbox: OutboxTable
}

export type OutboxRow = Selectable<OutboxTable>
export type NewOutboxRow = Insertable<OutboxTable>
