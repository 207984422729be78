import { vietnamDateOf } from '@dinhdanh/vn-id'
import type { Deps } from '../../deps.js'
import { recordDataAccess } from '../data-access/index.js'
import type { MachineCaller } from '../oidc/index.js'
import { limitVerifierChecks, type RetryAfterSink } from './card-check.rate-limit.js'
import { type CardCheckOutcome, checkCardQr } from './card-check.service.js'
import { identityMatches } from './card-check.verdict.js'
import type { CardCheckView } from './card-check.view.js'

export const CARD_QR_CHANNEL = 'card_qr.check'

/**
 * What a verifier may learn: the QR they hold, match booleans and statuses, never a registry value. The
 * person's death and the card's status only when name, birth date and sex match, so that someone who knows
 * a number learns no more than whether it exists.
 */
export const toVerifierView = (c: CardCheckOutcome): CardCheckView => {
  const identified = identityMatches(c.registry.matches)
  return {
    verdict: c.verdict,
    checkedOn: c.checkedOn,
    parsed: c.parsed,
    registry: {
      found: c.registry.found,
      idCancelled: c.registry.idCancelled,
      matches: c.registry.matches,
      deceased: identified ? c.registry.deceased : null,
      card: identified ? c.registry.card : null,
    },
  }
}

/** The claim names the answer tells the verifier something about: exactly what the data-access log records. */
export const claimsReleased = (view: CardCheckView): string[] => {
  const r = view.registry
  if (!r.matches) return ['vn_id']
  return [
    'vn_id',
    'name',
    'birthdate',
    'gender',
    ...(r.matches.oldCmnd === null ? [] : ['old_id_number']),
    ...(r.card ? ['card_status'] : []),
    ...(r.deceased === null ? [] : ['vital_status']),
  ]
}

/**
 * A registered verifier checks a card's QR: the check and the citizen's data-access entry are one
 * transaction, and the entry is written before the answer leaves. A number nobody holds has no one to log for.
 * First the verifier's per-minute limit (enumeration of the registry): over it, nothing is read or logged.
 */
export const checkCardQrAsVerifier = async (
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  caller: MachineCaller,
  qr: string,
  requestId: string,
  reply?: RetryAfterSink,
): Promise<CardCheckView> => {
  await limitVerifierChecks(deps, caller.clientId, reply)
  return deps.db.transaction().execute(async (trx) => {
    const outcome = await checkCardQr({ db: trx }, qr, { today: vietnamDateOf(deps.clock.now()) })
    const view = toVerifierView(outcome)
    if (outcome.subjectId !== null)
      await recordDataAccess(trx, deps.clock, {
        subjectId: outcome.subjectId,
        recipient: { kind: 'verifier', id: caller.clientId, name: caller.name },
        channel: CARD_QR_CHANNEL,
        claims: claimsReleased(view),
        purpose: caller.purpose,
        requestId,
      })
    return view
  })
}
