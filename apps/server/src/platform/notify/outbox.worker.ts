import type { Deps } from '../../deps.js'
import { claimDueOutbox, markOutboxFailed, markOutboxRetry, markOutboxSent } from './outbox.repository.js'
import type { OutboxRow } from './outbox.table.js'
import type { Senders, SendResult } from './sender.js'

export type OutboxDeps = Pick<Deps, 'db' | 'clock' | 'log'>

export type OutboxOptions = {
  /** Rows claimed per statement; small, so a stopping worker finishes quickly. */
  batchSize?: number
  /** Attempts before a message is marked failed. */
  maxAttempts?: number
  backoffBaseMs?: number
  backoffMaxMs?: number
  /** How long a claim lasts: a worker that dies mid-send has its rows sent again after this. */
  leaseMs?: number
  pollMs?: number
  /** Injectable for tests: the jitter source in [0, 1). */
  random?: () => number
}

const DEFAULTS = {
  batchSize: 10,
  maxAttempts: 6,
  backoffBaseMs: 30_000,
  backoffMaxMs: 3_600_000,
  leaseMs: 300_000,
  pollMs: 1000,
  random: Math.random,
} satisfies Required<OutboxOptions>

type Resolved = Required<OutboxOptions>

/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread but never bunch at 0. */
export const backoffDelay = (
  attempt: number,
  o: Pick<Resolved, 'backoffBaseMs' | 'backoffMaxMs' | 'random'>,
) => {
  const exp = Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** (attempt - 1))
  return Math.round(exp / 2 + (o.random() * exp) / 2)
}

type Outcome = 'sent' | 'retried' | 'failed'

const deliver = async (deps: OutboxDeps, senders: Senders, row: OutboxRow, o: Resolved): Promise<Outcome> => {
  const result: SendResult = await senders[row.channel].send(row).catch((e: unknown) => ({
    ok: false as const,
    permanent: false,
    error: e instanceof Error ? e.message : String(e),
  }))
  const now = deps.clock.now()
  if (result.ok) {
    await markOutboxSent(deps.db, row, now)
    return 'sent'
  }
  if (result.permanent || row.attempts >= o.maxAttempts) {
    deps.log.warn(
      { outboxId: row.id, channel: row.channel, attempts: row.attempts, error: result.error },
      'notification failed',
    )
    await markOutboxFailed(deps.db, row, result.error)
    return 'failed'
  }
  await markOutboxRetry(deps.db, row, new Date(now.getTime() + backoffDelay(row.attempts, o)), result.error)
  return 'retried'
}

export type DrainResult = { sent: number; retried: number; failed: number }

const drain = async (deps: OutboxDeps, senders: Senders, o: Resolved, keepGoing: () => boolean) => {
  const total: DrainResult = { sent: 0, retried: 0, failed: 0 }
  while (keepGoing()) {
    const now = deps.clock.now()
    const rows = await claimDueOutbox(deps.db, now, new Date(now.getTime() + o.leaseMs), o.batchSize)
    const outcomes = await Promise.all(rows.map((row) => deliver(deps, senders, row, o)))
    for (const outcome of outcomes) total[outcome]++
    if (rows.length < o.batchSize) break
  }
  return total
}

/** Sends everything due now, batch by batch, and returns what happened (tests and the CLI). */
export const drainOutboxOnce = (
  deps: OutboxDeps,
  senders: Senders,
  opts: OutboxOptions = {},
): Promise<DrainResult> => drain(deps, senders, { ...DEFAULTS, ...opts }, () => true)

export type OutboxWorker = { stop(): Promise<void> }

/** Polls the outbox until stopped; `stop()` resolves once the batch in flight has been recorded. */
export const startOutboxWorker = (
  deps: OutboxDeps,
  senders: Senders,
  opts: OutboxOptions = {},
): OutboxWorker => {
  const o: Resolved = { ...DEFAULTS, ...opts }
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<void> = Promise.resolve()
  const tick = async () => {
    try {
      await drain(deps, senders, o, () => !stopped)
    } catch (err) {
      deps.log.error({ err }, 'outbox worker: batch failed')
    }
    if (!stopped) timer = setTimeout(run, o.pollMs)
  }
  const run = () => {
    inFlight = tick()
  }
  run()
  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await inFlight
    },
  }
}
