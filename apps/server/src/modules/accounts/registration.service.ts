import { randomUUID } from 'node:crypto'
import { parsePersonalId, vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { AppError, fail } from '../../platform/errors.js'
import { parsePartialDate } from '../registry/index.js'
import { ACCOUNTS } from './accounts.errors.js'
import { toE164 } from './accounts.phone.js'
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
  const today = vietnamDateOf(deps.clock.now())
  const id = parsePersonalId(input.personalId, { today })
  if (!id.ok) throw new AppError(id.code, 400, id.message)
  const phone = toE164(input.phone)
  const email = input.email?.trim().toLowerCase() || null
  if (email !== null && !EMAIL.test(email)) fail(ACCOUNTS.INVALID_EMAIL)
  if (!parsePartialDate(input.dateOfBirth)) fail(ACCOUNTS.INVALID_DATE)
  if (input.selfie.length === 0 || input.selfie.length > MAX_SELFIE) fail(ACCOUNTS.SELFIE_REQUIRED)
  const dossierId = randomUUID()
  const now = deps.clock.now()
  // Level 1 for a citizen with a valid card: at most 1 working day (D69 Art 13(1a)).
  const dueOn = deps.policy.dossierDueDate('citizen_level1', today)
  await deps.db.transaction().execute(async (trx) => {
    await insertDossier(trx, {
      id: dossierId,
      kind: 'CITIZEN_L1_APP',
      subject_id: input.personalId.trim(),
      declared: JSON.stringify({ fullName: input.fullName, dateOfBirth: input.dateOfBirth }),
      phone,
      email,
      selfie_enc: deps.biometrics.images.seal(input.selfie, selfieAad(dossierId)),
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
      actor: input.personalId.trim(),
      actorKind: 'citizen',
      action: 'accounts.dossier.submitted',
      subject: input.personalId.trim(),
      subjectKind: 'citizen',
      purpose: 'eid-registration',
      data: { dossierId, kind: 'CITIZEN_L1_APP', channel: 'app' },
      requestId: ctx.requestId ?? null,
    })
  })
  return { dossierId, state: 'submitted', receivedOn: today, dueOn }
}

/** A dossier's state for the applicant holding its receipt (the id is an unguessable UUID). */
export const dossierStatus = async (deps: Pick<Deps, 'db'>, dossierId: string) => {
  const d = (await findDossier(deps.db, dossierId)) ?? fail(ACCOUNTS.DOSSIER_NOT_FOUND)
  return {
    dossierId: d.id,
    state: d.state,
    receivedOn: d.received_on,
    dueOn: d.due_on,
    reason: d.reason,
    decidedAt: d.decided_at ? new Date(d.decided_at).toISOString() : null,
  }
}
