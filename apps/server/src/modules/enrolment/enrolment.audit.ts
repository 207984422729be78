import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Clock } from '../../platform/clock.js'
import type { Officer } from '../officers/index.js'

export const PURPOSE = 'eid-registration'

/** One officer action on a person's dossier or card application, audited under the person. */
export const auditOfficerAction = (
  trx: Transaction<Database>,
  clock: Clock,
  officer: Officer,
  action: string,
  subjectId: string,
  data: Record<string, unknown>,
  requestId?: string,
) =>
  recordAudit(trx, clock, {
    actor: officer.officerNumber,
    actorKind: 'officer',
    action: `enrolment.${action}`,
    subject: subjectId,
    subjectKind: subjectId.startsWith('NN') ? 'foreigner' : 'citizen',
    purpose: PURPOSE,
    data: { unit: officer.unit.code, ...data },
    requestId: requestId ?? null,
  })
