import { sql } from 'kysely'
import type { Db } from '../../database.js'
import { type BiometricsRuntime, templateAad } from './biometrics.runtime.js'

export type Portrait = { type: string; bytes: Buffer }

/**
 * A person's portrait on record, opened: the registry's (the card photo) first, else the newest enrolled
 * face image; null when there is none. The caller records the read in the audit log with its purpose.
 */
export const readPortrait = async (
  db: Db,
  rt: Pick<BiometricsRuntime, 'images'>,
  subjectId: string,
): Promise<Portrait | null> => {
  const row = await db
    .selectFrom('biometrics_template')
    .select(['image_enc', 'image_type', 'model_version'])
    .where('subject_id', '=', subjectId)
    .where('modality', '=', 'face')
    .where('position', '=', 0)
    .where('image_enc', 'is not', null)
    .orderBy(sql`source = 'registry'`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row?.image_enc) return null
  return {
    type: row.image_type ?? 'application/octet-stream',
    bytes: rt.images.open(row.image_enc, templateAad(subjectId, 'face-image', 0, row.model_version)),
  }
}
