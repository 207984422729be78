import { type CccdQrRecord, type LocalDate, parseCccdQr } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import { fail } from '../../platform/errors.js'
import {
  findPersonIdByOldNumber,
  findPersonRecord,
  type PersonView,
  toPersonView,
} from '../registry/index.js'
import { CARD_CHECK } from './card-check.errors.js'
import { compareWithRegistry, type RegistryFacts, type Verdict, verdictOf } from './card-check.verdict.js'

/** The QR's fields as the card prints them, dates as 'YYYY-MM-DD'. */
export type ParsedCard = {
  personalId: string
  oldCmnd: string | null
  fullName: string
  dateOfBirth: LocalDate
  gender: 'male' | 'female'
  address: string
  issueDate: LocalDate
  /** Fields after the 7th (the 2024 "thẻ căn cước"), raw: their order is not published. */
  extra: string[]
}

export type CardCheck = {
  parsed: ParsedCard
  registry: RegistryFacts
  verdict: Verdict
  checkedOn: LocalDate
}

/** The check with what only the platform sees: whose record it was compared with, and that record. */
export type CardCheckOutcome = CardCheck & {
  /** The current personal ID number of the person found (also behind a cancelled number), else null. */
  subjectId: string | null
  person: PersonView | null
}

/** Parses a card QR (vn-id), refusing an issue date after `today`; a failure is card_check.QR_INVALID. */
export const parseCardQr = (qrText: string, today: LocalDate): CccdQrRecord => {
  const r = parseCccdQr(qrText, { personalId: { today } })
  if (!r.ok)
    return fail(CARD_CHECK.QR_INVALID, `${r.message} (${r.code})`, {
      reason: r.code,
      ...(r.field === undefined ? {} : { field: r.field }),
    })
  if (r.value.issueDate > today)
    return fail(CARD_CHECK.QR_INVALID, `The issue date ${r.value.issueDate} is after today`, {
      reason: 'vn-id.QR_ISSUE_DATE',
      field: 7,
    })
  return r.value
}

const toParsed = (qr: CccdQrRecord): ParsedCard => ({
  personalId: qr.personalId,
  oldCmnd: qr.oldCmnd ?? null,
  fullName: qr.fullName,
  dateOfBirth: qr.dateOfBirth,
  gender: qr.gender,
  address: qr.address,
  issueDate: qr.issueDate,
  extra: qr.extra,
})

/**
 * Reads a printed ID card's QR and checks it against the registry on `today`: the person under that
 * number, their name, birth date and sex, the old CMND number, which of their cards it is and that card's
 * status. Pass a transaction as `deps.db` to write the audit or data-access entry with the read.
 */
export const checkCardQr = async (
  deps: { db: Db },
  qrText: string,
  { today }: { today: LocalDate },
): Promise<CardCheckOutcome> => {
  const qr = parseCardQr(qrText, today)
  const parsed = toParsed(qr)
  const row = await findPersonRecord(deps.db, qr.personalId)
  if (!row) {
    // A cancelled number still leads to its holder (for the officer and the log), but is no card to accept.
    const current = await findPersonIdByOldNumber(deps.db, qr.personalId)
    const person = current === undefined ? undefined : await findPersonRecord(deps.db, current)
    const registry: RegistryFacts = {
      found: false,
      idCancelled: person !== undefined,
      deceased: null,
      matches: null,
      card: null,
    }
    return {
      parsed,
      registry,
      verdict: verdictOf(registry),
      checkedOn: today,
      subjectId: person?.personal_id ?? null,
      person: person ? toPersonView(person) : null,
    }
  }
  const person = toPersonView(row)
  const registry: RegistryFacts = {
    found: true,
    idCancelled: false,
    ...compareWithRegistry(qr, person, today),
  }
  return {
    parsed,
    registry,
    verdict: verdictOf(registry),
    checkedOn: today,
    subjectId: person.personalId,
    person,
  }
}
