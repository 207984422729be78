import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import { fail } from '../../platform/errors.js'
import { findAccountBySubject } from '../accounts/index.js'
import { type IntegratedDocument, integratedDocumentsOf } from '../documents/index.js'
import { findPersonRecord, formatPartialDate } from '../registry/index.js'
import { SHARING } from './sharing.errors.js'
import type { ShareKind } from './sharing.table.js'

type Person = NonNullable<Awaited<ReturnType<typeof findPersonRecord>>>

/** What a share opens: the kind, and for 'document' which one. */
export type ShareScope =
  | { kind: 'basic' }
  | { kind: 'card' }
  | { kind: 'document'; documentId: string }
  | { kind: 'app-check' }

export const scopeOf = (kind: ShareKind, documentId: string | null): ShareScope =>
  kind === 'document' ? { kind, documentId: documentId ?? '' } : { kind }

/** The released values, and the claim names the data-access log keeps (names only, never values). */
export type Release<T> = { claims: T; names: string[] }

const dateOfBirth = (p: Person) =>
  formatPartialDate({ year: p.birth_year, month: p.birth_month, day: p.birth_day })

const personOf = async (db: Db, subjectId: string) =>
  (await findPersonRecord(db, subjectId)) ?? fail(SHARING.RECORD_MISSING)

// Read again at the scan: an account locked (or downgraded) in the code's minute shares nothing.
const activeLevel2 = async (db: Db, subjectId: string) => {
  const account = await findAccountBySubject(db, subjectId)
  return account?.status === 'active' && account.level === 2 ? account : fail(SHARING.HOLDER_INACTIVE)
}

/** The card the holder can show today: valid at the registry and not past its expiry date. */
const validCardOf = (p: Person, now: Date) => {
  const today = vietnamDateOf(now)
  return (
    p.cards.find((c) => c.status === 'valid' && (c.expires_on === null || c.expires_on >= today)) ??
    fail(SHARING.NO_VALID_CARD)
  )
}

/** A document the holder may show: their own, active, within its validity. */
export const shareableDocument = async (
  db: Db,
  subjectId: string,
  documentId: string,
  now: Date,
): Promise<IntegratedDocument> => {
  const doc =
    (await integratedDocumentsOf(db, subjectId)).find((d) => d.id === documentId) ??
    fail(SHARING.DOCUMENT_NOT_FOUND)
  const today = vietnamDateOf(now)
  if (doc.status !== 'active' || (doc.validTo !== null && doc.validTo < today))
    fail(SHARING.DOCUMENT_NOT_VALID)
  return doc
}

export type BasicClaims = { full_name: string; birth_date: string }
export type CardClaims = BasicClaims & {
  personal_id_number: string
  sex: 'male' | 'female'
  nationality: string
  place_of_origin: string
  place_of_residence: string
  card_number: string
  card_kind: 'CCCD_CHIP' | 'CAN_CUOC_2024'
  card_issue_date: string
  card_expiry_date: string | null
  card_issuing_authority: string
}
export type DocumentClaims = BasicClaims & {
  document: {
    kind: string
    number: string
    status: string
    valid_from: string
    valid_to: string | null
    source_system: string
    data: Record<string, unknown>
  }
}
export type VerifierClaims = BasicClaims | CardClaims | DocumentClaims

const basic = (p: Person): BasicClaims => ({ full_name: p.full_name, birth_date: dateOfBirth(p) })
// The data-access log's own claim names where the meaning is the same (docs/data-access.md), so the
// citizen's log words a share the way it words a login.
const LOG_NAMES: Record<string, string> = {
  full_name: 'name',
  birth_date: 'birthdate',
  personal_id_number: 'vn_id',
  sex: 'gender',
  place_of_residence: 'address',
}
const logName = (key: string) => LOG_NAMES[key] ?? key
const names = (o: object) => Object.keys(o).map(logName)

/** A citizen's data for a verifier, by scope: `basic` name and birth date, `card` the chip card, `document` one document. */
export const verifierClaims = async (
  db: Db,
  subjectId: string,
  scope: ShareScope,
  now: Date,
): Promise<Release<VerifierClaims>> => {
  await activeLevel2(db, subjectId)
  const p = await personOf(db, subjectId)
  if (scope.kind === 'basic') {
    const claims = basic(p)
    return { claims, names: names(claims) }
  }
  if (scope.kind === 'card') {
    const card = validCardOf(p, now)
    const claims: CardClaims = {
      ...basic(p),
      personal_id_number: p.personal_id,
      sex: p.gender,
      nationality: p.nationality,
      place_of_origin: p.hometown,
      place_of_residence: p.permanent_address,
      card_number: card.number,
      card_kind: card.kind,
      card_issue_date: card.issued_on,
      card_expiry_date: card.expires_on,
      card_issuing_authority: card.authority,
    }
    return { claims, names: names(claims) }
  }
  if (scope.kind === 'document') {
    const d = await shareableDocument(db, subjectId, scope.documentId, now)
    const claims: DocumentClaims = {
      ...basic(p),
      document: {
        kind: d.kind,
        number: d.number,
        status: d.status,
        valid_from: d.validFrom,
        valid_to: d.validTo,
        source_system: d.sourceSystem,
        data: { ...d.data },
      },
    }
    return { claims, names: [...names(basic(p)), `document:${d.kind}`] }
  }
  return fail(SHARING.WRONG_CHANNEL)
}

/** What the officer sees after an app check (Dispatch 1101): who holds the app, and their documents. */
export type AppCheckResult = {
  holder: { fullName: string; personalId: string; dateOfBirth: string; accountLevel: number }
  documents: Array<{
    kind: string
    number: string
    status: string
    validFrom: string
    validTo: string | null
    sourceSystem: string
  }>
}

export const appCheckClaims = async (db: Db, subjectId: string): Promise<Release<AppCheckResult>> => {
  const account = await activeLevel2(db, subjectId)
  const p = await personOf(db, subjectId)
  const documents = (await integratedDocumentsOf(db, subjectId)).map((d) => ({
    kind: d.kind,
    number: d.number,
    status: d.status,
    validFrom: d.validFrom,
    validTo: d.validTo,
    sourceSystem: d.sourceSystem,
  }))
  return {
    claims: {
      holder: {
        fullName: p.full_name,
        personalId: p.personal_id,
        dateOfBirth: dateOfBirth(p),
        accountLevel: account.level,
      },
      documents,
    },
    names: [
      ...['full_name', 'personal_id_number', 'birth_date', 'account_level'].map(logName),
      ...documents.map((d) => `document:${d.kind}`),
    ],
  }
}

/** Checked when the share is made, so the holder learns at once that there is nothing to show. */
export const checkShareable = async (db: Db, subjectId: string, scope: ShareScope, now: Date) => {
  if (scope.kind === 'app-check') {
    await personOf(db, subjectId)
    return
  }
  await verifierClaims(db, subjectId, scope, now)
}
