import type { Account, AccountClaims, FindAccount } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { findAccountBySubject } from '../accounts/index.js'
import { FOREIGNER_ID, findForeignerRecord, findPersonRecord } from '../registry/index.js'
import { birthdate } from './oidc.birthdate.js'
import { extraClaims } from './oidc.claims.js'
import { onlyLoginFacts, releaseRecorder } from './oidc.releases.js'

type AccountDeps = Pick<Deps, 'db'>

/** Name, date of birth and gender from the population (or immigration) registry: the `profile` scope. */
const profileClaims = async (deps: AccountDeps, subjectId: string) => {
  if (FOREIGNER_ID.test(subjectId)) {
    const f = await findForeignerRecord(deps.db, subjectId)
    return f ? { name: f.fullName, birthdate: f.dateOfBirth, gender: f.gender } : {}
  }
  const p = await findPersonRecord(deps.db, subjectId)
  return p
    ? { name: p.full_name, birthdate: birthdate(p.birth_year, p.birth_month, p.birth_day), gender: p.gender }
    : {}
}

/** The claims a scope string releases; the registry is read only when a scope needs it. */
export const claimsOf = async (
  deps: AccountDeps,
  subjectId: string,
  scope: string,
): Promise<AccountClaims> => {
  const scopes = new Set(scope.split(' '))
  return {
    sub: subjectId,
    ...(scopes.has('profile') ? await profileClaims(deps, subjectId) : {}),
    ...(scopes.has('vn_id') ? { vn_id: subjectId } : {}),
    ...(await extraClaims(deps, subjectId, scopes)),
  }
}

/**
 * The provider's account is the e-ID account, keyed by its username (the personal ID number). Only an
 * active account is found: a locked or closed one stops getting tokens and userinfo at once.
 */
export const findAccount = (deps: AccountDeps & Pick<Deps, 'clock'>): FindAccount => {
  const recordRelease = releaseRecorder(deps)
  return async (ctx, sub): Promise<Account | undefined> => {
    const account = await findAccountBySubject(deps.db, sub)
    if (account?.status !== 'active') return undefined
    return {
      accountId: sub,
      // Read by the level check (oidc.policy.ts) of the same request instead of a second query.
      level: account.level,
      claims: async (use, scope, claims, rejected) => {
        // An ID token beside an access token carries only the login facts: no registry read for it.
        if (use === 'id_token' && onlyLoginFacts(ctx, claims)) return { sub }
        const available = await claimsOf(deps, sub, scope)
        // Logged before the claims go back to the provider: a failed write means no data leaves.
        await recordRelease(ctx, sub, { use, scope, claims, rejected }, available)
        return available
      },
    }
  }
}
