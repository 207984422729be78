import { randomUUID } from 'node:crypto'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { checkOwnPhone, findAccountBySubject, toE164 } from '../accounts/index.js'
import type { Officer } from '../officers/index.js'
import { checkCardReason } from './card-application.service.js'
import { insertCounterDossier, openDossierOf } from './counter-dossier.repository.js'
import { checkCardRequest, findCounterSubject, type SubjectQuery } from './counter-subject.js'
import { auditOfficerAction, PURPOSE } from './enrolment.audit.js'
import { ENROLMENT } from './enrolment.errors.js'
import type { IntegrationKind, RequestedCard } from './enrolment.table.js'

export type OpenDossierDeps = Pick<Deps, 'db' | 'clock' | 'policy' | 'phoneOwnership'>

/** Form TK01 as the officer types it with the citizen (DOMAIN §5.2). */
export type Tk01 = SubjectQuery & {
  phone: string
  email?: string | undefined
  documents: IntegrationKind[]
  cardApplication?: RequestedCard | undefined
}

export type Ctx = { officer: Officer; requestId?: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

// The dossier number printed on the slip: the receiving day and the first hex digits of its id.
const dossierNumber = (id: string, today: string) =>
  `TK01-${today.replaceAll('-', '')}-${id.slice(0, 8).toUpperCase()}`

const checkAccount = async (deps: OpenDossierDeps, subjectId: string) => {
  const account = await findAccountBySubject(deps.db, subjectId)
  if (account?.level === 2) fail(ENROLMENT.ALREADY_LEVEL2)
  if (account && (account.status === 'locked' || account.status === 'closed'))
    fail(ENROLMENT.ACCOUNT_NOT_UPGRADABLE)
}

/**
 * Opens a level-2 dossier at the counter: the person found in the registry, eligible for level 2, no
 * other dossier in progress, the phone in their own name (D69 Art 10) and the TK01 fields. It starts
 * in `draft`, to be completed by the biometric capture and the citizen's confirmation.
 */
// PostgreSQL's unique_violation (the same code on PGlite).
const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505'

export const openCounterDossier = async (deps: OpenDossierDeps, input: Tk01, ctx: Ctx) => {
  const subject = await findCounterSubject(deps, ctx.officer, input)
  const card = input.cardApplication ?? null
  checkCardRequest(subject, card)
  if (card) checkCardReason(card)
  const today = vietnamDateOf(deps.clock.now())
  const e = deps.policy.eligibility(
    {
      kind: subject.kind === 'FOREIGNER_L2_COUNTER' ? 'foreigner' : 'citizen',
      dateOfBirth: subject.dateOfBirth,
      hasValidCard: subject.validCard || card !== null,
      hasValidTravelDocument: subject.validCard,
      alive: true,
    },
    2,
    today,
  )
  if (e.kind === 'not_eligible' || e.kind === 'via_representative')
    fail(ENROLMENT.NOT_ELIGIBLE, undefined, { eligibility: e.kind, source: e.source })
  await checkAccount(deps, subject.id)
  if (await openDossierOf(deps.db, subject.id)) fail(ENROLMENT.DOSSIER_OPEN)
  const email = input.email?.trim().toLowerCase() || null
  if (email !== null && !EMAIL.test(email)) fail(ENROLMENT.INVALID_EMAIL)
  const phone = toE164(input.phone)
  const id = randomUUID()
  const owned = await checkOwnPhone(deps, {
    phone,
    subject: { id: subject.id, kind: subject.kind === 'FOREIGNER_L2_COUNTER' ? 'foreigner' : 'citizen' },
    document: subject.document,
    who: {
      actor: ctx.officer.officerNumber,
      actorKind: 'officer',
      purpose: PURPOSE,
      requestId: ctx.requestId,
    },
    context: { dossierId: id },
  })
  if (owned === 'unavailable') fail(ENROLMENT.CARRIER_UNAVAILABLE)
  if (owned !== 'own_name') fail(ENROLMENT.PHONE_NOT_OWN_NAME)
  const now = deps.clock.now()
  const u = ctx.officer.unit
  return deps.db.transaction().execute(async (trx) => {
    // Two counters opening a dossier for one person at once: the unique index lets one through.
    await insertCounterDossier(trx, {
      id,
      number: dossierNumber(id, today),
      kind: subject.kind,
      subject_id: subject.id,
      full_name: subject.fullName,
      date_of_birth: subject.dateOfBirth,
      phone,
      email,
      documents: JSON.stringify([...new Set(input.documents)]),
      card_request: card ? JSON.stringify(card) : null,
      state: 'draft',
      unit_code: u.code,
      unit_level: u.level,
      unit_province: u.provinceCode,
      received_by: ctx.officer.id,
      received_by_number: ctx.officer.officerNumber,
      biometrics_enrolled: false,
      created_at: now,
      updated_at: now,
    }).catch((e: unknown) => {
      throw isUniqueViolation(e) ? ENROLMENT.DOSSIER_OPEN() : e
    })
    await auditOfficerAction(
      trx,
      deps.clock,
      ctx.officer,
      'counter.opened',
      subject.id,
      { dossierId: id, kind: subject.kind, documents: input.documents, card: card?.kind ?? null },
      ctx.requestId,
    )
    return id
  })
}
