import { type Insertable, sql, type Updateable } from 'kysely'
import type { Db } from '../../database.js'
import type { UnitScope } from '../officers/index.js'
import type {
  CardApplicationKind,
  CardApplicationState,
  EnrolmentCardApplicationTable,
} from './enrolment.table.js'

export const insertCardApplication = (db: Db, row: Insertable<EnrolmentCardApplicationTable>) =>
  db.insertInto('enrolment_card_application').values(row).execute()

export const findCardApplication = (db: Db, id: string) =>
  db.selectFrom('enrolment_card_application').selectAll().where('id', '=', id).executeTakeFirst()

export const openCardApplicationOf = (db: Db, personalId: string) =>
  db
    .selectFrom('enrolment_card_application')
    .select('id')
    .where('personal_id', '=', personalId)
    .where('state', 'in', ['received', 'approved'])
    .executeTakeFirst()

// One UPDATE moves the application only from the expected state: two approvers at once get one winner.
export const moveCardApplication = (
  db: Db,
  id: string,
  from: CardApplicationState,
  to: CardApplicationState,
  set: Updateable<EnrolmentCardApplicationTable>,
) =>
  db
    .updateTable('enrolment_card_application')
    .set({ ...set, state: to })
    .where('id', '=', id)
    .where('state', '=', from)
    .returningAll()
    .executeTakeFirst()

export type CardListFilter = {
  states: readonly CardApplicationState[]
  kind: CardApplicationKind | undefined
  page: number
  pageSize: number
}

/** Card applications an officer of `scope` may act on (officers.withinJurisdiction as SQL), earliest due first. */
export const cardApplicationsWithin = async (db: Db, scope: UnitScope, f: CardListFilter) => {
  let q = db.selectFrom('enrolment_card_application')
  if (scope.level === 'province' || (scope.level === 'immigration_office' && scope.provinceCode !== null))
    q = q.where('unit_province', '=', scope.provinceCode)
  if (scope.level === 'commune') q = q.where('unit_code', '=', scope.code)
  if (f.states.length > 0) q = q.where('state', 'in', f.states)
  if (f.kind) q = q.where('kind', '=', f.kind)
  const [items, total] = await Promise.all([
    q
      .selectAll()
      // The id last: pages stay stable when many applications fall due on the same day.
      .orderBy('due_on')
      .orderBy('created_at')
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: total.n }
}
