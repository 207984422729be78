import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import { fail } from '../../platform/errors.js'
import type { BiometricActor } from './biometrics.audit.js'
import { auditBiometric } from './biometrics.audit.js'
import { BIOMETRICS } from './biometrics.errors.js'
import { findTemplates, findVerification, recordReview } from './biometrics.repository.js'
import { templateAad } from './biometrics.runtime.js'
import type { BiometricsDeps } from './biometrics.service.js'
import type { VerificationRow } from './biometrics.table.js'

export type VerificationReview = {
  verificationId: string
  subjectId: string
  modality: 'face' | 'fingerprint'
  use: string
  decision: string
  reasonCode: string | null
  score: number | null
  threshold: number
  modelVersion: string
  at: string
  actor: string
  purpose: string
  /** The captured image (faces), as a data URL. */
  probeImage: string | null
  /** The enrolled portrait it was compared with, as a data URL. */
  referenceImage: string | null
  review: { by: string; at: string; outcome: string; note: string | null } | null
}

const dataUrl = (type: string | null, bytes: Buffer) =>
  `data:${type ?? 'application/octet-stream'};base64,${bytes.toString('base64')}`

const view = (
  row: VerificationRow,
  probeImage: string | null,
  referenceImage: string | null,
): VerificationReview => ({
  verificationId: row.id,
  subjectId: row.subject_id,
  modality: row.modality,
  use: row.use,
  decision: row.decision,
  reasonCode: row.reason_code,
  score: row.score,
  threshold: row.threshold,
  modelVersion: row.model_version,
  at: new Date(row.created_at).toISOString(),
  actor: row.actor,
  purpose: row.purpose,
  probeImage,
  referenceImage,
  review:
    row.reviewed_by && row.reviewed_at && row.review_outcome
      ? {
          by: row.reviewed_by,
          at: new Date(row.reviewed_at).toISOString(),
          outcome: row.review_outcome,
          note: row.review_note,
        }
      : null,
})

const images = async (deps: BiometricsDeps, trx: Transaction<Database>, row: VerificationRow) => {
  const rt = deps.biometrics
  const probe =
    row.probe_enc && row.modality === 'face'
      ? dataUrl(row.probe_type, rt.images.open(row.probe_enc, `verification/${row.id}`))
      : null
  const [reference] =
    row.modality === 'face' ? await findTemplates(trx, row.subject_id, 'face', row.model_version) : []
  const portrait =
    reference?.image_enc &&
    dataUrl(
      reference.image_type,
      rt.images.open(reference.image_enc, templateAad(row.subject_id, 'face-image', 0, row.model_version)),
    )
  return [probe, portrait ?? null] as const
}

/** A verification as an officer reviews it: both images, the score, the decision, the model; the read is audited. */
export const readVerification = (deps: BiometricsDeps, officer: BiometricActor, id: string) =>
  deps.db.transaction().execute(async (trx) => {
    const row = (await findVerification(trx, id)) ?? fail(BIOMETRICS.VERIFICATION_NOT_FOUND)
    const [probe, reference] = await images(deps, trx, row)
    await auditBiometric(trx, deps.clock, officer, 'verification.read', row.subject_id, {
      verificationId: id,
    })
    return view(row, probe, reference)
  })

/** An officer confirms or overturns an automatic decision, once; audited. */
export const reviewVerification = (
  deps: BiometricsDeps,
  officer: BiometricActor,
  id: string,
  input: { outcome: 'confirmed' | 'overturned'; note?: string },
) =>
  deps.db.transaction().execute(async (trx) => {
    const existing = (await findVerification(trx, id)) ?? fail(BIOMETRICS.VERIFICATION_NOT_FOUND)
    if (existing.actor === officer.id && officer.kind === 'officer') fail(BIOMETRICS.OWN_VERIFICATION)
    const row =
      (await recordReview(trx, id, {
        by: officer.id,
        at: deps.clock.now(),
        outcome: input.outcome,
        note: input.note ?? null,
      })) ?? fail(BIOMETRICS.ALREADY_REVIEWED)
    await auditBiometric(trx, deps.clock, officer, 'verification.reviewed', row.subject_id, {
      verificationId: id,
      outcome: input.outcome,
      decision: row.decision,
    })
    return view(row, null, null)
  })
