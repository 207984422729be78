import { randomUUID } from 'node:crypto'
import { parsePersonalId, vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { AppError, fail } from '../../platform/errors.js'
import { parsePartialDate } from '../registry/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import { toE164 } from './accounts.phone.js'
import type { DeclaredData, DossierKind, SubjectKind } from './accounts.table.js'
import { findDossier, insertDossier } from './dossier.repository.js'

export type RegistrationDeps = Pick<Deps, 'db' | 'clock' | 'biometrics' | 'policy'>

export type Level1Application = {
  personalId: string
  fullName: string
  dateOfBirth: string
  phone: string
  email?: string | undefined
  selfie: Uint8Array
}

/** The applicant's receipt: the same shape whether or not the number is in the registry. */
export type Receipt = { dossierId: string; state: 'submitted'; receivedOn: string; dueOn: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const MAX_SELFIE = 10 * 1024 * 1024

export const selfieAad = (dossierId: string) => `dossier/${dossierId}/selfie`

/** What every application has, checked for shape: the phone (as E.164), e-mail, birth date and selfie. */
export const checkCommonFields = (input: {
  dateOfBirth: string
  phone: string
  email?: string | undefined
  selfie: Uint8Array
}): { phone: string; email: string | null } => {
  const phone = toE164(input.phone)
  const email = input.email?.trim().toLowerCase() || null
  if (email !== null && !EMAIL.test(email)) fail(ACCOUNTS.INVALID_EMAIL)
  if (!parsePartialDate(input.dateOfBirth)) fail(ACCOUNTS.INVALID_DATE)
  if (input.selfie.length === 0 || input.selfie.length > MAX_SELFIE) fail(ACCOUNTS.SELFIE_REQUIRED)
  return { phone, email }
}

export type DossierFiling = {
  kind: DossierKind
  /** The personal ID number, or for a foreigner the declared passport until the match finds the ID. */
  subjectId: string
  subjectKind: SubjectKind
  dueCase: 'citizen_level1' | 'foreigner_level1'
  declared: DeclaredData
  contact: { phone: string; email: string | null }
  selfie: Uint8Array
}

/** Stores the dossier with its sealed selfie and the audit event, and answers with the receipt. */
export const fileDossier = async (
  deps: RegistrationDeps,
  f: DossierFiling,
  ctx: { requestId?: string },
): Promise<Receipt> => {
  const today = vietnamDateOf(deps.clock.now())
  const dossierId = randomUUID()
  const now = deps.clock.now()
  // Level 1 with a valid card (or residence card): at most 1 working day (D69 Art 13(1a), 13(3a)).
  const dueOn = deps.policy.dossierDueDate(f.dueCase, today)
  await deps.db.transaction().execute(async (trx) => {
    await insertDossier(trx, {
      id: dossierId,
      kind: f.kind,
      subject_id: f.subjectId,
      declared: JSON.stringify(f.declared),
      phone: f.contact.phone,
      email: f.contact.email,
      selfie_enc: deps.biometrics.images.seal(f.selfie, selfieAad(dossierId)),
      state: 'submitted',
      received_on: today,
      due_on: dueOn,
      reason: null,
      verification_id: null,
      account_id: null,
      claimed_at: null,
      created_at: now,
      decided_at: null,
    })
    await recordAudit(trx, deps.clock, {
      actor: f.subjectId,
      actorKind: 'citizen',
      action: 'accounts.dossier.submitted',
      subject: f.subjectId,
      subjectKind: f.subjectKind,
      purpose: 'eid-registration',
      data: { dossierId, kind: f.kind, channel: 'app' },
      requestId: ctx.requestId ?? null,
    })
  })
  return { dossierId, state: 'submitted', receivedOn: today, dueOn }
}

/**
 * Level-1 registration in the app (DOMAIN §5.1): the form is checked for shape only, then a dossier is
 * stored and answered with a receipt; whether the number exists, matches and is eligible is decided by
 * the dossier processor and told by SMS, so this answer never reveals the registry's content.
 */
export const submitLevel1 = async (
  deps: RegistrationDeps,
  input: Level1Application,
  ctx: { requestId?: string } = {},
): Promise<Receipt> => {
  const id = parsePersonalId(input.personalId, { today: vietnamDateOf(deps.clock.now()) })
  if (!id.ok) throw new AppError(id.code, 400, id.message)
  const contact = checkCommonFields(input)
  return fileDossier(
    deps,
    {
      kind: 'CITIZEN_L1_APP',
      subjectId: input.personalId.trim(),
      subjectKind: 'citizen',
      dueCase: 'citizen_level1',
      declared: { fullName: input.fullName, dateOfBirth: input.dateOfBirth },
      contact,
      selfie: input.selfie,
    },
    ctx,
  )
}

/** A dossier's state for the applicant holding its receipt (the id is an unguessable UUID). */
export const dossierStatus = async (deps: Pick<Deps, 'db'>, dossierId: string) => {
  const d = (await findDossier(deps.db, dossierId)) ?? fail(ACCOUNTS.DOSSIER_NOT_FOUND)
  return {
    dossierId: d.id,
    kind: d.kind,
    state: d.state,
    receivedOn: d.received_on,
    dueOn: d.due_on,
    reason: d.reason,
    decidedAt: d.decided_at ? new Date(d.decided_at).toISOString() : null,
  }
}
