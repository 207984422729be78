import { randomUUID } from 'node:crypto'
import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Transaction } from 'kysely'
import type { Database } from '../../database.js'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { assertFourEyes, assertWithinJurisdiction, type Officer } from '../officers/index.js'
import { cardExpiry, findPersonRecord, issueCard } from '../registry/index.js'
import { CARD_REASONS, type CardApplicationEvent, type CardRejectionReason } from './card-application.flow.js'
import { notifyCardStep } from './card-application.notify.js'
import {
  findCardApplication,
  insertCardApplication,
  moveCardApplication,
  openCardApplicationOf,
} from './card-application.repository.js'
import { auditOfficerAction } from './enrolment.audit.js'
import { ENROLMENT } from './enrolment.errors.js'
import type { CardApplicationRow, CardApplicationState, RequestedCard } from './enrolment.table.js'

export type CardDeps = Pick<Deps, 'db' | 'clock' | 'policy'>
type Ctx = { officer: Officer; requestId?: string }

export const checkCardReason = (c: RequestedCard) => {
  if (!CARD_REASONS[c.kind].includes(c.reason)) fail(ENROLMENT.REASON_INVALID)
}

const scopeOf = (a: CardApplicationRow) => ({
  code: a.unit_code,
  level: a.unit_level,
  provinceCode: a.unit_province,
})

/** Files a card application in the caller's transaction (at the counter, alone or with a TK01 dossier). */
export const fileCardApplication = async (
  trx: Transaction<Database>,
  deps: CardDeps,
  input: RequestedCard & { personalId: string; dossierId: string | null },
  ctx: Ctx,
): Promise<CardApplicationRow> => {
  checkCardReason(input)
  if (await openCardApplicationOf(trx, input.personalId)) fail(ENROLMENT.CARD_APPLICATION_OPEN)
  const today = vietnamDateOf(deps.clock.now())
  const now = deps.clock.now()
  const u = ctx.officer.unit
  const row = {
    id: randomUUID(),
    personal_id: input.personalId,
    kind: input.kind,
    reason: input.reason,
    state: 'received' as const,
    dossier_id: input.dossierId,
    unit_code: u.code,
    unit_level: u.level,
    unit_province: u.provinceCode,
    received_by: ctx.officer.id,
    received_on: today,
    // Card issuance, renewal and reissue: 7 working days (LID 2023 Art 26, uncertain).
    due_on: deps.policy.dossierDueDate('card_issuance', today),
    decided_by: null,
    decided_at: null,
    rejection_reason: null,
    produced_at: null,
    card_issued_on: null,
    delivered_at: null,
    created_at: now,
    updated_at: now,
  }
  await insertCardApplication(trx, row)
  await auditOfficerAction(
    trx,
    deps.clock,
    ctx.officer,
    'card_application.received',
    input.personalId,
    { applicationId: row.id, kind: input.kind, reason: input.reason, dossierId: input.dossierId },
    ctx.requestId,
  )
  return { ...row }
}

/** A card application filed alone at the counter (no TK01). */
export const fileStandaloneCardApplication = async (
  deps: CardDeps,
  input: RequestedCard & { personalId: string },
  ctx: Ctx,
) => {
  const p = await findPersonRecord(deps.db, input.personalId)
  if (p?.status !== 'alive') fail(ENROLMENT.PERSON_NOT_FOUND)
  if (ctx.officer.unit.level === 'immigration_office') fail(ENROLMENT.CARD_FOR_CITIZENS_ONLY)
  return deps.db
    .transaction()
    .execute((trx) => fileCardApplication(trx, deps, { ...input, dossierId: null }, ctx))
}

/** ID cards are the police ID offices' matter (LID 2023 Art 27, uncertain): not an immigration office's to list or move. */
export const assertCardUnit = (officer: Officer) => {
  if (officer.unit.level === 'immigration_office') fail(ENROLMENT.CARD_AT_POLICE_ONLY)
}

const loaded = async (deps: CardDeps, id: string, officer: Officer) => {
  assertCardUnit(officer)
  const a = (await findCardApplication(deps.db, id)) ?? fail(ENROLMENT.CARD_APPLICATION_NOT_FOUND)
  assertWithinJurisdiction(officer.unit, scopeOf(a))
  return a
}

const FROM: Record<CardApplicationEvent, CardApplicationState> = {
  approve: 'received',
  reject: 'received',
  produce: 'approved',
  deliver: 'produced',
}
const TO: Record<CardApplicationEvent, CardApplicationState> = {
  approve: 'approved',
  reject: 'rejected',
  produce: 'produced',
  deliver: 'delivered',
}

/** Writes the produced card into the registry: the new card replaces the old one (the lock job's ground goes). */
const produceCard = async (trx: Transaction<Database>, a: CardApplicationRow, today: string) => {
  const p = (await findPersonRecord(trx, a.personal_id)) ?? fail(ENROLMENT.PERSON_NOT_FOUND)
  const dob = { year: p.birth_year, month: p.birth_month, day: p.birth_day }
  await issueCard(trx, {
    personalId: a.personal_id,
    kind: 'CAN_CUOC_2024',
    issuedOn: today,
    expiresOn: cardExpiry(dob, today),
    authority: 'Bộ Công an',
  })
}

/**
 * One step of a card application: approve or reject by another officer than the one who received it
 * (four eyes), produce (the card is written into the registry), deliver (handed over at the counter).
 */
export const moveCard = async (
  deps: CardDeps,
  id: string,
  event: CardApplicationEvent,
  ctx: Ctx,
  rejection?: CardRejectionReason,
) => {
  const a = await loaded(deps, id, ctx.officer)
  if (event === 'approve' || event === 'reject') assertFourEyes(a.received_by, ctx.officer.id)
  const now = deps.clock.now()
  const today = vietnamDateOf(now)
  return deps.db.transaction().execute(async (trx) => {
    const moved = await moveCardApplication(trx, id, FROM[event], TO[event], {
      updated_at: now,
      ...(event === 'approve' || event === 'reject' ? { decided_by: ctx.officer.id, decided_at: now } : {}),
      ...(event === 'reject' ? { rejection_reason: rejection ?? 'OTHER' } : {}),
      ...(event === 'produce' ? { produced_at: now, card_issued_on: today } : {}),
      ...(event === 'deliver' ? { delivered_at: now } : {}),
    })
    if (!moved) return fail(ENROLMENT.WRONG_STATE)
    if (event === 'produce') await produceCard(trx, moved, today)
    // The applicant hears of every step that asks something of them: refused, ready to collect, handed over.
    if (event === 'produce') await notifyCardStep(trx, deps.clock, moved, { kind: 'produced' })
    if (event === 'deliver') await notifyCardStep(trx, deps.clock, moved, { kind: 'delivered' })
    if (event === 'reject')
      await notifyCardStep(trx, deps.clock, moved, { kind: 'rejected', reason: rejection ?? 'OTHER' })
    await auditOfficerAction(
      trx,
      deps.clock,
      ctx.officer,
      `card_application.${TO[event]}`,
      a.personal_id,
      { applicationId: id, ...(rejection ? { reason: rejection } : {}) },
      ctx.requestId,
    )
    return moved
  })
}

export const readCardApplication = (deps: CardDeps, id: string, officer: Officer) => loaded(deps, id, officer)
