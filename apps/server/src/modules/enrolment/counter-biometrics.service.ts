import type { Deps } from '../../deps.js'
import { AppError, fail } from '../../platform/errors.js'
import {
  type BiometricActor,
  enrolFace,
  enrolFingerprints,
  verifyFace,
  verifyFingerprints,
} from '../biometrics/index.js'
import { loadCounterDossier } from './counter-dossier.load.js'
import { moveCounterDossier, touchCounterDossier } from './counter-dossier.repository.js'
import type { Ctx } from './counter-open.service.js'
import { auditOfficerAction, PURPOSE } from './enrolment.audit.js'
import { ENROLMENT } from './enrolment.errors.js'
import type { CounterDossierRow } from './enrolment.table.js'

export type CaptureDeps = Pick<Deps, 'db' | 'clock' | 'biometrics'>
export type Capture = { portrait: Uint8Array; fingerprints: Uint8Array }

const isNoReference = (e: unknown) => e instanceof AppError && e.code === 'biometrics.NO_REFERENCE'

/**
 * A foreigner with no biometrics in the Immigration DB has them taken here (D69 Art 11, 13(3)(c)); a
 * citizen's are on record from the card, so a missing reference stops the step.
 */
const enrolFirstBiometrics = async (
  deps: CaptureDeps,
  actor: BiometricActor,
  d: CounterDossierRow,
  c: Capture,
) => {
  if (d.kind !== 'FOREIGNER_L2_COUNTER') return fail(ENROLMENT.NO_BIOMETRIC_REFERENCE)
  await enrolFace(deps, actor, {
    subjectId: d.subject_id,
    image: c.portrait,
    source: 'counter',
    kind: 'attended',
  })
  await enrolFingerprints(deps, actor, { subjectId: d.subject_id, record: c.fingerprints, source: 'counter' })
}

const verifyBoth = async (deps: CaptureDeps, actor: BiometricActor, d: CounterDossierRow, c: Capture) => {
  const face = await verifyFace(deps, actor, {
    subjectId: d.subject_id,
    image: c.portrait,
    use: 'counter_capture',
  })
  const fingers = await verifyFingerprints(deps, actor, {
    subjectId: d.subject_id,
    record: c.fingerprints,
    use: 'counter_capture',
  })
  return { face, fingers }
}

/**
 * The officer's capture of the face and at least two fingers, checked 1:1 against the registry's
 * (D69 Art 10(2)): both match → awaiting the citizen's confirmation; otherwise the dossier stays in
 * draft with the verification ids, and the officer captures again.
 */
export const captureBiometrics = async (deps: CaptureDeps, id: string, c: Capture, ctx: Ctx) => {
  const d = await loadCounterDossier(deps, id, ctx.officer)
  if (d.state !== 'draft') fail(ENROLMENT.WRONG_STATE)
  const captures = deps.biometrics.matcher().readFingerprints(c.fingerprints)
  if (new Set(captures.map((f) => f.position)).size < 2) fail(ENROLMENT.TOO_FEW_FINGERS)
  const actor: BiometricActor = {
    id: ctx.officer.officerNumber,
    kind: 'officer',
    unit: ctx.officer.unit.code,
    purpose: PURPOSE,
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
  }
  let enrolled = false
  let result: Awaited<ReturnType<typeof verifyBoth>>
  try {
    result = await verifyBoth(deps, actor, d, c)
  } catch (e) {
    if (!isNoReference(e)) throw e
    await enrolFirstBiometrics(deps, actor, d, c)
    enrolled = true
    result = await verifyBoth(deps, actor, d, c)
  }
  const { face, fingers } = result
  const now = deps.clock.now()
  const ids = {
    face_verification_id: face.verificationId,
    fingerprint_verification_id: fingers.verificationId,
  }
  const matched = face.decision === 'match' && fingers.decision === 'match'
  const details = {
    faceVerificationId: face.verificationId,
    fingerprintVerificationId: fingers.verificationId,
  }
  // A non-match is recorded (and committed) before the officer is told to capture again.
  const out = await deps.db.transaction().execute(async (trx) => {
    if (!matched) {
      await touchCounterDossier(trx, id, { ...ids, updated_at: now })
      await auditOfficerAction(trx, deps.clock, ctx.officer, 'counter.biometrics_failed', d.subject_id, {
        dossierId: id,
        face: face.decision,
        fingerprints: fingers.decision,
      })
      const failed = face.decision !== 'match' ? ENROLMENT.FACE_MISMATCH : ENROLMENT.FINGERPRINT_MISMATCH
      return { failed, details, dossier: null }
    }
    const moved = await moveCounterDossier(trx, id, 'verify_biometrics', 'awaiting_confirmation', {
      ...ids,
      biometrics_enrolled: enrolled || d.biometrics_enrolled,
      biometrics_verified_at: now,
      updated_at: now,
    })
    if (!moved) return fail(ENROLMENT.WRONG_STATE)
    await auditOfficerAction(
      trx,
      deps.clock,
      ctx.officer,
      'counter.biometrics_verified',
      d.subject_id,
      { dossierId: id, ...details, enrolled },
      ctx.requestId,
    )
    return { failed: null, details, dossier: moved }
  })
  if (out.failed) return fail(out.failed, undefined, out.details)
  return out.dossier
}
