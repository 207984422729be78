import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import type { DossierCase } from '../policy/index.js'
import { fileCardApplication } from './card-application.service.js'
import { loadCounterDossier } from './counter-dossier.load.js'
import { moveCounterDossier } from './counter-dossier.repository.js'
import type { Ctx } from './counter-open.service.js'
import { auditOfficerAction } from './enrolment.audit.js'
import { ENROLMENT } from './enrolment.errors.js'
import type { CounterDossierRow, RequestedCard } from './enrolment.table.js'

export type ConfirmDeps = Pick<Deps, 'db' | 'clock' | 'policy'>

/** The legal time limit (DOMAIN §2.4, D69 Art 13): 3 working days, 7 with a card or first biometrics. */
export const dueCaseOf = (d: CounterDossierRow): DossierCase =>
  d.kind === 'FOREIGNER_L2_COUNTER'
    ? d.biometrics_enrolled
      ? 'foreigner_level2_without_biometrics'
      : 'foreigner_level2_biometrics_on_file'
    : d.card_request
      ? 'citizen_with_card_issuance'
      : 'citizen_level2'

/**
 * The citizen checked every field and signed (DOMAIN §5.2; D59 Art 14 consent): the dossier is complete,
 * received today, and its deadline runs. A card application riding along is filed in the same transaction.
 */
export const confirmCounterDossier = async (deps: ConfirmDeps, id: string, statement: string, ctx: Ctx) => {
  const d = await loadCounterDossier(deps, id, ctx.officer)
  if (d.state !== 'awaiting_confirmation') fail(ENROLMENT.WRONG_STATE)
  const now = deps.clock.now()
  const today = vietnamDateOf(now)
  const dueCase = dueCaseOf(d)
  return deps.db.transaction().execute(async (trx) => {
    const card = d.card_request as RequestedCard | null
    const application = card
      ? await fileCardApplication(trx, deps, { ...card, personalId: d.subject_id, dossierId: d.id }, ctx)
      : null
    const moved = await moveCounterDossier(trx, id, 'confirm', 'submitted', {
      citizen_confirmed_at: now,
      confirmation_statement: statement,
      received_on: today,
      due_on: deps.policy.dossierDueDate(dueCase, today),
      due_case: dueCase,
      card_application_id: application?.id ?? null,
      updated_at: now,
    })
    if (!moved) return fail(ENROLMENT.WRONG_STATE)
    await auditOfficerAction(
      trx,
      deps.clock,
      ctx.officer,
      'counter.submitted',
      d.subject_id,
      { dossierId: id, dueOn: moved.due_on, dueCase, cardApplicationId: application?.id ?? null },
      ctx.requestId,
    )
    return moved
  })
}

/** Cancels a dossier the citizen does not complete (before submission only). */
export const cancelCounterDossier = async (deps: ConfirmDeps, id: string, ctx: Ctx) => {
  const d = await loadCounterDossier(deps, id, ctx.officer)
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const moved = await moveCounterDossier(trx, id, 'cancel', 'cancelled', { updated_at: now })
    if (!moved) return fail(ENROLMENT.WRONG_STATE)
    await auditOfficerAction(
      trx,
      deps.clock,
      ctx.officer,
      'counter.cancelled',
      d.subject_id,
      { dossierId: id },
      ctx.requestId,
    )
    return moved
  })
}
