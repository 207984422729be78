import type { Db } from '../../database.js'
import type { ForeignerRow, Gender, PersonStatus, ResidenceCardKind } from './registry.table.js'

/** A foreign resident as the registry (the immigration database's copy) holds them. */
export type ForeignerRecord = {
  foreignerId: string
  fullName: string
  dateOfBirth: string
  gender: Gender
  nationality: string
  passport: { number: string; type: string; issuedOn: string; expiresOn: string; place: string }
  residenceCard: { kind: ResidenceCardKind; number: string; expiresOn: string | null }
  status: PersonStatus
}

// The foreigner ID number's format is unpublished (DOMAIN §3): we use 'NN' and 10 digits, 12 characters.
export const FOREIGNER_ID = /^NN\d{10}$/

export const toForeignerRecord = (r: ForeignerRow): ForeignerRecord => ({
  foreignerId: r.foreigner_id,
  fullName: r.full_name,
  dateOfBirth: r.date_of_birth,
  gender: r.gender,
  nationality: r.nationality,
  passport: {
    number: r.passport_number,
    type: r.passport_type,
    issuedOn: r.passport_issued_on,
    expiresOn: r.passport_expires_on,
    place: r.passport_place,
  },
  residenceCard: {
    kind: r.residence_card_kind,
    number: r.residence_card_number,
    expiresOn: r.residence_card_expires_on,
  },
  status: r.status,
})

export const findForeigner = (db: Db, foreignerId: string) =>
  db.selectFrom('registry_foreigner').selectAll().where('foreigner_id', '=', foreignerId).executeTakeFirst()

/** A foreigner's record by foreigner ID, or undefined. */
export const findForeignerRecord = async (
  db: Db,
  foreignerId: string,
): Promise<ForeignerRecord | undefined> => {
  const row = await findForeigner(db, foreignerId)
  return row ? toForeignerRecord(row) : undefined
}

export const findForeignerByPassport = (db: Db, nationality: string, passportNumber: string) =>
  db
    .selectFrom('registry_foreigner')
    .selectAll()
    .where('nationality', '=', nationality)
    .where('passport_number', '=', passportNumber)
    .executeTakeFirst()

/** The next `limit` foreigners after `after` (by ID) with their passports: for walking the register in pages. */
export const foreignerDocumentsAfter = async (db: Db, after: string, limit: number) =>
  (
    await db
      .selectFrom('registry_foreigner')
      .select(['foreigner_id', 'nationality', 'passport_number'])
      .where('foreigner_id', '>', after)
      .orderBy('foreigner_id')
      .limit(limit)
      .execute()
  ).map((r) => ({
    foreignerId: r.foreigner_id,
    passport: { nationality: r.nationality, number: r.passport_number },
  }))

/** Inserts foreigners in multi-row batches; existing IDs are left as they are. */
export const insertForeigners = async (
  db: Db,
  foreigners: ForeignerRecord[],
  nameKeyOf: (s: string) => string,
  now: Date,
): Promise<number> => {
  let inserted = 0
  for (let i = 0; i < foreigners.length; i += 1000) {
    const rows = foreigners.slice(i, i + 1000).map((f) => ({
      foreigner_id: f.foreignerId,
      full_name: f.fullName,
      name_key: nameKeyOf(f.fullName),
      date_of_birth: f.dateOfBirth,
      gender: f.gender,
      nationality: f.nationality,
      passport_number: f.passport.number,
      passport_type: f.passport.type,
      passport_issued_on: f.passport.issuedOn,
      passport_expires_on: f.passport.expiresOn,
      passport_place: f.passport.place,
      residence_card_kind: f.residenceCard.kind,
      residence_card_number: f.residenceCard.number,
      residence_card_expires_on: f.residenceCard.expiresOn,
      status: f.status,
      created_at: now,
      updated_at: now,
    }))
    const res = await db
      .insertInto('registry_foreigner')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0)
  }
  return inserted
}
