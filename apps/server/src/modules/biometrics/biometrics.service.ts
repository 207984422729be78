import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.js'
import { AppError, fail } from '../../platform/errors.js'
import { auditBiometric, type BiometricActor } from './biometrics.audit.js'
import { BIOMETRICS } from './biometrics.errors.js'
import type { GalleryHit } from './biometrics.gallery.js'
import type { FaceCaptureKind } from './biometrics.port.js'
import { findTemplates, insertVerification, upsertTemplate } from './biometrics.repository.js'
import { type BiometricsRuntime, templateAad } from './biometrics.runtime.js'
import type { BiometricUse, TemplateSource, VerificationDecision } from './biometrics.table.js'
import { type FaceLiveness, type FaceQuality, templateFromBytes, templateToBytes } from './face/index.js'
import { encodeFmr, type FingerprintRecord, parseFmr } from './fingerprint/index.js'

export type BiometricsDeps = Pick<Deps, 'db' | 'clock' | 'biometrics'>

const SUBJECT = /^(\d{12}|NN\d{10})$/
const checkSubject = (id: string) => (SUBJECT.test(id) ? id : fail(BIOMETRICS.SUBJECT_INVALID))

/** The image's media type from its first bytes (what the engine decodes). */
export const imageType = (b: Uint8Array): string | null =>
  b[0] === 0xff && b[1] === 0xd8
    ? 'image/jpeg'
    : b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47
      ? 'image/png'
      : Buffer.from(b.subarray(8, 12)).toString('latin1') === 'WEBP'
        ? 'image/webp'
        : null

const captureKind = (rt: BiometricsRuntime, use: BiometricUse): FaceCaptureKind =>
  rt.policy[use].requireLiveness ? 'unattended' : 'attended'

export type FaceEnrolment = {
  subjectId: string
  modelVersion: string
  quality: FaceQuality
  /** Other people whose enrolled face is this face (a possible second identity), best first. */
  duplicates: GalleryHit[]
}

/**
 * Enrols a person's face (a registry portrait, a counter capture or an app selfie): quality checks,
 * then a 1:N search for the same face under another number, then the sealed template and portrait.
 */
export const enrolFace = async (
  deps: BiometricsDeps,
  actor: BiometricActor,
  input: { subjectId: string; image: Uint8Array; source: TemplateSource; kind?: FaceCaptureKind },
): Promise<FaceEnrolment> => {
  const subjectId = checkSubject(input.subjectId)
  const rt = deps.biometrics
  const matcher = rt.matcher()
  const { template, quality } = await matcher.extractFace(input.image, input.kind ?? 'reference')
  const gallery = await rt.gallery(deps.db)
  const hits = await gallery.search(template.embedding, rt.policy.duplicateFace, 10)
  const duplicates = hits.filter((h) => h.subjectId !== subjectId)
  const modelVersion = matcher.face.modelVersion
  await deps.db.transaction().execute(async (trx) => {
    await upsertTemplate(trx, {
      subject_id: subjectId,
      modality: 'face',
      position: 0,
      model_version: modelVersion,
      template_enc: rt.templates.seal(
        templateToBytes(template),
        templateAad(subjectId, 'face', 0, modelVersion),
      ),
      image_enc: rt.images.seal(input.image, templateAad(subjectId, 'face-image', 0, modelVersion)),
      image_type: imageType(input.image),
      quality: Math.round(Math.min(100, quality.detectionScore * 100)),
      source: input.source,
      created_at: deps.clock.now(),
    })
    await auditBiometric(trx, deps.clock, actor, 'face.enrolled', subjectId, {
      source: input.source,
      modelVersion,
      duplicates: duplicates.length,
    })
  })
  gallery.put(subjectId, template.embedding)
  return { subjectId, modelVersion, quality, duplicates }
}

