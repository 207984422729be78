import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Clock } from '../../platform/clock.js'
import type { Officer } from '../officers/index.js'

/** Who acts on a lock request, and the HTTP request it came with. */
export type Ctx = { officer: Officer; requestId?: string }

/**
 * An officer's step on a lock request, audited under the request, not under the holder: a pending
 * authority request must not show in the usage history of the person it may be about (it could tip off
 * someone under investigation). The holder sees the lock or unlock once it is carried out (accounts).
 */
export const auditLockRequest = (
  trx: Transaction<Database>,
  clock: Clock,
  ctx: Ctx,
  action: string,
  holderId: string,
  data: { lockRequestId: string } & Record<string, unknown>,
) =>
  recordAudit(trx, clock, {
    actor: ctx.officer.officerNumber,
    actorKind: 'officer',
    action: `lock_requests.request.${action}`,
    subject: data.lockRequestId,
    subjectKind: 'lock_request',
    purpose: 'account-lock',
    data: { unit: ctx.officer.unit.code, holder: holderId, ...data },
    requestId: ctx.requestId ?? null,
  })
