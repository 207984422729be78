import type { Deps } from '../../deps.js'
import { type ActorKind, recordAudit } from '../../platform/audit/index.js'
import type { OwnershipResult, SubscriberDocument } from '../telecom/index.js'
import type { SubjectKind } from './accounts.table.js'
import { phoneHint } from './session.tokens.js'

export type OwnPhoneDeps = Pick<Deps, 'db' | 'clock' | 'phoneOwnership'>

export type OwnPhoneCheck = {
  /** E.164. */
  phone: string
  subject: { id: string; kind: SubjectKind }
  document: SubscriberDocument
  who: { actor: string; actorKind: ActorKind; purpose: string; requestId?: string | undefined }
  /** Joined to the audit event (a dossier id); never the phone number. */
  context?: Record<string, string>
}

/**
 * Asks the carrier whether the phone is in the subject's own name ("chính chủ", D69 Art 10) and records
 * the question and the answer in the audit log under the subject, with the number masked.
 */
export const checkOwnPhone = async (deps: OwnPhoneDeps, c: OwnPhoneCheck): Promise<OwnershipResult> => {
  const { result } = await deps.phoneOwnership.check({ phone: c.phone, ...c.document })
  // Nothing to record when nobody was asked ('off') or nobody answered (the check is retried, maybe often).
  if (deps.phoneOwnership.source === 'off' || result === 'unavailable') return result
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, deps.clock, {
      actor: c.who.actor,
      actorKind: c.who.actorKind,
      action: 'accounts.phone.ownership_checked',
      subject: c.subject.id,
      subjectKind: c.subject.kind,
      purpose: c.who.purpose,
      data: { ...c.context, phone: phoneHint(c.phone), result, source: deps.phoneOwnership.source },
      requestId: c.who.requestId ?? null,
    }),
  )
  return result
}
