import { randomUUID } from 'node:crypto'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { AppError } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { startPeriodic } from '../../platform/periodic.js'
import { verifyFace } from '../biometrics/index.js'
import type { Policy } from '../policy/index.js'
import { matchDeclared, type PersonView } from '../registry/index.js'
import { findAccountBySubject, insertAccount } from './account.repository.js'
import type { DeclaredData, DossierRow } from './accounts.table.js'
import type { RejectionReason } from './dossier.flow.js'
import { claimDossier, decideDossier, releaseDossier, waitingDossierIds } from './dossier.repository.js'
import { selfieAad } from './registration.service.js'

export type ProcessorDeps = Pick<Deps, 'db' | 'clock' | 'biometrics' | 'log' | 'policy'>
export type Decision =
  | { state: 'approved'; accountId: string }
  | { state: 'rejected'; reason: RejectionReason }

const SYSTEM = { id: 'system:dossier-processor', kind: 'system' as const, purpose: 'eid-registration' }

// SMS texts carry no diacritics: every handset shows them, and one message holds 160 characters.
const SMS = {
  approved:
    'Ho so dang ky tai khoan dinh danh dien tu muc 1 cua ban da duoc phe duyet. De nghi truy cap ung dung dinhdanh de kich hoat tai khoan.',
  rejected: (reason: RejectionReason) =>
    `Ho so dang ky tai khoan dinh danh dien tu cua ban khong duoc phe duyet (ma ${reason}). Vui long kiem tra thong tin hoac den co quan Cong an gan nhat.`,
}

// Level 1 by the applicant themself in the app, as the legal regime says (D69 Art 7; D59 Art 11): a
// child or a ward registers through a representative instead.
const eligible = (policy: Policy, person: PersonView, today: string) => {
  const card = person.cards[0]
  const cardValid = card?.status === 'valid' && (card.expiresOn === null || card.expiresOn > today)
  const e = policy.eligibility(
    {
      kind: 'citizen',
      dateOfBirth: person.dateOfBirth,
      hasValidCard: cardValid,
      alive: person.status === 'alive',
    },
    1,
    today,
  )
  return e.kind === 'eligible' && e.registrant === 'self'
}

/** The automatic check of one dossier (DOMAIN §4 rule 1): registry match, eligibility, selfie against the portrait. */
const check = async (
  deps: ProcessorDeps,
  d: DossierRow,
): Promise<{ reason: RejectionReason | null; verificationId: string | null }> => {
  if (await findAccountBySubject(deps.db, d.subject_id))
    return { reason: 'ACCOUNT_EXISTS', verificationId: null }
  const declared = d.declared as DeclaredData
  const match = await matchDeclared(deps.db, {
    personalId: d.subject_id,
    fullName: declared.fullName,
    dateOfBirth: declared.dateOfBirth,
  })
  if (match.kind !== 'match') return { reason: 'DECLARED_DATA_MISMATCH', verificationId: null }
  if (!eligible(deps.policy, match.person, vietnamDateOf(deps.clock.now())))
    return { reason: 'NOT_ELIGIBLE', verificationId: null }
  if (!d.selfie_enc) return { reason: 'SELFIE_UNUSABLE', verificationId: null }
  const selfie = deps.biometrics.images.open(d.selfie_enc, selfieAad(d.id))
  try {
    const v = await verifyFace(deps, SYSTEM, { subjectId: d.subject_id, image: selfie, use: 'app_selfie' })
    return { reason: v.decision === 'match' ? null : 'FACE_MISMATCH', verificationId: v.verificationId }
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    if (e.code === 'biometrics.NO_REFERENCE') return { reason: 'NO_PORTRAIT_ON_RECORD', verificationId: null }
    const verificationId = typeof e.details?.verificationId === 'string' ? e.details.verificationId : null
    if (/^biometrics\.(FACE_(?!ENGINE)|IMAGE_)/.test(e.code))
      return { reason: 'SELFIE_UNUSABLE', verificationId }
    throw e
  }
}

/**
 * Checks one waiting dossier and decides it: an approval creates the level-1 account (to be activated),
 * either outcome is sent by SMS (and e-mail) in the same transaction. Null when another processor has it.
 */
export const processDossier = async (deps: ProcessorDeps, dossierId: string): Promise<Decision | null> => {
  const d = await claimDossier(deps.db, dossierId, deps.clock.now())
  if (!d) return null
  let outcome: Awaited<ReturnType<typeof check>>
  try {
    outcome = await check(deps, d)
  } catch (e) {
    // The engine was busy or failed: the dossier goes back to the queue, to be checked again.
    await releaseDossier(deps.db, d.id)
    throw e
  }
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx): Promise<Decision> => {
    const accountId = outcome.reason === null ? randomUUID() : null
    if (accountId)
      await insertAccount(trx, {
        id: accountId,
        subject_id: d.subject_id,
        subject_kind: 'citizen',
        level: 1,
        status: 'approved',
        phone: d.phone,
        email: d.email,
        password_hash: null,
        passcode_hash: null,
        security_qa: null,
        created_via: 'app',
        dossier_id: d.id,
        created_at: now,
        approved_at: now,
        activated_at: null,
        updated_at: now,
      })
    await decideDossier(trx, d.id, {
      state: accountId ? 'approved' : 'rejected',
      reason: outcome.reason,
      at: now,
      accountId,
      verificationId: outcome.verificationId,
    })
    const body = outcome.reason === null ? SMS.approved : SMS.rejected(outcome.reason)
    const template = outcome.reason === null ? 'accounts.dossier.approved' : 'accounts.dossier.rejected'
    await enqueueNotification(trx, deps.clock, {
      channel: 'sms',
      recipient: d.phone,
      template,
      body,
      data: { dossierId: d.id },
    })
    if (d.email)
      await enqueueNotification(trx, deps.clock, {
        channel: 'email',
        recipient: d.email,
        template,
        subject: 'Hồ sơ đăng ký tài khoản định danh điện tử',
        body,
        data: { dossierId: d.id },
      })
    await recordAudit(trx, deps.clock, {
      actor: SYSTEM.id,
      actorKind: 'system',
      action: accountId ? 'accounts.dossier.approved' : 'accounts.dossier.rejected',
      subject: d.subject_id,
      subjectKind: 'citizen',
      purpose: SYSTEM.purpose,
      data: { dossierId: d.id, ...(outcome.reason ? { reason: outcome.reason } : { accountId, level: 1 }) },
    })
    return accountId
      ? { state: 'approved', accountId }
      : { state: 'rejected', reason: outcome.reason as RejectionReason }
  })
}

/** Checks every waiting dossier once, oldest first; what failed stays queued. */
export const processWaitingDossiers = async (deps: ProcessorDeps, limit = 20) => {
  let decided = 0
  for (const id of await waitingDossierIds(deps.db, limit)) {
    try {
      if (await processDossier(deps, id)) decided++
    } catch (e) {
      deps.log.warn({ dossierId: id, err: e }, 'dossier check failed; it stays queued')
    }
  }
  return decided
}

/** Polls for waiting dossiers, like the outbox worker; `stop()` waits for the round in progress. */
export const startDossierProcessor = (deps: ProcessorDeps, opts: { pollMs?: number } = {}) =>
  startPeriodic(() => processWaitingDossiers(deps), {
    intervalMs: opts.pollMs ?? 1000,
    onError: (e) => deps.log.error({ err: e }, 'dossier processor round failed'),
  })
