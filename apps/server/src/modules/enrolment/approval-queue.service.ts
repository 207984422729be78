import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { listAuditBySubject } from '../../platform/audit/index.js'
import { loadCounterDossier } from './counter-dossier.load.js'
import { type QueuePage, submittedQueue } from './counter-dossier.repository.js'
import { toDossierView } from './counter-dossier.view.js'
import type { Ctx } from './counter-open.service.js'
import { auditOfficerAction } from './enrolment.audit.js'

/** The approver's queue: submitted dossiers of their jurisdiction, oldest due first, overdue flagged. */
export const approvalQueue = async (deps: Pick<Deps, 'db' | 'clock'>, page: QueuePage, ctx: Ctx) => {
  const today = vietnamDateOf(deps.clock.now())
  const { items, total } = await submittedQueue(deps.db, ctx.officer.unit, page)
  return { ...page, total, items: items.map((d) => toDossierView(d, today)) }
}

/** One dossier with its audit trail; the read is audited under the person (who read their data, and why). */
export const readCounterDossier = async (deps: Pick<Deps, 'db' | 'clock'>, id: string, ctx: Ctx) => {
  const d = await loadCounterDossier(deps, id, ctx.officer)
  await deps.db
    .transaction()
    .execute((trx) =>
      auditOfficerAction(
        trx,
        deps.clock,
        ctx.officer,
        'dossier.read',
        d.subject_id,
        { dossierId: id },
        ctx.requestId,
      ),
    )
  const audit = await listAuditBySubject(deps.db, d.subject_id, { limit: 200 })
  const trail = audit
    .filter((e) => (e.data as Record<string, unknown> | null)?.dossierId === id)
    .reverse()
    .map((e) => ({ at: new Date(e.at).toISOString(), actor: e.actor, action: e.action }))
  return { ...toDossierView(d, vietnamDateOf(deps.clock.now())), trail }
}
