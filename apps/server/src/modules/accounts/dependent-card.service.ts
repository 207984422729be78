import type { Deps } from '../../deps.js'
import { readPortrait } from '../biometrics/index.js'
import { formatPartialDate } from '../registry/index.js'
import { openLocks } from './lock.repository.js'
import { actingFor, auditBoth, birthDateOf, type DependentsDeps } from './representation.js'
import type { CurrentSession } from './session.service.js'

export type DependentCardDeps = DependentsDeps & Pick<Deps, 'biometrics'>

/**
 * A representative views the dependent's electronic identity: who they are, their account and its locks,
 * and the portrait on record if there is one. An act for the dependent, recorded under both.
 */
export const dependentCard = async (
  deps: DependentCardDeps,
  s: CurrentSession,
  dependentId: string,
  requestId?: string,
) => {
  const { representation, person, account, endsOn } = await actingFor(deps, s.account, dependentId)
  const portrait = await readPortrait(deps.db, deps.biometrics, dependentId)
  const locks = account ? await openLocks(deps.db, account.id) : []
  await deps.db
    .transaction()
    .execute((trx) =>
      auditBoth(trx, deps, s.account, dependentId, 'card.read', { portrait: portrait !== null }, requestId),
    )
  const card = person.cards[0]
  return {
    personalId: person.personal_id,
    fullName: person.full_name,
    dateOfBirth: formatPartialDate(birthDateOf(person)),
    gender: person.gender,
    relation: representation.relation,
    regime: representation.regime,
    account: account ? { level: account.level, status: account.status } : null,
    locks: locks.map((l) => ({
      initiator: l.initiator,
      ground: l.ground,
      since: new Date(l.locked_at).toISOString(),
      byYou: l.locked_by === s.account.subject_id,
    })),
    idCard: card
      ? { kind: card.kind, issuedOn: card.issued_on, expiresOn: card.expires_on, status: card.status }
      : null,
    takeoverOn: endsOn ?? null,
    photo: portrait ? `data:${portrait.type};base64,${portrait.bytes.toString('base64')}` : null,
  }
}
