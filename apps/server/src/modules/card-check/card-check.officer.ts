import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { recordAudit } from '../../platform/audit/index.js'
import type { OfficerContext } from '../registry/index.js'
import { checkCardQr } from './card-check.service.js'
import type { OfficerCardCheckView } from './card-check.view.js'

/**
 * An officer checks a card's QR and sees the registry's record beside the verdict. As any officer read of
 * the registry, it is audited in the same transaction (actor, unit, purpose), under the person found.
 */
export const checkCardQrAsOfficer = (
  deps: Pick<Deps, 'db' | 'clock'>,
  officer: OfficerContext,
  qr: string,
): Promise<OfficerCardCheckView> =>
  deps.db.transaction().execute(async (trx) => {
    const outcome = await checkCardQr({ db: trx }, qr, { today: vietnamDateOf(deps.clock.now()) })
    if (outcome.subjectId !== null)
      await recordAudit(trx, deps.clock, {
        actor: officer.actor,
        actorKind: 'officer',
        action: 'card_check.qr.checked',
        subject: outcome.subjectId,
        subjectKind: 'citizen',
        purpose: officer.purpose,
        data: {
          ...(officer.unit === null ? {} : { unit: officer.unit }),
          verdict: outcome.verdict,
          ...(outcome.registry.idCancelled ? { lookedUpBy: 'cancelledNumber' } : {}),
        },
        requestId: officer.requestId,
      })
    const { subjectId: _subject, person, ...check } = outcome
    return {
      ...check,
      person: person && {
        personalId: person.personalId,
        fullName: person.fullName,
        dateOfBirth: person.dateOfBirth,
        gender: person.gender,
        permanentAddress: person.permanentAddress,
        status: person.status,
        diedOn: person.diedOn,
        cards: person.cards,
        oldIdNumbers: person.oldIdNumbers,
      },
    }
  })
