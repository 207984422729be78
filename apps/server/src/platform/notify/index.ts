export { httpSmsSender } from './http-sms.sender.js'
export { NOTIFY } from './outbox.errors.js'
export { listOutbox, type OutboxQuery } from './outbox.repository.js'
export { enqueueNotification, type Notification } from './outbox.service.js'
export { CHANNELS, type Channel, type OutboxRow, type OutboxStatus } from './outbox.table.js'
export {
  backoffDelay,
  type DrainResult,
  drainOutboxOnce,
  type OutboxOptions,
  type OutboxWorker,
  startOutboxWorker,
} from './outbox.worker.js'
export { devSender, type Sender, type Senders, type SendResult } from './sender.js'
export { sendersFromConfig } from './senders.js'
export { smtpSender } from './smtp.sender.js'
