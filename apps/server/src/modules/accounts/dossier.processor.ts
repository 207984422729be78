import { randomUUID } from 'node:crypto'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { startPeriodic } from '../../platform/periodic.js'
import { insertAccount } from './account.repository.js'
import type { DossierRow } from './accounts.table.js'
import { checkCitizen } from './dossier.check-citizen.js'
import { checkForeigner } from './dossier.check-foreigner.js'
import { type CheckOutcome, SYSTEM } from './dossier.checks.js'
import type { RejectionReason } from './dossier.flow.js'
import { claimDossier, decideDossier, releaseDossier, waitingDossierIds } from './dossier.repository.js'

export type ProcessorDeps = Pick<Deps, 'db' | 'clock' | 'biometrics' | 'log' | 'policy' | 'phoneOwnership'>
export type Decision =
  | { state: 'approved'; accountId: string }
  | { state: 'rejected'; reason: RejectionReason }

// SMS texts carry no diacritics: every handset shows them, and one message holds 160 characters.
const SMS = {
  approved:
    'Ho so dang ky tai khoan dinh danh dien tu muc 1 cua ban da duoc phe duyet. De nghi truy cap ung dung dinhdanh de kich hoat tai khoan.',
  // A foreigner learns their username (the foreigner ID number) here, in English too.
  approvedForeigner: (username: string) =>
    `Ho so dang ky tai khoan dinh danh dien tu muc 1 da duoc phe duyet. Ten dang nhap: ${username}. Your e-ID account is approved: activate it in the dinhdanh app with username ${username}.`,
  rejected: (reason: RejectionReason) =>
    `Ho so dang ky tai khoan dinh danh dien tu cua ban khong duoc phe duyet (ma ${reason}). Vui long kiem tra thong tin hoac den co quan Cong an gan nhat.`,
}

const smsOf = (d: DossierRow, outcome: CheckOutcome) =>
  outcome.reason !== null
    ? SMS.rejected(outcome.reason)
    : d.kind === 'FOREIGNER_L1_APP'
      ? SMS.approvedForeigner(outcome.subject.id)
      : SMS.approved

/** The automatic check of one dossier (DOMAIN §4 rule 1), by who applies. */
const check = (deps: ProcessorDeps, d: DossierRow) =>
  d.kind === 'FOREIGNER_L1_APP' ? checkForeigner(deps, d) : checkCitizen(deps, d)

/**
 * Checks one waiting dossier and decides it: an approval creates the level-1 account (to be activated),
 * either outcome is sent by SMS (and e-mail) in the same transaction. Null when another processor has it.
 */
export const processDossier = async (deps: ProcessorDeps, dossierId: string): Promise<Decision | null> => {
  const d = await claimDossier(deps.db, dossierId, deps.clock.now())
  if (!d) return null
  let outcome: CheckOutcome
  try {
    outcome = await check(deps, d)
  } catch (e) {
    // The face engine or the carrier failed or was busy: back to the queue, to be checked again.
    await releaseDossier(deps.db, d.id)
    throw e
  }
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx): Promise<Decision> => {
    const accountId = outcome.reason === null ? randomUUID() : null
    if (accountId)
      await insertAccount(trx, {
        id: accountId,
        subject_id: outcome.subject.id,
        subject_kind: outcome.subject.kind,
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
    const body = smsOf(d, outcome)
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
      subject: outcome.subject.id,
      subjectKind: outcome.subject.kind,
      purpose: SYSTEM.purpose,
      data: {
        dossierId: d.id,
        kind: d.kind,
        ...(outcome.reason ? { reason: outcome.reason } : { accountId, level: 1 }),
      },
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
