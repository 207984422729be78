import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { grantLevel2 } from '../accounts/index.js'
import { assertFourEyes } from '../officers/index.js'
import { findPersonRecord } from '../registry/index.js'
import { findCardApplication } from './card-application.repository.js'
import type { CounterRejectionReason } from './counter-dossier.flow.js'
import { loadCounterDossier } from './counter-dossier.load.js'
import { moveCounterDossier } from './counter-dossier.repository.js'
import type { Ctx } from './counter-open.service.js'
import { auditOfficerAction } from './enrolment.audit.js'
import { ENROLMENT } from './enrolment.errors.js'
import type { CounterDossierRow } from './enrolment.table.js'

export type ApprovalDeps = Pick<Deps, 'db' | 'clock' | 'policy'>

// SMS texts carry no diacritics: every handset shows them, and one message holds 160 characters.
const SMS = {
  created:
    'Ho so dang ky tai khoan dinh danh dien tu muc 2 cua ban da duoc phe duyet. De nghi truy cap ung dung dinhdanh de kich hoat tai khoan.',
  upgraded: 'Tai khoan dinh danh dien tu cua ban da duoc nang len muc 2. Can cuoc dien tu da duoc cap.',
  rejected: (reason: string) =>
    `Ho so dang ky tai khoan dinh danh dien tu muc 2 cua ban khong duoc phe duyet (ma ${reason}). Vui long lien he co quan Cong an noi nop ho so.`,
}

const sms = (
  deps: ApprovalDeps,
  trx: Parameters<typeof enqueueNotification>[0],
  d: CounterDossierRow,
  template: string,
  body: string,
) =>
  enqueueNotification(trx, deps.clock, {
    channel: 'sms',
    recipient: d.phone,
    template,
    body,
    data: { dossierId: d.id },
  })

// A dossier with a card application is decided once the card exists: the e-ID card follows it (D69 Art 28).
const assertCardReady = async (deps: ApprovalDeps, d: CounterDossierRow) => {
  if (!d.card_application_id) return
  const a = await findCardApplication(deps.db, d.card_application_id)
  if (a?.state !== 'produced' && a?.state !== 'delivered') fail(ENROLMENT.CARD_NOT_PRODUCED)
}

/** The physical card's expiry, which the electronic ID card follows. */
const cardValidUntil = async (deps: ApprovalDeps, d: CounterDossierRow) => {
  if (d.kind !== 'CITIZEN_L2_COUNTER') return null
  const p = await findPersonRecord(deps.db, d.subject_id)
  return p?.cards.find((c) => c.status === 'valid')?.expires_on ?? null
}

/**
 * Approves a submitted dossier (four eyes, within jurisdiction): one UPDATE … WHERE state = 'submitted'
 * picks the one decision, then in the same transaction the level-2 account (new or upgraded), the e-ID
 * card, the SMS and the audit: a dossier is never left half-approved.
 */
export const approveCounterDossier = async (deps: ApprovalDeps, id: string, ctx: Ctx) => {
  const d = await loadCounterDossier(deps, id, ctx.officer)
  assertFourEyes(d.received_by, ctx.officer.id)
  if (d.state !== 'submitted') fail(ENROLMENT.ALREADY_DECIDED)
  await assertCardReady(deps, d)
  const validUntil = await cardValidUntil(deps, d)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const moved = await moveCounterDossier(trx, id, 'approve', 'approved', {
      decided_by: ctx.officer.id,
      decided_at: now,
      updated_at: now,
    })
    if (!moved) return fail(ENROLMENT.ALREADY_DECIDED)
    const granted = await grantLevel2(trx, deps, {
      subjectId: d.subject_id,
      subjectKind: d.kind === 'FOREIGNER_L2_COUNTER' ? 'foreigner' : 'citizen',
      phone: d.phone,
      email: d.email,
      dossierId: d.id,
      cardValidUntil: validUntil,
      today: vietnamDateOf(now),
      actor: { id: ctx.officer.officerNumber, kind: 'officer', unit: ctx.officer.unit.code },
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    })
    await trx
      .updateTable('enrolment_counter_dossier')
      .set({ account_id: granted.accountId })
      .where('id', '=', id)
      .execute()
    const upgraded = granted.outcome === 'upgraded'
    await sms(
      deps,
      trx,
      d,
      upgraded ? 'enrolment.dossier.upgraded' : 'enrolment.dossier.approved',
      upgraded ? SMS.upgraded : SMS.created,
    )
    await auditOfficerAction(
      trx,
      deps.clock,
      ctx.officer,
      'dossier.approved',
      d.subject_id,
      {
        dossierId: id,
        accountId: granted.accountId,
        outcome: granted.outcome,
        eidCard: granted.eidCard?.number ?? null,
      },
      ctx.requestId,
    )
    return { dossier: { ...moved, account_id: granted.accountId }, granted }
  })
}

/** Rejects a submitted dossier with a reason code (four eyes), told to the citizen by SMS. */
export const rejectCounterDossier = async (
  deps: ApprovalDeps,
  id: string,
  reason: CounterRejectionReason,
  note: string | undefined,
  ctx: Ctx,
) => {
  const d = await loadCounterDossier(deps, id, ctx.officer)
  assertFourEyes(d.received_by, ctx.officer.id)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const moved = await moveCounterDossier(trx, id, 'reject', 'rejected', {
      decided_by: ctx.officer.id,
      decided_at: now,
      reason,
      updated_at: now,
    })
    if (!moved) return fail(ENROLMENT.ALREADY_DECIDED)
    await sms(deps, trx, d, 'enrolment.dossier.rejected', SMS.rejected(reason))
    await auditOfficerAction(
      trx,
      deps.clock,
      ctx.officer,
      'dossier.rejected',
      d.subject_id,
      { dossierId: id, reason, ...(note ? { note } : {}) },
      ctx.requestId,
    )
    return moved
  })
}
