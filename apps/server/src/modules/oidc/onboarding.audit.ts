import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { Clock } from '../../platform/clock.js'

/** Who acts on an application: the applicant (a citizen) or an appraiser (an officer), and their request. */
export type OnboardingActor = {
  id: string
  kind: 'citizen' | 'officer'
  requestId?: string | undefined
}

/** A step of an application, audited under the application (`oidc.application.<step>`), never with a secret. */
export const auditApplication = (
  trx: Transaction<Database>,
  clock: Clock,
  actor: OnboardingActor,
  step: string,
  applicationId: string,
  data: Record<string, unknown> = {},
) =>
  recordAudit(trx, clock, {
    actor: actor.id,
    actorKind: actor.kind,
    action: `oidc.application.${step}`,
    subject: applicationId,
    subjectKind: 'relying_party_application',
    purpose: 'relying-party-onboarding',
    data,
    requestId: actor.requestId ?? null,
  })
