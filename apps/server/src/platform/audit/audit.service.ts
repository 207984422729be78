import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Clock } from '../clock.js'
import { fail } from '../errors.js'
import { AUDIT } from './audit.errors.js'
import { auditHash, GENESIS_HASH } from './audit.hash.js'
import { insertAuditEvent, lastAuditLink, lockAuditChain } from './audit.repository.js'
import type { ActorKind } from './audit.table.js'

export type AuditEvent = {
  actor: string
  actorKind: ActorKind
  /** `<module>.<thing>.<verb>`, e.g. 'registry.person.read'. */
  action: string
  subject?: string | null
  subjectKind?: string | null
  purpose?: string | null
  /** Small, never secrets: it is shown to the citizen and kept forever. */
  data?: Record<string, unknown>
  requestId?: string | null
}

export type AuditRecord = { seq: number; id: string; hash: string }

const MAX_DATA_BYTES = 4096

/**
 * Appends one event inside the caller's transaction, so a failed request leaves no audit row.
 * Call it late in the transaction: the chain lock is held until commit.
 */
export const recordAudit = async (
  trx: Transaction<Database>,
  clock: Clock,
  event: AuditEvent,
): Promise<AuditRecord> => {
  if (!trx.isTransaction) fail(AUDIT.NOT_IN_TRANSACTION)
  // Round-trip through JSON so the hash covers exactly what jsonb will store.
  const dataJson = JSON.stringify(event.data ?? {})
  if (Buffer.byteLength(dataJson) > MAX_DATA_BYTES) fail(AUDIT.DATA_TOO_LARGE)
  // Without the lock two writers could read the same last hash and fork the chain.
  await lockAuditChain(trx)
  const last = await lastAuditLink(trx)
  const fields = {
    id: randomUUID(),
    at: clock.now(),
    actor: event.actor,
    actor_kind: event.actorKind,
    action: event.action,
    subject: event.subject ?? null,
    subject_kind: event.subjectKind ?? null,
    purpose: event.purpose ?? null,
    data: JSON.parse(dataJson) as unknown,
    request_id: event.requestId ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  }
  const hash = auditHash(fields)
  // Gapless under the lock (identity sequences skip on rollback), so a gap proves a deletion.
  const seq = (last?.seq ?? 0) + 1
  await insertAuditEvent(trx, { ...fields, data: dataJson, seq, hash })
  return { seq, id: fields.id, hash }
}
