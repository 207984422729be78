import {
  type Account,
  type AccountClaims,
  errors,
  type FindAccount,
  type KoaContextWithOIDC,
} from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { AppError } from '../../platform/errors.js'
import { actingForSubject, findAccountBySubject } from '../accounts/index.js'
import { FOREIGNER_ID, findForeignerRecord, findPersonRecord } from '../registry/index.js'
import { clientRowOnce } from './clients.lookup.js'
import { accountIdForRequest, parseActingAccountId, WITHHELD_FOR_DEPENDENTS } from './oidc.act-for.js'
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

// A subject's pairwise `sub` for the request's relying party, by the provider's own rule (pairwiseIdentifier).
const pairwiseSubOf = async (ctx: KoaContextWithOIDC, subjectId: string) =>
  String((await new ctx.oidc.provider.Claims({ sub: subjectId }, { ctx }).scope('openid').result()).sub)

type FindAccountDeps = AccountDeps & Pick<Deps, 'clock' | 'policy' | 'notifications'>

/**
 * A representative signed in for a dependent (docs/oidc.md, "Acting for a dependent"): the claims are the
 * dependent's, `act` names the representative, and the account is found only while the representation is
 * live, so a representation that ends stops the tokens at the next refresh or userinfo call.
 */
const actingAccount = async (
  deps: FindAccountDeps,
  recordRelease: ReturnType<typeof releaseRecorder>,
  ctx: KoaContextWithOIDC,
  accountId: string,
  who: { dependent: string; representative: string },
  token: { clientId?: string | undefined } | undefined,
): Promise<Account | undefined> => {
  // The relying party must allow it now (its cached row is dropped on any change): off, nothing more for dependents.
  const clientId = token?.clientId ?? ctx.oidc.client?.clientId
  if (!clientId || !(await clientRowOnce(deps, clientId))?.allow_dependents) {
    // In the authorization request itself (no token yet) the relying party hears why; later uses find no account.
    if (!token) throw new errors.AccessDenied('this service no longer allows signing in for a dependent')
    return undefined
  }
  const relationship = await liveRelationship(deps, who)
  if (relationship === undefined) return undefined
  return {
    accountId,
    claims: async (use, scope, claims, rejected) => {
      const act = { sub: await pairwiseSubOf(ctx, who.representative), relationship }
      const scopes = scope.split(' ').filter((s) => !WITHHELD_FOR_DEPENDENTS.has(s))
      // An ID token beside an access token carries only the login facts and act: no registry read for it.
      const personal =
        use === 'id_token' && onlyLoginFacts(ctx, claims)
          ? {}
          : await claimsOf(deps, who.dependent, scopes.join(' '))
      const available = { ...personal, sub: accountId, act }
      // Logged under the dependent, whose data leaves, naming the representative who chose to share it.
      await recordRelease(ctx, who.dependent, { use, scope, claims, rejected }, available, who.representative)
      return available
    },
  }
}

// How the representative is related to the dependent while the representation is live, else undefined.
const liveRelationship = async (
  deps: FindAccountDeps,
  who: { dependent: string; representative: string },
): Promise<string | undefined> => {
  try {
    return (await actingForSubject(deps, who.representative, who.dependent)).representation.relation
  } catch (e) {
    if (e instanceof AppError) return undefined
    throw e
  }
}

/**
 * Whether a token still stands for its account, as introspection must answer: a token a representative got
 * for a dependent stops when the representation ends or the relying party stops allowing it, exactly when
 * findAccount stops finding the acting account (oidc-provider's introspection checks only the grant).
 */
export const tokenAccountLive = async (
  deps: FindAccountDeps,
  token: { accountId?: string | undefined; clientId?: string | undefined },
) => {
  const acting = token.accountId ? parseActingAccountId(token.accountId) : null
  if (!acting) return true
  if (!token.clientId || !(await clientRowOnce(deps, token.clientId))?.allow_dependents) return false
  return (await liveRelationship(deps, acting)) !== undefined
}

/**
 * The provider's account is the e-ID account, keyed by its username (the personal ID number). Only an
 * active account is found: a locked or closed one stops getting tokens and userinfo at once.
 */
export const findAccount = (deps: FindAccountDeps): FindAccount => {
  const recordRelease = releaseRecorder(deps)
  return async (ctx, id, token): Promise<Account | undefined> => {
    // A representative who chose a dependent in this authorization request is resolved to the acting account.
    const sub = accountIdForRequest(ctx, id)
    const acting = parseActingAccountId(sub)
    if (acting) return actingAccount(deps, recordRelease, ctx, sub, acting, token)
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
