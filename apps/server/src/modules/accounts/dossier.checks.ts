import type { Deps } from '../../deps.js'
import { AppError, fail } from '../../platform/errors.js'
import { verifyFace } from '../biometrics/index.js'
import type { SubscriberDocument } from '../telecom/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { DossierRow, SubjectKind } from './accounts.table.js'
import type { RejectionReason } from './dossier.flow.js'
import { checkOwnPhone } from './own-phone.js'
import { selfieAad } from './registration.service.js'

export type CheckDeps = Pick<Deps, 'db' | 'clock' | 'biometrics' | 'policy' | 'phoneOwnership'>

export type Subject = { id: string; kind: SubjectKind }

/** What the check of a dossier found; `subject` is who the dossier is about (the account's, on approval). */
export type CheckOutcome = { reason: RejectionReason | null; verificationId: string | null; subject: Subject }

export const SYSTEM = { id: 'system:dossier-processor', kind: 'system' as const, purpose: 'eid-registration' }

export const rejected = (subject: Subject, reason: RejectionReason): CheckOutcome => ({
  reason,
  verificationId: null,
  subject,
})

/**
 * The phone must be in the applicant's own name (D69 Art 10); a carrier that does not answer stops the
 * check with CARRIER_UNAVAILABLE, so the dossier goes back to the queue (like a busy face engine).
 */
export const ownPhoneStep = async (
  deps: CheckDeps,
  d: DossierRow,
  subject: Subject,
  document: SubscriberDocument,
): Promise<RejectionReason | null> => {
  const result = await checkOwnPhone(deps, {
    phone: d.phone,
    subject,
    document,
    who: { actor: SYSTEM.id, actorKind: SYSTEM.kind, purpose: SYSTEM.purpose },
    context: { dossierId: d.id },
  })
  if (result === 'unavailable') fail(ACCOUNTS.CARRIER_UNAVAILABLE)
  return result === 'own_name' ? null : 'PHONE_NOT_OWN_NAME'
}

/** The selfie against the subject's portrait on record, with the app_selfie policy (liveness required). */
export const selfieStep = async (
  deps: CheckDeps,
  d: DossierRow,
  subjectId: string,
): Promise<{ reason: RejectionReason | null; verificationId: string | null }> => {
  if (!d.selfie_enc) return { reason: 'SELFIE_UNUSABLE', verificationId: null }
  const selfie = deps.biometrics.images.open(d.selfie_enc, selfieAad(d.id))
  try {
    const v = await verifyFace(deps, SYSTEM, { subjectId, image: selfie, use: 'app_selfie' })
    return { reason: v.decision === 'match' ? null : 'FACE_MISMATCH', verificationId: v.verificationId }
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    if (e.code === 'biometrics.NO_REFERENCE') return { reason: 'NO_PORTRAIT_ON_RECORD', verificationId: null }
    const verificationId = typeof e.details?.verificationId === 'string' ? e.details.verificationId : null
    if (/^biometrics\.(FACE_(?!ENGINE)|IMAGE_)/.test(e.code))
      return { reason: 'SELFIE_UNUSABLE', verificationId }
    throw e
  }
}
