import { createHash } from 'node:crypto'

/** The prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64)

export type HashedFields = {
  id: string
  at: Date
  actor: string
  actor_kind: string
  action: string
  subject: string | null
  subject_kind: string | null
  purpose: string | null
  data: unknown
  request_id: string | null
  prev_hash: string
}

// Sorted keys at every depth: jsonb reorders keys, so the hash must not depend on their order.
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]))
  }
  return value
}

/**
 * SHA-256 (hex) over a fixed-order JSON array of the event's fields and the previous hash.
 * `seq` is left out on purpose: order is carried by the prev_hash links, seq only locates a row.
 */
export const auditHash = (f: HashedFields): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        'v1',
        f.id,
        f.at.toISOString(),
        f.actor,
        f.actor_kind,
        f.action,
        f.subject,
        f.subject_kind,
        f.purpose,
        canonical(f.data),
        f.request_id,
        f.prev_hash,
      ]),
    )
    .digest('hex')
