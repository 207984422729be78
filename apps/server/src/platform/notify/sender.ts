import type { Channel, OutboxRow } from './outbox.table.js'

/** What a sender reports; `permanent` failures are not retried (a bad number, a refused address). */
export type SendResult = { ok: true } | { ok: false; permanent: boolean; error: string }

export type OutboundMessage = Pick<
  OutboxRow,
  'id' | 'channel' | 'recipient' | 'subject' | 'body' | 'template'
>

/** The port every delivery channel implements. A thrown error counts as a temporary failure. */
export interface Sender {
  send(msg: OutboundMessage): Promise<SendResult>
  close?(): Promise<void> | void
}

export type Senders = Record<Channel, Sender>

/** Development: delivers nothing; the outbox rows themselves are the inbox (GET /dev/outbox). */
export const devSender: Sender = { send: async () => ({ ok: true }) }
