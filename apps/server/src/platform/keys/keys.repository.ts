import { sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.js'
import type { NewSigningKeyRow } from './keys.table.js'

// The advisory-lock key for key creation and rotation (the audit chain uses another).
export const SIGNING_KEY_LOCK = 0x6b657973

export const lockSigningKeys = async (trx: Transaction<Database>) => {
  await sql`select pg_advisory_xact_lock(${sql.lit(SIGNING_KEY_LOCK)})`.execute(trx)
}

export const findActiveKey = (db: Db) =>
  db.selectFrom('platform_signing_key').selectAll().where('status', '=', 'active').executeTakeFirst()

export const insertSigningKey = (db: Db, row: NewSigningKeyRow) =>
  db.insertInto('platform_signing_key').values(row).execute()

export const retireKey = (db: Db, kid: string, at: Date) =>
  db
    .updateTable('platform_signing_key')
    .set({ status: 'retired', retired_at: at })
    .where('kid', '=', kid)
    .execute()

/** Keys a verifier may still meet: the active one and those retired after `since`. */
export const publishedKeys = (db: Db, since: Date) =>
  db
    .selectFrom('platform_signing_key')
    .select(['kid', 'public_jwk'])
    .where((eb) =>
      eb.or([
        eb('status', '=', 'active'),
        eb.and([eb('status', '=', 'retired'), eb('retired_at', '>', since)]),
      ]),
    )
    // The active key first, then the most recently retired.
    .orderBy('status')
    .orderBy('retired_at', 'desc')
    .execute()

/** The same keys with their sealed private halves, for an in-process signer that needs them in JWK form. */
export const publishedKeyRows = (db: Db, since: Date) =>
  db
    .selectFrom('platform_signing_key')
    .select(['kid', 'status', 'private_jwk_enc'])
    .where((eb) =>
      eb.or([
        eb('status', '=', 'active'),
        eb.and([eb('status', '=', 'retired'), eb('retired_at', '>', since)]),
      ]),
    )
    .orderBy('status')
    .orderBy('retired_at', 'desc')
    .execute()