/** Enrols the fingers of an ISO/IEC 19794-2 record, one sealed single-finger record per position. */
export const enrolFingerprints = async (
  deps: BiometricsDeps,
  actor: BiometricActor,
  input: { subjectId: string; record: Uint8Array; source: TemplateSource },
): Promise<{ subjectId: string; modelVersion: string; positions: number[] }> => {
  const subjectId = checkSubject(input.subjectId)
  const rt = deps.biometrics
  const matcher = rt.matcher()
  // Parsing through the port refuses a malformed record, or a finger with too few minutiae, before any write.
  const captures = matcher.readFingerprints(input.record)
  const record = parseFmr(input.record)
  const modelVersion = matcher.fingerprint.modelVersion
  const positions = [...new Set(captures.map((c) => c.position))].filter((p) => p > 0)
  await deps.db.transaction().execute(async (trx) => {
    for (const position of positions) {
      const single: FingerprintRecord = {
        ...record,
        views: record.views.filter((v) => v.position === position).slice(0, 1),
      }
      await upsertTemplate(trx, {
        subject_id: subjectId,
        modality: 'fingerprint',
        position,
        model_version: modelVersion,
        template_enc: rt.templates.seal(
          encodeFmr(single),
          templateAad(subjectId, 'fingerprint', position, modelVersion),
        ),
        image_enc: null,
        image_type: null,
        quality: single.views[0]?.quality ?? null,
        source: input.source,
        created_at: deps.clock.now(),
      })
    }
    await auditBiometric(trx, deps.clock, actor, 'fingerprint.enrolled', subjectId, {
      source: input.source,
      modelVersion,
      positions,
    })
  })
  return { subjectId, modelVersion, positions }
}

export type Verification = {
  verificationId: string
  subjectId: string
  modality: 'face' | 'fingerprint'
  use: BiometricUse
  decision: VerificationDecision
  score: number | null
  threshold: number
  modelVersion: string
  quality?: FaceQuality
  liveness?: FaceLiveness
  fingers?: Array<{ position: number; score: number }>
}

type Outcome = {
  decision: VerificationDecision
  score: number | null
  reasonCode: string | null
}

const recordVerification = (
  deps: BiometricsDeps,
  actor: BiometricActor,
  v: Omit<Verification, 'verificationId' | 'decision' | 'score'> & Outcome & { probe: Uint8Array | null },
): Promise<string> =>
  deps.db.transaction().execute(async (trx) => {
    const id = randomUUID()
    const rt = deps.biometrics
    await insertVerification(trx, {
      id,
      subject_id: v.subjectId,
      modality: v.modality,
      use: v.use,
      model_version: v.modelVersion,
      score: v.score,
      threshold: v.threshold,
      decision: v.decision,
      reason_code: v.reasonCode,
      probe_enc: v.probe && rt.images.seal(v.probe, `verification/${id}`),
      probe_type: v.probe && (v.modality === 'face' ? imageType(v.probe) : 'application/iso19794-2'),
      actor: actor.id,
      purpose: actor.purpose,
      created_at: deps.clock.now(),
    })
    await auditBiometric(trx, deps.clock, actor, `${v.modality}.verified`, v.subjectId, {
      verificationId: id,
      use: v.use,
      decision: v.decision,
      ...(v.reasonCode ? { reason: v.reasonCode } : {}),
    })
    return id
  })

/**
 * 1:1 face check of a capture against the person's enrolled face, by the use's policy. A capture that
 * fails the quality or liveness checks is recorded too (spoof attempts must be visible) and then refused
 * with its code; the verification id rides in the error's details.
 */
export const verifyFace = async (
  deps: BiometricsDeps,
  actor: BiometricActor,
  input: { subjectId: string; image: Uint8Array; use: BiometricUse },
): Promise<Verification> => {
  const subjectId = checkSubject(input.subjectId)
  const rt = deps.biometrics
  const matcher = rt.matcher()
  const modelVersion = matcher.face.modelVersion
  const [enrolled] = await findTemplates(deps.db, subjectId, 'face', modelVersion)
  if (!enrolled) return fail(BIOMETRICS.NO_REFERENCE)
  const reference = templateFromBytes(
    rt.templates.open(enrolled.template_enc, templateAad(subjectId, 'face', 0, modelVersion)),
  )
  const threshold = rt.policy[input.use].face
  const base = {
    subjectId,
    modality: 'face' as const,
    use: input.use,
    threshold,
    modelVersion,
    probe: input.image,
  }
  let extraction: Awaited<ReturnType<typeof matcher.extractFace>>
  try {
    extraction = await matcher.extractFace(input.image, captureKind(rt, input.use))
  } catch (e) {
    if (!(e instanceof AppError) || !e.code.startsWith('biometrics.FACE_')) throw e
    const decision = e.code === 'biometrics.FACE_SPOOF_SUSPECTED' ? 'spoof_suspected' : 'quality_rejected'
    const id = await recordVerification(deps, actor, { ...base, decision, score: null, reasonCode: e.code })
    throw new AppError(e.code, e.status, e.message, { ...e.details, verificationId: id })
  }
  const score = matcher.compareFaces(extraction.template, reference)
  const decision = score >= threshold ? 'match' : 'no_match'
  const verificationId = await recordVerification(deps, actor, { ...base, decision, score, reasonCode: null })
  return {
    verificationId,
    subjectId,
    modality: 'face',
    use: input.use,
    decision,
    score,
    threshold,
    modelVersion,
    quality: extraction.quality,
    liveness: extraction.liveness,
  }
}

