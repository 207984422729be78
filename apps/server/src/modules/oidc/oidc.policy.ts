import { errors, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { findAccountBySubject } from '../accounts/index.js'
import { noMachineScopeInLogins } from './client-credentials.js'
import { clientRowOnce } from './clients.lookup.js'
import { actForPrompt } from './oidc.act-for.js'
import { levelOfAcr, requiredLevel } from './oidc.levels.js'

const { Check } = interactionPolicy

/** The account as findAccount loaded it for this request (active, with its level), else read again. */
const accountOf = async (deps: Pick<Deps, 'db'>, ctx: KoaContextWithOIDC, accountId: string) => {
  const loaded = ctx.oidc.account
  if (loaded?.accountId === accountId && typeof loaded.level === 'number')
    return { status: 'active', level: loaded.level }
  return findAccountBySubject(deps.db, accountId)
}

/**
 * Before anything is issued for a logged-in citizen: the account must still be active and at least at the
 * level the relying party requires (its registered minimum, raised by acr_values). An account's level
 * cannot be raised in a browser (level 2 is granted at a police counter), so a low level ends the request
 * with access_denied at the relying party instead of asking the citizen for anything.
 */
const accountMayLogIn = (deps: Pick<Deps, 'db' | 'notifications'>) =>
  new Check(
    'account_level',
    'the e-ID account does not reach the level this relying party requires',
    'access_denied',
    async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId
      const clientId = ctx.oidc.client?.clientId
      if (!accountId || !clientId) return Check.NO_NEED_TO_PROMPT
      const [account, client] = await Promise.all([
        accountOf(deps, ctx, accountId),
        clientRowOnce(deps, clientId),
      ])
      if (account?.status !== 'active') throw new errors.AccessDenied('the e-ID account is locked or closed')
      const required = requiredLevel(client?.min_level ?? 2, ctx.oidc.params?.acr_values)
      if (account.level < required)
        throw new errors.AccessDenied(
          `this service requires a level ${required} e-ID account; this account is level ${account.level}`,
        )
      return Check.NO_NEED_TO_PROMPT
    },
  )

/**
 * The account reaches the required level but this browser's login does not (the account was raised to
 * level 2 at a counter after the login): the citizen logs in again, and the new login carries the new acr.
 */
const sessionReachesLevel = (deps: Pick<Deps, 'db' | 'notifications'>) =>
  new Check(
    'acr_step_up',
    "the session's authentication context is below the level this request requires",
    'login_required',
    async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session
      const clientId = ctx.oidc.client?.clientId
      if (!session?.accountId || !clientId || ctx.oidc.result?.login) return Check.NO_NEED_TO_PROMPT
      const client = await clientRowOnce(deps, clientId)
      const required = requiredLevel(client?.min_level ?? 2, ctx.oidc.params?.acr_values)
      return (levelOfAcr(session.acr) ?? 0) < required ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT
    },
  )

/** oidc-provider's login and consent prompts, with the level rules added to login; "who for?" between them. */
export const interactionPolicyFor = (deps: Pick<Deps, 'db' | 'clock' | 'policy' | 'notifications'>) => {
  const policy = interactionPolicy.base()
  policy.get('login')?.checks.add(accountMayLogIn(deps))
  policy.get('login')?.checks.add(sessionReachesLevel(deps))
  policy.get('login')?.checks.add(noMachineScopeInLogins)
  policy.add(actForPrompt(deps), 1)
  return policy
}
