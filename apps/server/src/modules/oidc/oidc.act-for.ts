import Provider, { type Grant, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider'
import { z } from 'zod'
import type { Deps } from '../../deps.js'
import { dependentsToActFor } from '../accounts/index.js'
import { clientRowOnce } from './clients.lookup.js'
import { latestLiveGrantId } from './consent.repository.js'

type ActForDeps = Pick<Deps, 'db' | 'clock' | 'policy' | 'notifications'>

/** The prompt between login and consent where a representative chooses whom they sign in for. */
export const ACT_FOR_PROMPT = 'act_for'

const SUBJECT = '([0-9]{12}|NN[0-9]{10})'
export const SubjectId = z.string().regex(new RegExp(`^${SUBJECT}$`))
const ACTING = new RegExp(`^for:${SUBJECT}:by:${SUBJECT}$`)

/**
 * The provider's account for a representative signing in for a dependent: `for:<dependent>:by:<representative>`.
 * Grants, codes and tokens carry it, so a dependent's consent is apart from the representative's own, and
 * every later use can check that the representation is still live.
 */
export const actingAccountId = (dependent: string, representative: string) =>
  `for:${dependent}:by:${representative}`

export const parseActingAccountId = (accountId: string) => {
  const m = ACTING.exec(accountId)
  return m?.[1] && m[2] ? { dependent: m[1], representative: m[2] } : undefined
}

/**
 * Scopes not released for a dependent: the phone on a dependent's account is the representative's (they
 * file it with their own), and the e-mail likewise; neither is the dependent's.
 */
export const WITHHELD_FOR_DEPENDENTS: ReadonlySet<string> = new Set(['phone', 'email'])

/** Whose pairwise subject an account id stands for: the dependent's when a representative acts for them. */
export const subjectOfAccountId = (accountId: string) =>
  parseActingAccountId(accountId)?.dependent ?? accountId

// What the chooser stored in the interaction's result: a dependent's ID number, or null for oneself.
const Chosen = z.object({ actFor: z.object({ dependent: SubjectId.nullable() }) })

/** The choice made in this authorization request (the interaction's result), if any. */
export const chosenSubject = (result: unknown): { dependent: string | null } | undefined =>
  Chosen.safeParse(result).data?.actFor

/**
 * The account this authorization request is for: the logged-in citizen's, or, when they chose a dependent
 * in this very request, the acting account. The choice lives in the interaction's result on the server.
 */
export const accountIdForRequest = (ctx: KoaContextWithOIDC | undefined, accountId: string) => {
  const chosen = chosenSubject(ctx?.oidc.result)?.dependent
  return chosen && ctx?.oidc.session?.accountId === accountId ? actingAccountId(chosen, accountId) : accountId
}

/**
 * Asks "who are you signing in for?" when the relying party allows it and the citizen represents someone
 * today; once per authorization request (a remembered session asks again: the choice is per login). With
 * prompt=none the relying party gets interaction_required.
 */
export const actForPrompt = (deps: ActForDeps) =>
  new interactionPolicy.Prompt(
    { name: ACT_FOR_PROMPT, requestable: false },
    new interactionPolicy.Check(
      'choose_subject',
      'the citizen represents a dependent and chooses whom to sign in for',
      'interaction_required',
      async (ctx: KoaContextWithOIDC) => {
        const accountId = ctx.oidc.session?.accountId
        const clientId = ctx.oidc.client?.clientId
        if (!accountId || !clientId || chosenSubject(ctx.oidc.result))
          return interactionPolicy.Check.NO_NEED_TO_PROMPT
        // The flag first: a relying party without it costs no query.
        if (!(await clientRowOnce(deps, clientId))?.allow_dependents)
          return interactionPolicy.Check.NO_NEED_TO_PROMPT
        return (await dependentsToActFor(deps, accountId)).length
          ? interactionPolicy.Check.REQUEST_PROMPT
          : interactionPolicy.Check.NO_NEED_TO_PROMPT
      },
    ),
  )

/**
 * oidc-provider gives a code the session's account (the representative); the code must carry the account
 * the request resolved (loadAccount, through findAccount), so that it matches its grant. The one place
 * every code passes is its save.
 */
export const codesForTheChosenAccount = (provider: Provider) => {
  const save = provider.AuthorizationCode.prototype.save
  provider.AuthorizationCode.prototype.save = function (this: InstanceType<Provider['AuthorizationCode']>) {
    const ctx = Provider.ctx
    const resolved = ctx?.oidc.account?.accountId
    if (
      resolved &&
      this.accountId === ctx.oidc.session?.accountId &&
      parseActingAccountId(resolved)?.representative === this.accountId
    )
      this.accountId = resolved
    return save.call(this)
  }
}

/**
 * The consent to reuse: the one just given, else this session's for the relying party, else the newest
 * live one (a consent outlives the browser session), always of the account the request is for: a
 * representative's own consent never serves their dependent, nor the other way round.
 */
export const existingGrant =
  (deps: Pick<Deps, 'db' | 'clock'>) =>
  async (ctx: KoaContextWithOIDC): Promise<Grant | undefined> => {
    const clientId = ctx.oidc.client?.clientId
    const accountId = ctx.oidc.account?.accountId ?? ctx.oidc.session?.accountId
    if (!clientId || !accountId) return undefined
    const remembered = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId)
    if (remembered) {
      const grant = await ctx.oidc.provider.Grant.find(remembered)
      if (!grant || grant.accountId === accountId) return grant
    }
    const latest = await latestLiveGrantId(deps.db, accountId, clientId, deps.clock.now())
    return latest ? ctx.oidc.provider.Grant.find(latest) : undefined
  }

/**
 * oidc-provider binds a token without offline_access to the browser session and then requires the token's
 * account to be the session's: never so for a dependent's (the session is the representative's). A
 * dependent's tokens live their own lifetime instead, and stop at once when the representation ends.
 */
export const expiresWithSession = (ctx: KoaContextWithOIDC, token: { scopes: Set<string> }) =>
  !parseActingAccountId(ctx.oidc.account?.accountId ?? '') && !token.scopes.has('offline_access')
