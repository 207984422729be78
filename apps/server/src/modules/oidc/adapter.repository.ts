import { CompiledQuery } from 'kysely'
import type { Db } from '../../database.js'
import { compiledOnce } from './adapter.statements.js'
import type { NewPayloadRow, StoredPayload } from './oidc.table.js'

type LiveRow = { model: string; payload: StoredPayload; consumed_at: Date | null }

const upsert = compiledOnce(
  ['model', 'id', 'payload', 'grant_id', 'uid', 'user_code', 'expires_at'] as const,
  (db, p) =>
    db
      .insertInto('oidc_payload')
      .values(p)
      // consumed_at is left alone: saving a consumed code or token again never makes it usable again.
      .onConflict((oc) =>
        oc.columns(['model', 'id']).doUpdateSet((eb) => ({
          payload: eb.ref('excluded.payload'),
          grant_id: eb.ref('excluded.grant_id'),
          uid: eb.ref('excluded.uid'),
          user_code: eb.ref('excluded.user_code'),
          expires_at: eb.ref('excluded.expires_at'),
        })),
      ),
)

/** Saves a model instance; a new row is never consumed (consumed_at is set by consumePayload only). */
export const upsertPayload = async (db: Db, row: NewPayloadRow & { consumed_at?: null }) => {
  await upsert(db, {
    model: row.model,
    id: row.id,
    payload: row.payload,
    grant_id: row.grant_id ?? null,
    uid: row.uid ?? null,
    user_code: row.user_code ?? null,
    expires_at: row.expires_at ?? null,
  })
}

const live = (db: Db, now: Date) =>
  db
    .selectFrom('oidc_payload')
    .select(['model', 'payload', 'consumed_at'])
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))

const findBy = (column: 'id' | 'uid' | 'user_code') => {
  const find = compiledOnce(['model', 'now', 'key'] as const, (db, p) =>
    live(db, p.now).where('model', '=', p.model).where(column, '=', p.key),
  )
  return async (db: Db, model: string, key: string, now: Date): Promise<LiveRow | undefined> =>
    (await find(db, { model, now, key })).rows[0] as LiveRow | undefined
}

export const findPayload = findBy('id')
export const findPayloadByUid = findBy('uid')
export const findPayloadByUserCode = findBy('user_code')

/** The live rows of several models with one id (an access token looked up as either kind), in one statement. */
export const findPayloadsById = (db: Db, models: readonly string[], id: string, now: Date) =>
  live(db, now).where('model', 'in', models).where('id', '=', id).execute()

/** Models whose instances name a grant (`grantId`) and a session (`sessionUid`) that the provider reads next. */
export const GRANT_BOUND = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
])

export type RelatedRow = LiveRow & { rel: 'own' | 'grant' | 'session'; key: string | null }

// Written by hand, sent as it is: Kysely would build and compile it again on every token lookup.
const withRelated = `WITH own AS (
  SELECT model, payload, consumed_at FROM oidc_payload
  WHERE model = ANY (string_to_array($1, ',')) AND id = $2 AND (expires_at IS NULL OR expires_at > $3)
)
SELECT 'own' AS rel, NULL AS key, model, payload, consumed_at FROM own
UNION ALL
SELECT 'grant', g.id, g.model, g.payload, g.consumed_at FROM own
  JOIN oidc_payload g ON g.model = 'Grant' AND g.id = own.payload->>'grantId'
  WHERE g.expires_at IS NULL OR g.expires_at > $3
UNION ALL
SELECT 'session', s.uid, s.model, s.payload, s.consumed_at FROM own
  JOIN oidc_payload s ON s.model = 'Session' AND s.uid = own.payload->>'sessionUid'
  WHERE s.expires_at IS NULL OR s.expires_at > $3`

/**
 * The live rows of `models` with this id, and in the same statement the live grant and session each of
 * them names: what oidc-provider reads right after finding a token (introspection, userinfo, token
 * exchange, refresh), one round trip instead of three.
 */
export const findWithRelated = async (db: Db, models: readonly string[], id: string, now: Date) =>
  (await db.executeQuery<RelatedRow>(CompiledQuery.raw(withRelated, [models.join(','), id, now]))).rows

// One UPDATE picks the winner: two token requests with the same code cannot both consume it.
const consume = compiledOnce(['model', 'id', 'now'] as const, (db, p) =>
  db
    .updateTable('oidc_payload')
    .set({ consumed_at: p.now })
    .where('model', '=', p.model)
    .where('id', '=', p.id)
    .where('consumed_at', 'is', null)
    .returning('id'),
)

export const consumePayload = async (db: Db, model: string, id: string, now: Date) =>
  (await consume(db, { model, id, now })).rows[0]

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
