import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Db } from '../../database.js'
import { fail } from '../../platform/errors.js'
import { findAccountBySubject, type SubjectKind } from '../accounts/index.js'
import { type IntegratedDocument, integratedDocumentsOf } from '../documents/index.js'
import { findForeignerRecord, findPersonRecord, formatPartialDate } from '../registry/index.js'
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
// A foreign resident's identity is the immigration record (passport and residence card), not a registry person.
const foreignerOf = async (db: Db, foreignerId: string) =>
  (await findForeignerRecord(db, foreignerId)) ?? fail(SHARING.RECORD_MISSING)

/**
 * What a foreign resident may share: name, date of birth and nationality, and the app check. The chip card
 * is issued to citizens only, and integrated documents are matched by the 12-digit personal ID number (the
 * documents module), so a foreign resident holds none.
 */
const foreignerMay = (scope: ShareScope): { kind: 'basic' } | { kind: 'app-check' } => {
  if (scope.kind === 'card') return fail(SHARING.CARD_FOR_CITIZENS_ONLY)
  if (scope.kind === 'document') return fail(SHARING.DOCUMENTS_FOR_CITIZENS_ONLY)
  return scope
}

/** Refuses, with its precise code, a scope the holder's kind of subject cannot share. */
const checkScopeFor = (kind: SubjectKind, scope: ShareScope) => {
  if (kind === 'foreigner') foreignerMay(scope)
}

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
/** A foreign resident's basic data: their identity stands on a foreign travel document, so its nationality too. */
export type ForeignerBasicClaims = BasicClaims & { nationality: string }
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
export type VerifierClaims = BasicClaims | ForeignerBasicClaims | CardClaims | DocumentClaims
/** A verifier's release, with whose data it is: a citizen's, or a foreign resident's. */
export type VerifierRelease = Release<VerifierClaims> & { subjectKind: SubjectKind }

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

/**
 * A holder's data for a verifier, by scope: `basic` name and birth date (and a foreign resident's
 * nationality), `card` the chip card, `document` one document.
 */
export const verifierClaims = async (
  db: Db,
  subjectId: string,
  scope: ShareScope,
  now: Date,
): Promise<VerifierRelease> => {
  const account = await activeLevel2(db, subjectId)
  if (account.subject_kind === 'foreigner') {
    if (foreignerMay(scope).kind === 'app-check') return fail(SHARING.WRONG_CHANNEL)
    const f = await foreignerOf(db, subjectId)
    const claims: ForeignerBasicClaims = {
      full_name: f.fullName,
      birth_date: f.dateOfBirth,
      nationality: f.nationality,
    }
    return { subjectKind: 'foreigner', claims, names: names(claims) }
  }
  const p = await personOf(db, subjectId)
  if (scope.kind === 'basic') {
    const claims = basic(p)
    return { subjectKind: 'citizen', claims, names: names(claims) }
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
    return { subjectKind: 'citizen', claims, names: names(claims) }
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
    return { subjectKind: 'citizen', claims, names: [...names(basic(p)), `document:${d.kind}`] }
  }
  return fail(SHARING.WRONG_CHANNEL)
}

/** Who holds the app: a citizen by personal ID number, a foreign resident by foreigner ID number and nationality. */
export type AppCheckHolder =
  | {
      subjectKind: 'citizen'
      fullName: string
      personalId: string
      dateOfBirth: string
      accountLevel: number
    }
  | {
      subjectKind: 'foreigner'
      fullName: string
      foreignerId: string
      dateOfBirth: string
      nationality: string
      accountLevel: number
    }

/** What the officer sees after an app check (Dispatch 1101): who holds the app, and their documents. */
export type AppCheckResult = {
  holder: AppCheckHolder
  /** The portrait on record (card photo, else the newest enrolled face) as a data URL; null when none. */
  portrait: string | null
  documents: Array<{
    kind: string
    number: string
    status: string
    validFrom: string
    validTo: string | null
    sourceSystem: string
  }>
}

/** Opens the portrait on record of a person (the biometrics module's readPortrait); null when none. */
export type PortraitReader = (subjectId: string) => Promise<{ type: string; bytes: Buffer } | null>

// The foreigner ID number is logged as `vn_id`, as a login releasing it logs it (the e-ID's subject number).
const appCheckHolder = async (
  db: Db,
  subjectId: string,
  account: { subject_kind: SubjectKind; level: number },
): Promise<{ holder: AppCheckHolder; names: string[] }> => {
  const accountLevel = account.level
  if (account.subject_kind === 'foreigner') {
    const f = await foreignerOf(db, subjectId)
    return {
      holder: {
        subjectKind: 'foreigner',
        fullName: f.fullName,
        foreignerId: f.foreignerId,
        dateOfBirth: f.dateOfBirth,
        nationality: f.nationality,
        accountLevel,
      },
      names: ['name', 'vn_id', 'birthdate', 'nationality', 'account_level'],
    }
  }
  const p = await personOf(db, subjectId)
  return {
    holder: {
      subjectKind: 'citizen',
      fullName: p.full_name,
      personalId: p.personal_id,
      dateOfBirth: dateOfBirth(p),
      accountLevel,
    },
    names: ['full_name', 'personal_id_number', 'birth_date', 'account_level'].map(logName),
  }
}

export const appCheckClaims = async (
  db: Db,
  subjectId: string,
  readPortrait: PortraitReader,
): Promise<Release<AppCheckResult>> => {
  const account = await activeLevel2(db, subjectId)
  const holder = await appCheckHolder(db, subjectId, account)
  const portrait = await readPortrait(subjectId)
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
      holder: holder.holder,
      portrait: portrait ? `data:${portrait.type};base64,${portrait.bytes.toString('base64')}` : null,
      documents,
    },
    names: [
      ...holder.names,
      ...(portrait ? ['portrait'] : []),
      ...documents.map((d) => `document:${d.kind}`),
    ],
  }
}

/** Checked when the share is made, so the holder learns at once that there is nothing to show. */
export const checkShareable = async (
  db: Db,
  holder: { subject_id: string; subject_kind: SubjectKind },
  scope: ShareScope,
  now: Date,
) => {
  const subjectId = holder.subject_id
  checkScopeFor(holder.subject_kind, scope)
  if (scope.kind === 'app-check') {
    await (holder.subject_kind === 'foreigner' ? foreignerOf(db, subjectId) : personOf(db, subjectId))
    return
  }
  await verifierClaims(db, subjectId, scope, now)
}
