import type { Db } from '../../database.js'
import type { NewPayloadRow } from './oidc.table.js'

export const upsertPayload = (db: Db, row: NewPayloadRow) =>
  db
    .insertInto('oidc_payload')
    .values(row)
    // consumed_at is left alone: saving a consumed code or token again never makes it usable again.
    .onConflict((oc) =>
      oc.columns(['model', 'id']).doUpdateSet((eb) => ({
        payload: eb.ref('excluded.payload'),
        grant_id: eb.ref('excluded.grant_id'),
        uid: eb.ref('excluded.uid'),
        user_code: eb.ref('excluded.user_code'),
        expires_at: eb.ref('excluded.expires_at'),
      })),
    )
    .execute()

const live = (db: Db, model: string, now: Date) =>
  db
    .selectFrom('oidc_payload')
    .select(['payload', 'consumed_at'])
    .where('model', '=', model)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))

export const findPayload = (db: Db, model: string, id: string, now: Date) =>
  live(db, model, now).where('id', '=', id).executeTakeFirst()

export const findPayloadByUid = (db: Db, model: string, uid: string, now: Date) =>
  live(db, model, now).where('uid', '=', uid).executeTakeFirst()

export const findPayloadByUserCode = (db: Db, model: string, userCode: string, now: Date) =>
  live(db, model, now).where('user_code', '=', userCode).executeTakeFirst()

// One UPDATE picks the winner: two token requests with the same code cannot both consume it.
export const consumePayload = (db: Db, model: string, id: string, now: Date) =>
  db
    .updateTable('oidc_payload')
    .set({ consumed_at: now })
    .where('model', '=', model)
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .returning('id')
    .executeTakeFirst()

export const grantOf = async (db: Db, model: string, id: string) =>
  (
    await db
      .selectFrom('oidc_payload')
      .select('grant_id')
      .where('model', '=', model)
      .where('id', '=', id)
      .executeTakeFirst()
  )?.grant_id ?? null

export const destroyPayload = (db: Db, model: string, id: string) =>
  db.deleteFrom('oidc_payload').where('model', '=', model).where('id', '=', id).execute()

export const revokeModelByGrant = (db: Db, model: string, grantId: string) =>
  db.deleteFrom('oidc_payload').where('model', '=', model).where('grant_id', '=', grantId).execute()

/** Everything issued under a grant, and the grant itself: what a replayed code must not leave behind. */
export const revokeWholeGrant = (db: Db, grantId: string) =>
  db
    .deleteFrom('oidc_payload')
    .where((eb) =>
      eb.or([eb('grant_id', '=', grantId), eb.and([eb('model', '=', 'Grant'), eb('id', '=', grantId)])]),
    )
    .execute()

export const deleteExpiredPayloads = async (db: Db, now: Date) =>
  Number(
    (await db.deleteFrom('oidc_payload').where('expires_at', '<', now).executeTakeFirst()).numDeletedRows,
  )
