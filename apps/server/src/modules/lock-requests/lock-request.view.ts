import type { LockRequestRow } from './lock-requests.table.js'

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/** Overdue: not forwarded by its forwarding day, or not decided by its deciding day (`today` in Vietnam). */
export const isOverdue = (r: LockRequestRow, today: string) =>
  (r.state === 'recorded' && r.forward_by !== null && r.forward_by < today) ||
  ((r.state === 'recorded' || r.state === 'forwarded') && r.decide_by < today)

/** A lock request as officers see it. */
export const toLockRequestView = (r: LockRequestRow, today?: string) => ({
  id: r.id,
  kind: r.kind,
  ground: r.ground,
  state: r.state,
  personalId: r.subject_id,
  authority: { name: r.authority_name, documentNumber: r.document_number, documentDate: r.document_date },
  note: r.note,
  lockUntil: r.lock_until,
  receivingUnit: r.unit_code,
  recordedBy: r.recorded_by_number,
  recordedOn: r.recorded_on,
  forwardBy: r.forward_by,
  forwardedOn: r.forwarded_on,
  decideBy: r.decide_by,
  overdue: today !== undefined && isOverdue(r, today),
  decidedBy: r.decided_by_number,
  decidedAt: iso(r.decided_at),
  refusalReasons: r.refusal_reasons,
  lockId: r.lock_id,
  carriedOutAt: iso(r.carried_out_at),
})
export type LockRequestView = ReturnType<typeof toLockRequestView>
