import type { Db } from '../../database.js'
import type { DossierRow, NewDossierRow } from './accounts.table.js'

export const insertDossier = (db: Db, row: NewDossierRow) =>
  db.insertInto('accounts_dossier').values(row).execute()

export const findDossier = (db: Db, id: string) =>
  db.selectFrom('accounts_dossier').selectAll().where('id', '=', id).executeTakeFirst()

// One UPDATE picks the processor: two instances polling at once cannot both check the same dossier.
export const claimDossier = (db: Db, id: string, now: Date): Promise<DossierRow | undefined> =>
  db
    .updateTable('accounts_dossier')
    .set({ state: 'pending_verification', claimed_at: now })
    .where('id', '=', id)
    .where('state', '=', 'submitted')
    .returningAll()
    .executeTakeFirst()

/** Dossiers waiting for the automatic check, oldest first. */
export const waitingDossierIds = async (db: Db, limit: number) =>
  (
    await db
      .selectFrom('accounts_dossier')
      .select('id')
      .where('state', '=', 'submitted')
      .orderBy('created_at')
      .limit(limit)
      .execute()
  ).map((r) => r.id)

export const decideDossier = (
  db: Db,
  id: string,
  decision: {
    state: 'approved' | 'rejected'
    reason: string | null
    at: Date
    accountId: string | null
    verificationId: string | null
  },
) =>
  db
    .updateTable('accounts_dossier')
    .set({
      state: decision.state,
      reason: decision.reason,
      decided_at: decision.at,
      account_id: decision.accountId,
      verification_id: decision.verificationId,
      // The selfie is kept only as long as the check needs it; the verification keeps its own sealed copy.
      selfie_enc: null,
    })
    .where('id', '=', id)
    .where('state', '=', 'pending_verification')
    .returningAll()
    .executeTakeFirst()

/** Back to the queue: the check could not run (the face engine was unavailable). */
export const releaseDossier = (db: Db, id: string) =>
  db
    .updateTable('accounts_dossier')
    .set({ state: 'submitted', claimed_at: null })
    .where('id', '=', id)
    .where('state', '=', 'pending_verification')
    .execute()
