import type { Db } from '../../database.js'
import type { Modality, NewTemplateRow, VerificationRow } from './biometrics.table.js'

type NewVerification = Omit<
  VerificationRow,
  'reviewed_by' | 'reviewed_at' | 'review_outcome' | 'review_note' | 'score'
> & { score: number | null }

/** Adds or replaces a subject's template for one modality, position and model. */
export const upsertTemplate = (db: Db, row: NewTemplateRow) =>
  db
    .insertInto('biometrics_template')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['subject_id', 'modality', 'position', 'model_version']).doUpdateSet((eb) => ({
        template_enc: eb.ref('excluded.template_enc'),
        image_enc: eb.ref('excluded.image_enc'),
        image_type: eb.ref('excluded.image_type'),
        quality: eb.ref('excluded.quality'),
        source: eb.ref('excluded.source'),
        created_at: eb.ref('excluded.created_at'),
      })),
    )
    .execute()

/** Many new templates at once (synthetic population); an existing one is left as it is. */
export const insertTemplates = (db: Db, rows: NewTemplateRow[]) =>
  rows.length === 0
    ? Promise.resolve()
    : db
        .insertInto('biometrics_template')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute()
        .then(() => undefined)

export const findTemplates = (db: Db, subjectId: string, modality: Modality, modelVersion: string) =>
  db
    .selectFrom('biometrics_template')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('modality', '=', modality)
    .where('model_version', '=', modelVersion)
    .orderBy('position')
    .execute()

/** One page of a model's faces in enrolment order, after (at, id): the 1:N gallery loads with it. */
export const faceTemplatesAfter = (
  db: Db,
  modelVersion: string,
  after: { at: Date; subjectId: string } | null,
  limit: number,
) => {
  let q = db
    .selectFrom('biometrics_template')
    .select(['subject_id', 'template_enc', 'created_at'])
    .where('modality', '=', 'face')
    .where('model_version', '=', modelVersion)
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '>', after.at),
        eb.and([eb('created_at', '=', after.at), eb('subject_id', '>', after.subjectId)]),
      ]),
    )
  return q.orderBy('created_at').orderBy('subject_id').limit(limit).execute()
}

export const insertVerification = (db: Db, row: NewVerification) =>
  db.insertInto('biometrics_verification').values(row).execute()

export const findVerification = (db: Db, id: string) =>
  db.selectFrom('biometrics_verification').selectAll().where('id', '=', id).executeTakeFirst()

// One UPDATE decides: two officers reviewing the same check cannot both record an outcome.
export const recordReview = (
  db: Db,
  id: string,
  review: { by: string; at: Date; outcome: 'confirmed' | 'overturned'; note: string | null },
) =>
  db
    .updateTable('biometrics_verification')
    .set({
      reviewed_by: review.by,
      reviewed_at: review.at,
      review_outcome: review.outcome,
      review_note: review.note,
    })
    .where('id', '=', id)
    .where('reviewed_by', 'is', null)
    .returningAll()
    .executeTakeFirst()
