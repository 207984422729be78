import { type Insertable, sql, type Updateable } from 'kysely'
import type { Db } from '../../database.js'
import type { UnitScope } from '../officers/index.js'
import { type CounterDossierEvent, statesAllowing } from './counter-dossier.flow.js'
import type { CounterDossierState, EnrolmentCounterDossierTable } from './enrolment.table.js'

export const insertCounterDossier = (db: Db, row: Insertable<EnrolmentCounterDossierTable>) =>
  db.insertInto('enrolment_counter_dossier').values(row).execute()

export const findCounterDossier = (db: Db, id: string) =>
  db.selectFrom('enrolment_counter_dossier').selectAll().where('id', '=', id).executeTakeFirst()

export const openDossierOf = (db: Db, subjectId: string) =>
  db
    .selectFrom('enrolment_counter_dossier')
    .select('id')
    .where('subject_id', '=', subjectId)
    .where('state', 'in', ['draft', 'awaiting_confirmation', 'submitted'])
    .executeTakeFirst()

// One UPDATE moves the dossier only from a state the event allows: two officers at once get one winner.
export const moveCounterDossier = (
  db: Db,
  id: string,
  event: CounterDossierEvent,
  to: CounterDossierState,
  set: Updateable<EnrolmentCounterDossierTable>,
) =>
  db
    .updateTable('enrolment_counter_dossier')
    .set({ ...set, state: to })
    .where('id', '=', id)
    .where('state', 'in', statesAllowing(event))
    .returningAll()
    .executeTakeFirst()

/** Records the dossier's ids of verifications without moving it (a failed capture stays in draft). */
export const touchCounterDossier = (db: Db, id: string, set: Updateable<EnrolmentCounterDossierTable>) =>
  db.updateTable('enrolment_counter_dossier').set(set).where('id', '=', id).execute()

export type QueuePage = { page: number; pageSize: number }

/** Submitted dossiers an approver of `scope` may decide (officers.withinJurisdiction as SQL), oldest due first. */
export const submittedQueue = async (db: Db, scope: UnitScope, p: QueuePage) => {
  let q = db.selectFrom('enrolment_counter_dossier').where('state', '=', 'submitted')
  if (scope.level === 'province' || (scope.level === 'immigration_office' && scope.provinceCode !== null))
    q = q.where('unit_province', '=', scope.provinceCode)
  if (scope.level === 'commune') q = q.where('unit_code', '=', scope.code)
  const [items, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('due_on')
      .orderBy('citizen_confirmed_at')
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: total.n }
}
