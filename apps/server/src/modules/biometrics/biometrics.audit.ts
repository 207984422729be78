import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Clock } from '../../platform/clock.js'

/** Who asks and why: every enrolment, check, search and review is audited with it. */
export type BiometricActor = {
  id: string
  kind: 'officer' | 'system' | 'citizen'
  /** The officer's police unit, kept in the audit data. */
  unit?: string
  purpose: string
  requestId?: string
}

/** One audit event of the module, in the caller's transaction; the subject is a citizen or a foreigner. */
export const auditBiometric = (
  trx: Transaction<Database>,
  clock: Clock,
  actor: BiometricActor,
  action: string,
  subjectId: string | null,
  data: Record<string, unknown>,
) =>
  recordAudit(trx, clock, {
    actor: actor.id,
    actorKind: actor.kind,
    action: `biometrics.${action}`,
    subject: subjectId,
    subjectKind: subjectId === null ? null : subjectId.startsWith('NN') ? 'foreigner' : 'citizen',
    purpose: actor.purpose,
    data: actor.unit === undefined ? data : { unit: actor.unit, ...data },
    requestId: actor.requestId ?? null,
  })
