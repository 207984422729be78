import { vietnamDateOf } from '@dinhdanh/vn-id'
import { listAuditBySubject } from '../../platform/audit/index.js'
import { auditLockRequest, type Ctx } from './lock-request.audit.js'
import { assertMayDecide, loadLockRequest } from './lock-request.load.js'
import {
  forwardedQueue,
  type QueuePage,
  type RecordedFilter,
  unitRequests,
} from './lock-request.repository.js'
import { toLockRequestView } from './lock-request.view.js'
import type { LockRequestDeps } from './record.service.js'

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** The deciding officer's queue: forwarded requests of their jurisdiction, earliest due first, overdue flagged. */
export const lockRequestQueue = async (deps: LockRequestDeps, page: QueuePage, ctx: Ctx) => {
  assertMayDecide(deps.policy.profile, ctx.officer)
  const today = vietnamDateOf(deps.clock.now())
  const { items, total } = await forwardedQueue(deps.db, ctx.officer.unit, page)
  return { ...page, total, items: items.map((r) => toLockRequestView(r, today)) }
}

/** The requests the officer's unit recorded, newest first, with their due dates and overdue flags. */
export const recordedLockRequests = async (deps: LockRequestDeps, filter: RecordedFilter, ctx: Ctx) => {
  const today = vietnamDateOf(deps.clock.now())
  const { items, total } = await unitRequests(deps.db, ctx.officer.unit.code, filter)
  return {
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    items: items.map((r) => toLockRequestView(r, today)),
  }
}

/** One request with its audit trail; the read is audited under the request. */
export const readLockRequest = async (deps: LockRequestDeps, id: string, ctx: Ctx) => {
  const r = await loadLockRequest(deps, id, ctx.officer)
  await deps.db
    .transaction()
    .execute((trx) => auditLockRequest(trx, deps.clock, ctx, 'read', r.subject_id, { lockRequestId: id }))
  // The request's own steps, and the lock or unlock it carried out under the holder.
  const own = await listAuditBySubject(deps.db, id, { limit: 200 })
  const carried = (await listAuditBySubject(deps.db, r.subject_id, { limit: 200 })).filter((e) => {
    if (!isRecord(e.data)) return false
    // A lock with an end date is lifted by the lock job, which knows the lock, not the request.
    const ended = r.kind === 'lock' && r.lock_id !== null && e.data.lockId === r.lock_id
    return e.data.lockRequestId === id || ended
  })
  const trail = [...own, ...carried]
    .sort((a, b) => Number(a.seq) - Number(b.seq))
    .map((e) => ({ at: new Date(e.at).toISOString(), actor: e.actor, action: e.action }))
  return { ...toLockRequestView(r, vietnamDateOf(deps.clock.now())), trail }
}
