import type { Db } from '../../database.js'
import type { NewOfficerRow, OfficerRow, OfficersUnitTable, SessionStage, UnitRow } from './officers.table.js'

export const findUnit = (db: Db, code: string): Promise<UnitRow | undefined> =>
  db.selectFrom('officers_unit').selectAll().where('code', '=', code).executeTakeFirst()

/** Inserts units that are not there yet (parents first), leaving existing ones as they are. */
export const insertUnits = async (db: Db, units: readonly OfficersUnitTable[]) => {
  for (const unit of units)
    await db
      .insertInto('officers_unit')
      .values(unit)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute()
}

export const findOfficerByNumber = (db: Db, officerNumber: string): Promise<OfficerRow | undefined> =>
  db.selectFrom('officers_officer').selectAll().where('officer_number', '=', officerNumber).executeTakeFirst()

export const findOfficer = (db: Db, id: string): Promise<OfficerRow | undefined> =>
  db.selectFrom('officers_officer').selectAll().where('id', '=', id).executeTakeFirst()

/** Null when the number is taken (the unique constraint decides, not a read before the write). */
export const insertOfficer = async (db: Db, row: NewOfficerRow) =>
  (await db
    .insertInto('officers_officer')
    .values(row)
    .onConflict((oc) => oc.column('officer_number').doNothing())
    .returningAll()
    .executeTakeFirst()) ?? null

export const listOfficers = (db: Db) =>
  db
    .selectFrom('officers_officer')
    .select([
      'id',
      'officer_number',
      'full_name',
      'unit_code',
      'roles',
      'status',
      'totp_confirmed_at',
      'password_change_required',
    ])
    .orderBy('officer_number')
    .execute()

/** Moves an officer from one status to the other; undefined when they were not in `from` (already done). */
export const setOfficerStatus = (
  db: Db,
  id: string,
  from: OfficerRow['status'],
  to: OfficerRow['status'],
  now: Date,
) =>
  db
    .updateTable('officers_officer')
    .set({ status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst()

// One UPDATE picks the winner: a code's time step is accepted once, even by two logins racing with it.
export const acceptTotpStep = (db: Db, officerId: string, step: number, now: Date) =>
  db
    .updateTable('officers_officer')
    .set({ totp_last_step: step, updated_at: now })
    .where('id', '=', officerId)
    .where('totp_sealed', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returningAll()
    .executeTakeFirst()

export const insertChallenge = (db: Db, row: { id: string; officerId: string; now: Date; expiresAt: Date }) =>
  db
    .insertInto('officers_login_challenge')
    .values({
      id: row.id,
      officer_id: row.officerId,
      created_at: row.now,
      expires_at: row.expiresAt,
      consumed_at: null,
    })
    .execute()

export const findLiveChallenge = (db: Db, id: string, now: Date) =>
  db
    .selectFrom('officers_login_challenge')
    .selectAll()
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()

// Single use in one statement: two requests with the same challenge cannot both open a session.
export const consumeChallenge = (db: Db, id: string, now: Date) =>
  db
    .updateTable('officers_login_challenge')
    .set({ consumed_at: now })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()

export const insertSession = (
  db: Db,
  row: {
    id: string
    officerId: string
    tokenHash: string
    csrfHash: string
    ip: string | null
    userAgent: string | null
    now: Date
    idleUntil: Date
    absoluteUntil: Date
    stage: SessionStage
  },
) =>
  db
    .insertInto('officers_session')
    .values({
      id: row.id,
      officer_id: row.officerId,
      stage: row.stage,
      pending_password_hash: null,
      pending_totp_sealed: null,
      token_hash: row.tokenHash,
      csrf_hash: row.csrfHash,
      ip: row.ip,
      user_agent: row.userAgent,
      created_at: row.now,
      last_seen_at: row.now,
      idle_expires_at: row.idleUntil,
      absolute_expires_at: row.absoluteUntil,
      revoked_at: null,
      revoked_reason: null,
    })
    .execute()

/** The live session a token opens, touched (the idle timeout slides, never past the absolute one). */
export const touchSession = (db: Db, tokenHash: string, now: Date, idleUntil: Date) =>
  db
    .updateTable('officers_session')
    .set((eb) => ({
      last_seen_at: now,
      idle_expires_at: eb.fn('least', [eb.val(idleUntil), eb.ref('absolute_expires_at')]),
    }))
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()

export const revokeSessions = (db: Db, officerId: string, reason: string, now: Date, only?: string) => {
  let q = db
    .updateTable('officers_session')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('officer_id', '=', officerId)
    .where('revoked_at', 'is', null)
  if (only) q = q.where('id', '=', only)
  return q.returning('id').execute()
}
