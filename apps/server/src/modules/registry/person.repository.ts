import { sql } from 'kysely'
import type { Db } from '../../database.js'
import type { PartialDate } from './registry.dates.js'
import type { CardKind, CardStatus, Gender, OldIdKind, PersonStatus, Relation } from './registry.table.js'

/** One person with cards, old numbers and relatives as the lookup function returns them. */
export type PersonRecordRow = {
  personal_id: string
  full_name: string
  name_key: string
  birth_year: number
  birth_month: number | null
  birth_day: number | null
  gender: Gender
  nationality: string
  ethnicity: string
  religion: string
  place_of_birth: string
  hometown: string
  permanent_address: string
  permanent_province: string
  temporary_address: string | null
  status: PersonStatus
  died_on: string | null
  version: number
  cards: Array<{
    number: string
    kind: CardKind
    issued_on: string
    expires_on: string | null
    authority: string
    status: CardStatus
  }>
  old_ids: Array<{ number: string; kind: OldIdKind }>
  relatives: Array<{ relation: Relation; relative_id: string; full_name: string | null }>
}

/** One person with everything an officer sees, in one round trip (registry_0002: a plan-cached function). */
export const findPersonRecord = async (db: Db, personalId: string): Promise<PersonRecordRow | undefined> => {
  const { rows } = await sql<{
    r: PersonRecordRow | null
  }>`select registry_person_record(${personalId}) as r`.execute(db)
  return rows[0]?.r ?? undefined
}

/** The current personal ID number behind an old 9-digit CMND number or a cancelled 12-digit number. */
export const findPersonIdByOldNumber = async (db: Db, number: string): Promise<string | undefined> => {
  const row = await db
    .selectFrom('registry_old_id')
    .select('personal_id')
    .where('number', '=', number)
    .executeTakeFirst()
  return row?.personal_id
}

export type PersonSearch = {
  nameKey: string
  dob?: PartialDate
  province?: string
  page: number
  pageSize: number
}

// Both paths use an index: (name_key, birth_year) or (name_key, permanent_province).
export const searchPersons = async (db: Db, q: PersonSearch) => {
  let query = db.selectFrom('registry_person').where('name_key', '=', q.nameKey)
  if (q.dob) {
    const { year, month, day } = q.dob
    query = query.where('birth_year', '=', year)
    // A record that knows less than the query (year only) still answers it.
    if (month !== null)
      query = query.where((eb) => eb.or([eb('birth_month', 'is', null), eb('birth_month', '=', month)]))
    if (day !== null)
      query = query.where((eb) => eb.or([eb('birth_day', 'is', null), eb('birth_day', '=', day)]))
  }
  if (q.province) query = query.where('permanent_province', '=', q.province)
  const [items, total] = await Promise.all([
    query
      .select([
        'personal_id',
        'full_name',
        'birth_year',
        'birth_month',
        'birth_day',
        'gender',
        'permanent_province',
        'status',
      ])
      .orderBy('personal_id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { items, total: total.n }
}

export const countPersons = async (db: Db): Promise<number> => {
  const row = await db
    .selectFrom('registry_person')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/** One page of personal ID numbers in order, after `after`: for jobs that walk the whole registry. */
export const personIdsAfter = async (db: Db, after: string, limit: number): Promise<string[]> =>
  (
    await db
      .selectFrom('registry_person')
      .select('personal_id')
      .where('personal_id', '>', after)
      .orderBy('personal_id')
      .limit(limit)
      .execute()
  ).map((r) => r.personal_id)
