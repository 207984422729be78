import { AppError, fail } from '../../platform/errors.js'
import { findAccountBySubject } from './account.repository.js'
import { ACCOUNTS } from './accounts.errors.js'
import type { AccountRow, RepresentationRow } from './accounts.table.js'
import { actingFor, type DependentsDeps, type Represented } from './representation.js'

/** A dependent a representative may sign in for at a relying party (the OpenID provider's chooser). */
export type ActableDependent = {
  personalId: string
  fullName: string
  relation: RepresentationRow['relation']
}

export type ActingForSubject = Represented & { representative: AccountRow }

// A locked or closed account of the dependent's own stops its use everywhere, as the holder's own would.
const usable = (r: Represented) =>
  r.account === null || r.account.status === 'approved' || r.account.status === 'active'

/**
 * Whether the holder of `representativeId` acts for `dependentId` now, by the one rule every act in the app
 * follows (actingFor: a live representation, the registry's relation, before the takeover age), with the
 * representative's own account active and the dependent's own account (Decree 69) neither locked nor closed.
 */
export const actingForSubject = async (
  deps: DependentsDeps,
  representativeId: string,
  dependentId: string,
): Promise<ActingForSubject> => {
  const representative = await findAccountBySubject(deps.db, representativeId)
  if (representative?.status !== 'active') return fail(ACCOUNTS.NOT_REPRESENTATIVE)
  const represented = await actingFor(deps, representative, dependentId)
  if (!usable(represented)) fail(ACCOUNTS.ACCOUNT_LOCKED)
  return { ...represented, representative }
}

/** The dependents the holder acts for today, oldest representation first: ended or aged-out ones are left out. */
export const dependentsToActFor = async (
  deps: DependentsDeps,
  representativeId: string,
): Promise<ActableDependent[]> => {
  const representative = await findAccountBySubject(deps.db, representativeId)
  if (representative?.status !== 'active') return []
  const live = await deps.db
    .selectFrom('accounts_representation')
    .select('dependent_subject_id')
    .where('representative_account_id', '=', representative.id)
    .where('ended_at', 'is', null)
    .orderBy('created_at')
    .execute()
  const out: ActableDependent[] = []
  for (const { dependent_subject_id: id } of live) {
    try {
      const r = await actingFor(deps, representative, id)
      if (usable(r))
        out.push({ personalId: id, fullName: r.person.full_name, relation: r.representation.relation })
    } catch (e) {
      // Refused by the rule (aged out, no longer in the registry): simply not offered.
      if (!(e instanceof AppError)) throw e
    }
  }
  return out
}
