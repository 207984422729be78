import { sql } from 'kysely'
import type { Db } from '../../database.js'
import type { Clock } from '../../platform/clock.js'
import type { BiometricActor } from './biometrics.audit.js'
import { insertTemplates } from './biometrics.repository.js'
import { type BiometricsRuntime, templateAad } from './biometrics.runtime.js'
import { enrolFace, enrolFingerprints } from './biometrics.service.js'
import { syntheticFaceEmbedding } from './biometrics.synthetic.js'
import type { NewTemplateRow } from './biometrics.table.js'
import { cropFace, PORTRAIT, SAME_PERSON_PHOTOS } from './face/face.samples.js'
import { templateToBytes } from './face/index.js'
import { encodeFmr, type FingerprintRecord, syntheticFingerprintRecord } from './fingerprint/index.js'

/** The seed of every synthetic person's fingers: a test or a demo makes their recaptures from it. */
export const SYNTHETIC_FINGER_SEED = 'dinhdanh-synthetic'
/** The fingers stored for the synthetic population: both index fingers (a ten-print for the demo people). */
export const SYNTHETIC_FINGER_POSITIONS = [2, 7] as const

const SYSTEM: BiometricActor = { id: 'system:demo-seed', kind: 'system', purpose: 'demo-data' }

/**
 * Demo portraits: real faces from photos shipped in installed packages (@vladmandic/human's screenshots,
 * @vladmandic/face-api's demo photos), so the demo can match a real face. Later captures of the same
 * man are in SAME_PERSON_PHOTOS[0] and [2].
 */
export const demoPortraits = (): Array<{ subjectId: string; who: string; image: () => Promise<Buffer> }> => {
  const man = SAME_PERSON_PHOTOS[1]
  return [
    { subjectId: '079095001234', who: 'Nguyễn Văn An', image: () => cropFace(man.file, man.box, man.margin) },
    {
      subjectId: '001190012345',
      who: 'Trần Thị Bình',
      image: () => cropFace(PORTRAIT.file, PORTRAIT.box, PORTRAIT.margin),
    },
  ]
}

export type SyntheticBiometricsReport = { faces: number; fingers: number }

/**
 * Templates for synthetic people: a random face direction (fills the 1:N gallery, never matches a real
 * face) and both index fingers from the fingerprint generator, sealed like any template.
 */
export const seedSyntheticBiometrics = async (
  db: Db,
  rt: BiometricsRuntime,
  clock: Clock,
  subjectIds: readonly string[],
  modelVersions: { face: string; fingerprint: string; dim: number },
): Promise<SyntheticBiometricsReport> => {
  const now = clock.now()
  const rows: NewTemplateRow[] = []
  for (const id of subjectIds) {
    const face = {
      modelVersion: modelVersions.face,
      embedding: syntheticFaceEmbedding(`face/${id}`, modelVersions.dim),
    }
    rows.push({
      subject_id: id,
      modality: 'face',
      position: 0,
      model_version: modelVersions.face,
      template_enc: rt.templates.seal(templateToBytes(face), templateAad(id, 'face', 0, modelVersions.face)),
      image_enc: null,
      image_type: null,
      quality: null,
      source: 'synthetic',
      created_at: now,
    })
    const record = syntheticFingerprintRecord(id, SYNTHETIC_FINGER_SEED)
    for (const view of record.views) {
      if (!(SYNTHETIC_FINGER_POSITIONS as readonly number[]).includes(view.position)) continue
      const single: FingerprintRecord = { ...record, views: [view] }
      rows.push({
        subject_id: id,
        modality: 'fingerprint',
        position: view.position,
        model_version: modelVersions.fingerprint,
        template_enc: rt.templates.seal(
          encodeFmr(single),
          templateAad(id, 'fingerprint', view.position, modelVersions.fingerprint),
        ),
        image_enc: null,
        image_type: null,
        quality: view.quality,
        source: 'synthetic',
        created_at: now,
      })
    }
  }
  // Multi-row inserts: one round trip for hundreds of templates.
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await insertTemplates(trx, rows.slice(i, i + 500))
  })
  const fingers = rows.filter((r) => r.modality === 'fingerprint').length
  return { faces: subjectIds.length, fingers }
}

export const countTemplates = async (db: Db): Promise<number> =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM biometrics_template`.execute(db)).rows[0]?.n ??
      0,
  )

/**
 * First start: synthetic templates for the registry's people (walked page by page through `nextIds`),
 * then the demo people's real portraits and ten-prints. Does nothing once templates exist.
 */
export const seedDemoBiometrics = async (
  deps: { db: Db; clock: Clock; biometrics: BiometricsRuntime },
  nextIds: (after: string, limit: number) => Promise<string[]>,
  demoSubjects: readonly string[],
): Promise<(SyntheticBiometricsReport & { portraits: number }) | null> => {
  if ((await countTemplates(deps.db)) > 0) return null
  const matcher = deps.biometrics.matcher()
  const versions = {
    face: matcher.face.modelVersion,
    fingerprint: matcher.fingerprint.modelVersion,
    dim: matcher.face.dim,
  }
  const demo = new Set(demoSubjects)
  const report = { faces: 0, fingers: 0, portraits: 0 }
  let after = ''
  for (;;) {
    const ids = await nextIds(after, 2_000)
    if (ids.length === 0) break
    after = ids.at(-1) as string
    const out = await seedSyntheticBiometrics(
      deps.db,
      deps.biometrics,
      deps.clock,
      ids.filter((id) => !demo.has(id)),
      versions,
    )
    report.faces += out.faces
    report.fingers += out.fingers
  }
  for (const id of demoSubjects) {
    await enrolFingerprints(deps, SYSTEM, {
      subjectId: id,
      record: encodeFmr(syntheticFingerprintRecord(id, SYNTHETIC_FINGER_SEED)),
      source: 'registry',
    })
  }
  for (const p of demoPortraits()) {
    await enrolFace(deps, SYSTEM, { subjectId: p.subjectId, image: await p.image(), source: 'registry' })
    report.portraits++
  }
  return report
}

/** A later photo of the demo man (Nguyễn Văn An's portrait is another photo of him): for the tour and tests. */
export const demoLaterCapture = (): Promise<Buffer> => {
  const later = SAME_PERSON_PHOTOS[2]
  return cropFace(later.file, later.box, 0.12)
}
