import { errors, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { findAccountBySubject } from '../accounts/index.js'
import { findClient } from './clients.repository.js'
import { requiredLevel } from './oidc.levels.js'

const { Check } = interactionPolicy

/**
 * Before anything is issued for a logged-in citizen: the account must still be active and at least at the
 * level the relying party requires (its registered minimum, raised by acr_values). A level cannot be
 * stepped up in a browser (level 2 is granted at a police counter), so a low level ends the request with
 * access_denied at the relying party instead of asking the citizen for anything.
 */
const accountMayLogIn = (deps: Pick<Deps, 'db'>) =>
  new Check(
    'account_level',
    'the e-ID account does not reach the level this relying party requires',
    'access_denied',
    async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId
      const clientId = ctx.oidc.client?.clientId
      if (!accountId || !clientId) return Check.NO_NEED_TO_PROMPT
      const [account, client] = await Promise.all([
        findAccountBySubject(deps.db, accountId),
        findClient(deps.db, clientId),
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

/** oidc-provider's login and consent prompts, with the level rule added to login. */
export const interactionPolicyFor = (deps: Pick<Deps, 'db'>) => {
  const policy = interactionPolicy.base()
  policy.get('login')?.checks.add(accountMayLogIn(deps))
  return policy
}
