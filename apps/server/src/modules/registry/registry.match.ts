import { type LocalDate, nameKey } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import {
  type ForeignerRecord,
  findForeigner,
  findForeignerByPassport,
  toForeignerRecord,
} from './foreigner.repository.js'
import { findPersonIdByOldNumber, findPersonRecord } from './person.repository.js'
import { parsePartialDate } from './registry.dates.js'
import { type PersonView, toPersonView } from './registry.view.js'

export type Declared = {
  personalId: string
  fullName?: string
  dateOfBirth?: string
  gender?: 'male' | 'female'
  cardNumber?: string
  cardIssuedOn?: string
  oldIdNumber?: string
}
export type Match<P> =
  | { kind: 'match'; person: P }
  | { kind: 'mismatch'; fields: string[] }
  | { kind: 'unknown' }

/**
 * Dates are compared at the record's precision: a declared 1995-03-15 matches a record that knows only
 * 1995, but a declared 1995 does not prove a record that knows 1995-03-15 (the declaration is too vague).
 */
export const dobMatches = (declared: string, recorded: string): boolean => {
  const d = parsePartialDate(declared)
  const r = parsePartialDate(recorded)
  if (!d || !r || d.year !== r.year) return false
  if (r.month === null) return true
  if (d.month !== r.month) return false
  return r.day === null || d.day === r.day
}

/**
 * Matches what an applicant declared against the population registry (DOMAIN §4 rule 1). Every declared
 * field must agree; a deceased person ('status'), a card that is revoked, lost or replaced ('cardStatus')
 * and a cancelled number used as the current one ('personalId') are mismatches. An expired card still
 * matches: whether it may be used is the policy module's decision.
 */
export const matchDeclared = async (db: Db, declared: Declared): Promise<Match<PersonView>> => {
  const row = await findPersonRecord(db, declared.personalId)
  if (!row) {
    const current = await findPersonIdByOldNumber(db, declared.personalId)
    return current === undefined ? { kind: 'unknown' } : { kind: 'mismatch', fields: ['personalId'] }
  }
  const person = toPersonView(row)
  const fields: string[] = []
  if (declared.fullName !== undefined && nameKey(declared.fullName) !== row.name_key) fields.push('fullName')
  if (declared.dateOfBirth !== undefined && !dobMatches(declared.dateOfBirth, person.dateOfBirth))
    fields.push('dateOfBirth')
  if (declared.gender !== undefined && declared.gender !== person.gender) fields.push('gender')
  if (declared.cardNumber !== undefined && declared.cardNumber !== person.personalId)
    fields.push('cardNumber')
  const card =
    declared.cardIssuedOn === undefined
      ? person.cards[0]
      : person.cards.find((c) => c.issuedOn === declared.cardIssuedOn)
  if (declared.cardIssuedOn !== undefined && !card) fields.push('cardIssuedOn')
  if (card && (card.status === 'revoked' || card.status === 'lost' || card.status === 'replaced'))
    fields.push('cardStatus')
  if (declared.oldIdNumber !== undefined && !person.oldIdNumbers.includes(declared.oldIdNumber))
    fields.push('oldIdNumber')
  if (person.status === 'deceased') fields.push('status')
  return fields.length ? { kind: 'mismatch', fields } : { kind: 'match', person }
}

export type DeclaredForeigner = {
  foreignerId?: string
  passportNumber: string
  nationality: string
  /** The permanent or temporary residence card's number (D69 Art 7(2)), compared ignoring case. */
  residenceCardNumber?: string
  fullName?: string
  dateOfBirth?: string
  gender?: 'male' | 'female'
}

/**
 * Matches a foreigner against the immigration data (biometrics excluded, DOMAIN §4 rule 1): found by
 * foreigner ID or by passport; another residence card, or an expired passport or residence card on
 * `today`, is a mismatch.
 */
export const matchForeigner = async (
  db: Db,
  declared: DeclaredForeigner,
  today: LocalDate,
): Promise<Match<ForeignerRecord>> => {
  const row = declared.foreignerId
    ? await findForeigner(db, declared.foreignerId)
    : await findForeignerByPassport(db, declared.nationality, declared.passportNumber)
  if (!row) return { kind: 'unknown' }
  const f = toForeignerRecord(row)
  const fields: string[] = []
  if (f.passport.number !== declared.passportNumber) fields.push('passportNumber')
  if (f.nationality !== declared.nationality) fields.push('nationality')
  if (
    declared.residenceCardNumber !== undefined &&
    declared.residenceCardNumber.trim().toUpperCase() !== f.residenceCard.number.toUpperCase()
  )
    fields.push('residenceCardNumber')
  if (declared.fullName !== undefined && nameKey(declared.fullName) !== row.name_key) fields.push('fullName')
  if (declared.dateOfBirth !== undefined && declared.dateOfBirth !== f.dateOfBirth) fields.push('dateOfBirth')
  if (declared.gender !== undefined && declared.gender !== f.gender) fields.push('gender')
  if (f.passport.expiresOn <= today) fields.push('passportExpiresOn')
  if (f.residenceCard.expiresOn !== null && f.residenceCard.expiresOn <= today) fields.push('residenceCard')
  if (f.status === 'deceased') fields.push('status')
  return fields.length ? { kind: 'mismatch', fields } : { kind: 'match', person: f }
}
