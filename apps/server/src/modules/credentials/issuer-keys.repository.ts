import { sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.js'
import type { IssuerKeyPurpose, NewIssuerKeyRow } from './credentials.table.js'

// The advisory-lock key for issuer key creation and rotation (the platform keys and audit chain use others).
const ISSUER_KEY_LOCK = 0x76636b79

export const lockIssuerKeys = async (trx: Transaction<Database>) => {
  await sql`select pg_advisory_xact_lock(${sql.lit(ISSUER_KEY_LOCK)})`.execute(trx)
}

export const findActiveIssuerKey = (db: Db, purpose: IssuerKeyPurpose) =>
  db
    .selectFrom('credentials_issuer_key')
    .selectAll()
    .where('purpose', '=', purpose)
    .where('status', '=', 'active')
    .executeTakeFirst()

export const insertIssuerKey = (db: Db, row: NewIssuerKeyRow) =>
  db.insertInto('credentials_issuer_key').values(row).execute()

export const retireIssuerKey = (db: Db, kid: string, at: Date) =>
  db
    .updateTable('credentials_issuer_key')
    .set({ status: 'retired', retired_at: at })
    .where('kid', '=', kid)
    .where('status', '=', 'active')
    .execute()

/**
 * Keys a verifier may still meet: the active one, and every retired one that signed a credential not yet
 * expired (revoked ones included: a verifier must still be able to check them and see the revocation), and
 * those retired after `retiredSince`.
 */
export const publishedIssuerKeys = (db: Db, purpose: IssuerKeyPurpose, now: Date, retiredSince: Date) =>
  db
    .selectFrom('credentials_issuer_key as k')
    .select(['k.kid', 'k.public_jwk', 'k.certificate'])
    .where('k.purpose', '=', purpose)
    .where((eb) =>
      eb.or([
        eb('k.status', '=', 'active'),
        // A status list it signed may still be cached by verifiers.
        eb('k.retired_at', '>', retiredSince),
        eb.exists(
          eb
            .selectFrom('credentials_issued as c')
            .select(sql.lit(1).as('one'))
            .whereRef('c.kid', '=', 'k.kid')
            .where('c.expires_at', '>', now),
        ),
      ]),
    )
    // The active key first, then the most recently retired.
    .orderBy('k.status')
    .orderBy('k.retired_at', 'desc')
    .execute()
