import { randomUUID } from 'node:crypto'
import type { Db } from '../../database.js'
import type { Clock } from '../clock.js'
import { fail } from '../errors.js'
import { NOTIFY } from './outbox.errors.js'
import { insertOutbox } from './outbox.repository.js'
import type { Channel } from './outbox.table.js'

export type Notification = {
  channel: Channel
  /** E.164 (+84…) for sms: normalise national numbers with @dinhdanh/vn-id first. */
  recipient: string
  template: string
  subject?: string | null
  body: string
  data?: Record<string, unknown>
}

const E164 = /^\+[1-9]\d{7,14}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Queues a message inside the caller's transaction: it is sent only if that transaction commits. */
export const enqueueNotification = async (
  db: Db,
  clock: Clock,
  msg: Notification,
): Promise<{ id: string }> => {
  const recipient =
    msg.channel === 'email' ? msg.recipient.trim().toLowerCase() : msg.recipient.replace(/[\s.-]/g, '')
  if (!(msg.channel === 'sms' ? E164 : EMAIL).test(recipient)) fail(NOTIFY.INVALID_RECIPIENT)
  const now = clock.now()
  const id = randomUUID()
  await insertOutbox(db, {
    id,
    channel: msg.channel,
    recipient,
    template: msg.template,
    subject: msg.subject ?? null,
    body: msg.body,
    data: JSON.stringify(msg.data ?? {}),
    next_attempt_at: now,
    created_at: now,
  })
  return { id }
}
