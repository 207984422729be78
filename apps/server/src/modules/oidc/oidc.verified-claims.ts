import type { Deps } from '../../deps.js'
import { appProofingOf, type findAccountBySubject } from '../accounts/index.js'
import { counterProofingOf } from '../enrolment/index.js'
import { FOREIGNER_ID, findForeignerRecord, findPersonRecord } from '../registry/index.js'
import { birthdate } from './oidc.birthdate.js'

/**
 * OpenID Connect for Identity Assurance 1.0 (`verified_claims`) under the trust framework `vn_eid`: identity
 * data the e-ID system verified, with how it was verified (DOMAIN §2.1, §4 rule 1). docs/oidc.md describes it.
 */
const TRUST_FRAMEWORK = 'vn_eid'
const EVIDENCE_SUPPORTED = ['document', 'electronic_record']
const DOCUMENTS_SUPPORTED = ['idcard', 'passport']
const ELECTRONIC_RECORDS_SUPPORTED = ['population_register', 'immigration_register']
const CLAIMS_IN_VERIFIED_CLAIMS = [
  'name',
  'family_name',
  'middle_name',
  'given_name',
  'birthdate',
  'gender',
  'nationalities',
]

type VerifiedDeps = Pick<Deps, 'db'>
export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccountBySubject>>>
type Json = Record<string, unknown>

// The IDA time format (YYYY-MM-DDThh:mm:ssTZD): whole seconds.
const time = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z')

const SOURCES = {
  citizen: { type: 'population_register', name: 'Cơ sở dữ liệu quốc gia về dân cư' },
  foreigner: { type: 'immigration_register', name: 'Cơ sở dữ liệu quốc gia về xuất nhập cảnh' },
} as const

const record = (kind: AccountRow['subject_kind'], at: Date, checks: Json[]): Json => ({
  type: 'electronic_record',
  check_details: checks,
  time: time(at),
  record: { type: SOURCES[kind].type, source: { name: SOURCES[kind].name, country_code: 'VNM' } },
})

/** Vietnamese names run family name, middle names, given name; the registry holds only the full name. */
const nameParts = (full: string) => {
  const words = full.trim().split(/\s+/)
  if (words.length < 2) return { name: full }
  return {
    name: full,
    family_name: words[0],
    ...(words.length > 2 ? { middle_name: words.slice(1, -1).join(' ') } : {}),
    given_name: words.at(-1),
  }
}

/** The identity claims and the document a level-2 counter would have seen, from the registry. */
const subjectOf = async (deps: VerifiedDeps, account: AccountRow, withNumber: boolean) => {
  if (FOREIGNER_ID.test(account.subject_id)) {
    const f = await findForeignerRecord(deps.db, account.subject_id)
    if (!f) return undefined
    return {
      claims: {
        name: f.fullName,
        birthdate: f.dateOfBirth,
        gender: f.gender,
        nationalities: [f.nationality],
      },
      document: {
        type: 'passport',
        ...(withNumber ? { document_number: f.passport.number } : {}),
        date_of_issuance: f.passport.issuedOn,
        date_of_expiry: f.passport.expiresOn,
        issuer: { name: f.passport.place, country_code: f.nationality },
      },
    }
  }
  const p = await findPersonRecord(deps.db, account.subject_id)
  if (!p) return undefined
  const card = p.cards.find((c) => c.status === 'valid') ?? p.cards[0]
  return {
    claims: {
      ...nameParts(p.full_name),
      birthdate: birthdate(p.birth_year, p.birth_month, p.birth_day),
      gender: p.gender,
      nationalities: [p.nationality],
    },
    document: card
      ? {
          type: 'idcard',
          // The card number is the personal ID number: released only with the vn_id scope.
          ...(withNumber ? { document_number: card.number } : {}),
          date_of_issuance: card.issued_on,
          ...(card.expires_on ? { date_of_expiry: card.expires_on } : {}),
          issuer: { name: card.authority, country_code: 'VNM' },
        }
      : undefined,
  }
}

/** Level 1: the registry match and the selfie against the portrait on record, from the app dossier. */
const level1 = async (deps: VerifiedDeps, account: AccountRow): Promise<Json> => {
  const app = await appProofingOf(deps.db, account.dossier_id)
  const at = app?.decidedAt ?? new Date(account.approved_at)
  const checks: Json[] = [{ check_method: 'data', time: time(at) }]
  if (app?.selfieVerificationId)
    checks.push({ check_method: 'bvr', txn: app.selfieVerificationId, time: time(at) })
  return {
    time: time(at),
    ...(app ? { verification_process: app.dossierId } : {}),
    evidence: [record(account.subject_kind, at, checks)],
  }
}

/** Level 2: the card (or passport) seen at the counter, face and fingerprints matched there, and the registry. */
const level2 = async (deps: VerifiedDeps, account: AccountRow, document: Json | undefined): Promise<Json> => {
  const counter = await counterProofingOf(deps.db, account.subject_id, account.id)
  if (!counter) return { time: time(new Date(account.approved_at)) }
  const seen = counter.biometricsVerifiedAt ?? counter.decidedAt
  const biometric = [counter.faceVerificationId, counter.fingerprintVerificationId]
    .filter((id): id is string => id !== null)
    .map((txn) => ({ check_method: 'bvp', txn, time: time(seen) }))
  return {
    time: time(counter.decidedAt),
    verification_process: counter.dossierId,
    evidence: [
      ...(document
        ? [
            {
              type: 'document',
              check_details: [{ check_method: 'vpip', time: time(seen) }, ...biometric],
              time: time(seen),
              document_details: document,
            },
          ]
        : []),
      record(account.subject_kind, counter.decidedAt, [
        { check_method: 'data', time: time(counter.decidedAt) },
        ...(document ? [] : biometric),
      ]),
    ],
  }
}

/**
 * The `verified_claims` of an account: trust framework, level, when and how it was proofed, and the
 * registry's identity claims. The ID card's number goes in only when the vn_id scope is granted as well.
 */
export const verifiedClaimsOf = async (
  deps: VerifiedDeps,
  account: AccountRow,
  withNumber: boolean,
): Promise<Json | undefined> => {
  const subject = await subjectOf(deps, account, withNumber)
  if (!subject) return undefined
  const process =
    account.level >= 2 ? await level2(deps, account, subject.document) : await level1(deps, account)
  return {
    verification: {
      trust_framework: TRUST_FRAMEWORK,
      assurance_level: account.level >= 2 ? 'loa2' : 'loa1',
      ...process,
    },
    claims: subject.claims,
  }
}

/** What discovery announces about verified_claims (IDA §8). */
export const IDA_DISCOVERY = {
  verified_claims_supported: true,
  trust_frameworks_supported: [TRUST_FRAMEWORK],
  evidence_supported: EVIDENCE_SUPPORTED,
  documents_supported: DOCUMENTS_SUPPORTED,
  documents_check_methods_supported: ['vpip', 'bvp'],
  electronic_records_supported: ELECTRONIC_RECORDS_SUPPORTED,
  claims_in_verified_claims_supported: CLAIMS_IN_VERIFIED_CLAIMS,
}
