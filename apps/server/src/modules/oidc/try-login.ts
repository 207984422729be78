import type { Deps } from '../../deps.js'
import { fail } from '../../platform/errors.js'
import { OIDC } from './oidc.errors.js'
import { sandboxOn } from './onboarding.service.js'

/** The developer console's "try a login" callback page (apps/web/src/areas/developers/try/). */
export const TRY_LOGIN_PATH = '/developers/try/callback'

/** The platform's own redirect URI for trying a login from the console, on the web app's public address. */
export const tryLoginRedirectUri = (config: Deps['config']) => `${config.publicUrl}${TRY_LOGIN_PATH}`

/** The URI if this deployment offers try-a-login (a sandbox), else null. */
export const tryLoginOffered = (config: Deps['config']) =>
  sandboxOn(config) ? tryLoginRedirectUri(config) : null

/**
 * The try-a-login URI is never stored with a client: an applicant listing it (for a production client or a
 * sandbox one) is refused, as the provider adds it to sandbox clients by itself.
 */
export const refuseTryLoginUri = (config: Deps['config'], redirectUris: readonly string[]) => {
  const reserved = tryLoginRedirectUri(config)
  if (redirectUris.some((u) => u.trim() === reserved))
    fail(
      OIDC.REDIRECT_URI_INVALID,
      `${reserved} belongs to the platform's try-a-login page; sandbox clients get it by themselves`,
    )
}

// A client's kind never changes once registered (the application and its client are written together).
const sandboxKinds = (deps: Pick<Deps, 'db'>) => {
  const known = new Map<string, boolean>()
  return async (clientId: string) => {
    const cached = known.get(clientId)
    if (cached !== undefined) return cached
    const row = await deps.db
      .selectFrom('oidc_application')
      .select('kind')
      .where('client_id', '=', clientId)
      .executeTakeFirst()
    const sandbox = row?.kind === 'sandbox'
    known.set(clientId, sandbox)
    return sandbox
  }
}

/**
 * The redirect URIs the provider accepts for a client: the stored ones, never the try-a-login URI, which
 * only a sandbox client gets, and only while the deployment is a sandbox (a production client never does).
 */
export const providerRedirectUris = (deps: Pick<Deps, 'db' | 'config'>) => {
  const isSandboxClient = sandboxKinds(deps)
  return async (clientId: string, stored: readonly string[]): Promise<string[]> => {
    const reserved = tryLoginRedirectUri(deps.config)
    const own = stored.filter((u) => u !== reserved)
    if (!sandboxOn(deps.config) || !(await isSandboxClient(clientId))) return own
    return [...own, reserved]
  }
}
