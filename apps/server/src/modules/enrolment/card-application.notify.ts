import type { Db } from '../../database.js'
import type { Clock } from '../../platform/clock.js'
import { enqueueNotification } from '../../platform/notify/index.js'
import { findAccountBySubject } from '../accounts/index.js'
import { toSmsText } from '../authn/index.js'
import { findUnit } from '../officers/index.js'
import type { CardRejectionReason } from './card-application.flow.js'
import { findCounterDossier } from './counter-dossier.repository.js'
import type { CardApplicationRow } from './enrolment.table.js'

// Plain ASCII: one GSM-7 segment per message, like the other SMS of the platform.
const SMS = {
  produced: (unit: string) =>
    `The can cuoc cua ban da duoc san xuat. Moi ban den ${toSmsText(unit)} de nhan the, mang theo phieu hen.`,
  delivered: 'The can cuoc cua ban da duoc trao. The cu (neu co) het gia tri su dung.',
  rejected: (reason: CardRejectionReason) =>
    `Ho so cap the can cuoc cua ban khong duoc chap thuan (ma ${reason}). Vui long lien he co quan Cong an noi nop ho so.`,
}

/**
 * The applicant's phone: the one declared on the TK01 dossier filed with the card, else the e-ID account's;
 * an applicant with neither is told at the counter, as before e-ID accounts.
 */
const applicantPhone = async (db: Db, a: CardApplicationRow): Promise<string | null> => {
  const dossier = a.dossier_id ? await findCounterDossier(db, a.dossier_id) : undefined
  if (dossier) return dossier.phone
  const account = await findAccountBySubject(db, a.personal_id)
  return account && account.status !== 'closed' ? account.phone : null
}

/**
 * Tells the applicant, in the step's transaction, that the card was refused, is ready to collect at the unit
 * that received the application, or was handed over.
 */
export const notifyCardStep = async (
  db: Db,
  clock: Clock,
  a: CardApplicationRow,
  step: { kind: 'produced' } | { kind: 'delivered' } | { kind: 'rejected'; reason: CardRejectionReason },
) => {
  const phone = await applicantPhone(db, a)
  if (!phone) return
  const body =
    step.kind === 'produced'
      ? SMS.produced((await findUnit(db, a.unit_code))?.name ?? a.unit_code)
      : step.kind === 'delivered'
        ? SMS.delivered
        : SMS.rejected(step.reason)
  await enqueueNotification(db, clock, {
    channel: 'sms',
    recipient: phone,
    template: `enrolment.card_application.${step.kind}`,
    body,
    data: { applicationId: a.id },
  })
}