/**
 * 1:1 fingerprint check: each captured finger against the same enrolled finger; a match needs as many
 * matching fingers as the use's policy asks (two at the counter).
 */
export const verifyFingerprints = async (
  deps: BiometricsDeps,
  actor: BiometricActor,
  input: { subjectId: string; record: Uint8Array; use: BiometricUse },
): Promise<Verification> => {
  const subjectId = checkSubject(input.subjectId)
  const rt = deps.biometrics
  const matcher = rt.matcher()
  const captures = matcher.readFingerprints(input.record)
  const modelVersion = matcher.fingerprint.modelVersion
  const enrolled = await findTemplates(deps.db, subjectId, 'fingerprint', modelVersion)
  if (enrolled.length === 0) return fail(BIOMETRICS.NO_REFERENCE)
  const byPosition = new Map(enrolled.map((row) => [row.position, row]))
  const fingers: Array<{ position: number; score: number }> = []
  for (const c of captures) {
    const row = byPosition.get(c.position)
    if (!row) continue
    const opened = rt.templates.open(
      row.template_enc,
      templateAad(subjectId, 'fingerprint', row.position, modelVersion),
    )
    const [reference] = matcher.readFingerprints(opened)
    if (reference)
      fingers.push({ position: c.position, score: matcher.compareFingers(c.template, reference.template) })
  }
  if (fingers.length === 0) return fail(BIOMETRICS.FINGER_NOT_ENROLLED)
  const policy = rt.policy[input.use]
  const required = Math.min(policy.fingersRequired, fingers.length)
  // The score is that of the weakest finger among the best `required` ones.
  const ranked = fingers.map((f) => f.score).sort((a, b) => b - a)
  const score = ranked[required - 1] ?? 0
  const enough = fingers.length >= policy.fingersRequired
  const decision = enough && score >= policy.fingerprint ? 'match' : 'no_match'
  const verificationId = await recordVerification(deps, actor, {
    subjectId,
    modality: 'fingerprint',
    use: input.use,
    threshold: policy.fingerprint,
    modelVersion,
    probe: input.record,
    decision,
    score,
    reasonCode: enough ? null : 'biometrics.TOO_FEW_FINGERS',
  })
  return {
    verificationId,
    subjectId,
    modality: 'fingerprint',
    use: input.use,
    decision,
    score,
    threshold: policy.fingerprint,
    modelVersion,
    fingers,
  }
}

/** 1:N: people whose enrolled face is the face in this image (an officer's duplicate check), audited. */
export const searchFaces = async (
  deps: BiometricsDeps,
  actor: BiometricActor,
  input: { image: Uint8Array; limit?: number },
): Promise<{ modelVersion: string; threshold: number; gallerySize: number; hits: GalleryHit[] }> => {
  const rt = deps.biometrics
  const matcher = rt.matcher()
  const { template } = await matcher.extractFace(input.image, 'attended')
  const gallery = await rt.gallery(deps.db)
  const hits = await gallery.search(template.embedding, rt.policy.duplicateFace, input.limit ?? 10)
  await deps.db
    .transaction()
    .execute((trx) =>
      auditBiometric(trx, deps.clock, actor, 'face.searched', null, { hits: hits.map((h) => h.subjectId) }),
    )
  return {
    modelVersion: matcher.face.modelVersion,
    threshold: rt.policy.duplicateFace,
    gallerySize: gallery.size(),
    hits,
  }
}
