import type { Policy } from '../policy/index.js'
import { OPEN_STATES } from './onboarding.flow.js'
import type { ApplicationRow } from './onboarding.table.js'

/**
 * The appraisal's time limit, by the legal regime in force (30 days from the signed agreement, D69 Art 18,
 * moved off a public holiday), counted from submission until an agreement is recorded.
 */
export const dueOn = (
  policy: Pick<Policy, 'relyingPartyAppraisalDueDate'>,
  submittedOn: string,
  signedOn: string | null,
) => policy.relyingPartyAppraisalDueDate(signedOn ?? submittedOn)

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

export const isOverdue = (r: ApplicationRow, today: string) =>
  OPEN_STATES.includes(r.state) && r.due_on < today

type WithClient = ApplicationRow & { client_status?: string | null; client_allow_dependents?: boolean | null }

/** An application as its applicant and the appraisers see it (never a secret). */
export const toApplicationView = (r: WithClient, today: string) => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  applicant: r.applicant_subject_id,
  organisation: { name: r.org_name, code: r.org_code },
  contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
  service: { name: r.service_name, purpose: r.purpose },
  scopes: r.scopes,
  minLevel: r.min_level,
  securityLevel: r.security_level,
  redirectUris: r.redirect_uris,
  authMethod: r.auth_method,
  profile: r.profile,
  allowDependents: r.allow_dependents,
  agreement:
    r.agreement_number && r.agreement_signed_on
      ? {
          number: r.agreement_number,
          signedOn: r.agreement_signed_on,
          recordedBy: r.agreement_recorded_by_number,
          recordedAt: iso(r.agreement_recorded_at),
        }
      : null,
  submittedOn: r.submitted_on,
  dueOn: r.due_on,
  overdue: isOverdue(r, today),
  decidedBy: r.decided_by_number,
  decidedAt: iso(r.decided_at),
  refusalReason: r.refusal_reason,
  clientId: r.client_id,
  clientStatus: r.client_status ?? null,
  /** The client's own flag, which the management agency may change after approval; null before approval. */
  clientAllowDependents: r.client_allow_dependents ?? null,
  credentialsCollected: r.credentials_collected_at !== null,
  withdrawnAt: iso(r.withdrawn_at),
  createdAt: iso(r.created_at),
})
export type ApplicationView = ReturnType<typeof toApplicationView>
