import { type Insertable, sql, type Updateable } from 'kysely'
import type { Db } from '../../database.js'
import type { UnitScope } from '../officers/index.js'
import { type LockRequestEvent, statesAllowing } from './lock-request.flow.js'
import type { LockRequestState, LockRequestsRequestTable } from './lock-requests.table.js'

const OPEN: LockRequestState[] = ['recorded', 'forwarded']

/** Inserts unless the account already has a request in progress (the partial unique index decides). */
export const insertLockRequest = async (db: Db, row: Insertable<LockRequestsRequestTable>) => {
  const r = await db
    .insertInto('lock_requests_request')
    .values(row)
    .onConflict((oc) => oc.column('account_id').where('state', 'in', OPEN).doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1
}

export const findLockRequest = (db: Db, id: string) =>
  db.selectFrom('lock_requests_request').selectAll().where('id', '=', id).executeTakeFirst()

// One UPDATE moves the request only from a state the event allows: two approvers at once get one winner.
export const moveLockRequest = (
  db: Db,
  id: string,
  event: LockRequestEvent,
  to: LockRequestState,
  set: Updateable<LockRequestsRequestTable>,
) =>
  db
    .updateTable('lock_requests_request')
    .set({ ...set, state: to })
    .where('id', '=', id)
    .where('state', 'in', statesAllowing(event))
    .returningAll()
    .executeTakeFirst()

export type QueuePage = { page: number; pageSize: number }

/** Forwarded requests the deciding unit `scope` may decide (withinJurisdiction as SQL), earliest due first. */
export const forwardedQueue = async (db: Db, scope: UnitScope, p: QueuePage) => {
  let q = db.selectFrom('lock_requests_request').where('state', '=', 'forwarded')
  if (scope.level === 'province' || (scope.level === 'immigration_office' && scope.provinceCode !== null))
    q = q.where('unit_province', '=', scope.provinceCode)
  if (scope.level === 'commune') q = q.where('unit_code', '=', scope.code)
  const [items, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('decide_by')
      .orderBy('recorded_on')
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: total.n }
}

export type RecordedFilter = QueuePage & { state?: 'recorded' | 'forwarded' | 'decided' | undefined }

const STATES_OF: Record<NonNullable<RecordedFilter['state']>, LockRequestState[]> = {
  recorded: ['recorded'],
  forwarded: ['forwarded'],
  decided: ['approved', 'refused', 'carried_out'],
}

/** The requests one unit recorded, newest first: what the receiving side still has to forward, and the rest. */
export const unitRequests = async (db: Db, unitCode: string, f: RecordedFilter) => {
  let q = db.selectFrom('lock_requests_request').where('unit_code', '=', unitCode)
  if (f.state) q = q.where('state', 'in', STATES_OF[f.state])
  const [items, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: total.n }
}
