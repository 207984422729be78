import type { Db } from '../../database.js'

/** The holder's issued credentials, newest first (the issuance records: no claim values). */
export const issuedToSubject = (db: Db, subjectId: string, limit: number) =>
  db
    .selectFrom('credentials_issued')
    .select([
      'id',
      'type',
      'format',
      'issued_at',
      'expires_at',
      'revoked_at',
      'revocation_reason',
      'source_ref',
    ])
    .where('subject_id', '=', subjectId)
    .orderBy('issued_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()

// One UPDATE with the owner in its WHERE: a credential of someone else matches nothing, and two
// revocations cannot both succeed.
export const revokeOwned = (db: Db, subjectId: string, id: string, at: Date, reason: string) =>
  db
    .updateTable('credentials_issued')
    .set({ revoked_at: at, revocation_reason: reason })
    .where('id', '=', id)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst()

export const ownedCredential = (db: Db, subjectId: string, id: string) =>
  db
    .selectFrom('credentials_issued')
    .select(['id', 'revoked_at'])
    .where('id', '=', id)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()

/** Every unexpired, unrevoked credential issued from one source (an integrated document). */
export const revokeFromSource = (db: Db, sourceRef: string, at: Date, reason: string) =>
  db
    .updateTable('credentials_issued')
    .set({ revoked_at: at, revocation_reason: reason })
    .where('source_ref', '=', sourceRef)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .returning(['id', 'subject_id', 'type', 'format', 'status_list_id', 'status_index'])
    .execute()
