import type { Insertable, Updateable } from 'kysely'
import type { Db } from '../../database.js'
import type { CardApplicationState, EnrolmentCardApplicationTable } from './enrolment.table.js'

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
