import type Provider from 'oidc-provider'
import type { KoaContextWithOIDC } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { endSessionById } from '../accounts/index.js'
import { destroyPayload, findPayload, upsertPayload } from './adapter.repository.js'

type LogoutDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'otpKey' | 'log'>

// Which accounts session a provider session's login opened, kept beside the provider's own rows (and
// cleaned up with them): keyed by the provider session's uid, which stays the same for its whole life.
export const LINK = 'AccountsSessionLink'

/** The login result's field that carries the accounts session from the login page to the provider. */
export const ACCOUNTS_SESSION = 'accountsSession'

const linkSessions = (deps: LogoutDeps, providerSessionUid: string, accountsSessionId: string) =>
  upsertPayload(deps.db, {
    model: LINK,
    id: providerSessionUid,
    payload: JSON.stringify({ accountsSessionId }),
    grant_id: null,
    uid: null,
    user_code: null,
    expires_at: new Date(deps.clock.now().getTime() + deps.config.SESSION_MAX_HOURS * 3_600_000),
    consumed_at: null,
  })

const linkedAccountsSession = async (deps: LogoutDeps, providerSessionUid: string) => {
  const row = await findPayload(deps.db, LINK, providerSessionUid, deps.clock.now())
  const id = row?.payload.accountsSessionId
  return typeof id === 'string' ? id : undefined
}

/** After a login: remember its accounts session. After a logout at the provider: end that session too. */
const afterProviderRoute = async (deps: LogoutDeps, ctx: KoaContextWithOIDC) => {
  const { route, session, result, params } = ctx.oidc
  const login = result?.login
  if (route === 'resume' && session?.accountId && login?.accountId === session.accountId) {
    const accountsSession = login[ACCOUNTS_SESSION]
    if (typeof accountsSession === 'string') await linkSessions(deps, session.uid, accountsSession)
    return
  }
  // "Yes" on the logout page (or the provider's own logout when another account logs in): a 303 onwards.
  if (route === 'end_session_confirm' && params?.logout && ctx.status === 303 && session) {
    const accountsSession = await linkedAccountsSession(deps, session.uid)
    if (accountsSession)
      await endSessionById(deps, accountsSession, {
        ip: ctx.ip,
        userAgent: ctx.get('user-agent') || undefined,
      })
    await destroyPayload(deps.db, LINK, session.uid)
  }
}

/**
 * Ties the provider's session to the accounts session its login opened, and reports back-channel
 * logout deliveries: a relying party that does not answer is logged, never shown to the citizen.
 */
export const installLogout = (provider: Provider, deps: LogoutDeps) => {
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
    await next()
    if (!ctx.oidc) return
    try {
      await afterProviderRoute(deps, ctx)
    } catch (err) {
      // The provider's part is done and answered; a failure here must not turn it into an error page.
      deps.log.error({ err, route: ctx.oidc.route }, 'oidc logout: accounts session not linked or not ended')
    }
  })
  provider.on('backchannel.success', (_ctx, client, _accountId, sid) =>
    deps.log.info({ clientId: client.clientId, sid }, 'oidc back-channel logout delivered'),
  )
  provider.on('backchannel.error', (_ctx, err, client, _accountId, sid) =>
    deps.log.warn(
      { err, clientId: client.clientId, uri: client.backchannelLogoutUri, sid },
      'oidc back-channel logout failed',
    ),
  )
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * oidc-provider's outgoing requests (back-channel logout tokens). It gives each a 2.5 s timeout and a
 * dispatcher that refuses private and loopback addresses (SSRF); outside production, a relying party
 * registered on this machine (http://localhost, allowed for development) is reached without that guard.
 */
export const outboundFetch =
  (config: Pick<Deps['config'], 'NODE_ENV'>) =>
  (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const target = new URL(input instanceof Request ? input.url : input)
    if (config.NODE_ENV === 'production' || !LOOPBACK.has(target.hostname) || !init) return fetch(input, init)
    const { dispatcher: _guard, ...rest } = init
    return fetch(input, rest)
  }
