import { parseCccdQr, vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import type { Officer } from '../officers/index.js'
import { findForeignerRecord, findPersonRecord, formatPartialDate } from '../registry/index.js'
import type { SubscriberDocument } from '../telecom/index.js'
import { ENROLMENT } from './enrolment.errors.js'
import type { CounterDossierKind, RequestedCard } from './enrolment.table.js'

/** Who the dossier is about, as the counter finds them: `{ personalId }`, `{ qr }` or `{ foreignerId }`. */
export type SubjectQuery = { personalId?: string; qr?: string; foreignerId?: string }

export type CounterSubject = {
  kind: CounterDossierKind
  id: string
  fullName: string
  dateOfBirth: string
  /** A card valid today (or a residence card and passport for a foreigner). */
  validCard: boolean
  document: SubscriberDocument
}

const personalIdOf = (q: SubjectQuery): string | undefined => {
  if (q.personalId) return q.personalId.trim()
  if (!q.qr) return undefined
  const parsed = parseCccdQr(q.qr)
  return parsed.ok ? parsed.value.personalId : fail(ENROLMENT.QR_INVALID, parsed.message)
}

/**
 * Finds the person in the registry, alive, at a unit that may receive them: foreigners only at an
 * immigration office (D69 Art 11), citizens at any police or ID office, wherever they live (D69 Art 10).
 */
export const findCounterSubject = async (
  deps: Pick<Deps, 'db' | 'clock'>,
  officer: Officer,
  q: SubjectQuery,
): Promise<CounterSubject> => {
  const today = vietnamDateOf(deps.clock.now())
  const atImmigration = officer.unit.level === 'immigration_office'
  if (q.foreignerId) {
    if (!atImmigration) fail(ENROLMENT.WRONG_UNIT)
    const f = await findForeignerRecord(deps.db, q.foreignerId.trim())
    if (f?.status !== 'alive') return fail(ENROLMENT.PERSON_NOT_FOUND)
    const residenceValid = f.residenceCard.expiresOn === null || f.residenceCard.expiresOn > today
    return {
      kind: 'FOREIGNER_L2_COUNTER',
      id: f.foreignerId,
      fullName: f.fullName,
      dateOfBirth: f.dateOfBirth,
      validCard: residenceValid && f.passport.expiresOn > today,
      document: {
        foreignerId: f.foreignerId,
        passport: { nationality: f.nationality, number: f.passport.number },
      },
    }
  }
  const personalId = personalIdOf(q) ?? fail(ENROLMENT.SUBJECT_REQUIRED)
  if (atImmigration) fail(ENROLMENT.WRONG_UNIT)
  const p = await findPersonRecord(deps.db, personalId)
  if (p?.status !== 'alive') return fail(ENROLMENT.PERSON_NOT_FOUND)
  const card = p.cards[0]
  return {
    kind: 'CITIZEN_L2_COUNTER',
    id: p.personal_id,
    fullName: p.full_name,
    dateOfBirth: formatPartialDate({ year: p.birth_year, month: p.birth_month, day: p.birth_day }),
    validCard: card?.status === 'valid' && (card.expires_on === null || card.expires_on > today),
    document: { personalId: p.personal_id },
  }
}

/** A card application rides along only for a citizen; without a valid card one must (D69 Art 10(2), 13(2)). */
export const checkCardRequest = (s: CounterSubject, card: RequestedCard | null) => {
  if (card && s.kind === 'FOREIGNER_L2_COUNTER') fail(ENROLMENT.CARD_FOR_CITIZENS_ONLY)
  if (!s.validCard && !card) fail(ENROLMENT.VALID_CARD_REQUIRED)
}
