import { setTimeout as sleep } from 'node:timers/promises'
import type { Db } from '../../database.js'
import type { OwnershipQuery, OwnershipResult, PhoneOwnershipChecker } from './phone-ownership.port.js'
import { findSubscription } from './telecom.repository.js'
import type { SubscriberRow } from './telecom.table.js'

/** How the sandbox carrier misbehaves: a delay before every answer, or no answer at all. */
export type SandboxConditions = { latencyMs?: number; outage?: boolean }

export type SandboxPhoneOwnership = PhoneOwnershipChecker & {
  /** Changes the conditions from the next check on (tests, demos of an outage). */
  simulate(conditions: SandboxConditions): void
}

// The subscription is in the asker's name when any document the carrier holds is the one asked about.
const heldBy = (row: SubscriberRow, q: OwnershipQuery): boolean =>
  ('personalId' in q && row.personal_id === q.personalId) ||
  ('foreignerId' in q && row.foreigner_id === q.foreignerId) ||
  ('passport' in q &&
    q.passport !== undefined &&
    row.passport_number === q.passport.number &&
    row.passport_nationality === q.passport.nationality)

/**
 * A carrier's subscriber-information service played by the telecom_subscriber table: a number with no
 * row is no subscriber, a row naming another document is another person's subscription.
 */
export const createSandboxPhoneOwnership = (
  db: Db,
  initial: SandboxConditions = {},
): SandboxPhoneOwnership => {
  let conditions = { ...initial }
  return {
    source: 'sandbox',
    simulate: (next) => {
      conditions = { ...next }
    },
    check: async (query) => {
      const { latencyMs = 0, outage = false } = conditions
      if (latencyMs > 0) await sleep(latencyMs)
      if (outage) return { result: 'unavailable' }
      const row = await findSubscription(db, query.phone)
      const result: OwnershipResult = !row
        ? 'unknown_subscriber'
        : heldBy(row, query)
          ? 'own_name'
          : 'not_own_name'
      return { result }
    },
  }
}
