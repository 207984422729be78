import type { IncomingMessage, ServerResponse } from 'node:http'
import Provider from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { onlyMachineScopes, unauthorizedClientForGrantType } from './client-credentials.js'
import { secretMatches } from './clients.secret.js'
import { codesForTheChosenAccount } from './oidc.act-for.js'
import { OIDC_ROUTES, providerConfiguration } from './oidc.configuration.js'
import { bindRefreshTokensToDpopKey } from './oidc.dpop.js'
import { providerKeys } from './oidc.keys.js'
import { installLogout } from './oidc.logout.js'

type Built = {
  provider: Provider
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>
  fingerprint: string
  checkedAt: number
}

export type OidcRuntime = {
  /** The issuer identifier: OIDC_ISSUER, else the public URL's origin. */
  issuer: string
  /** The provider for the current signing keys (rebuilt when a rotation changes them). */
  current(): Promise<Built>
}

export const issuerOf = (config: Deps['config']) =>
  config.OIDC_ISSUER?.replace(/\/$/, '') ?? new URL(config.publicUrl).origin

type Keys = Awaited<ReturnType<typeof providerKeys>>

const build = (deps: Deps, issuer: string, keys: Keys): Omit<Built, 'checkedAt'> => {
  const provider = new Provider(issuer, providerConfiguration(deps, keys.jwks))
  // Behind the same proxies as Fastify (trustProxy): X-Forwarded-Proto decides whether cookies are secure.
  provider.proxy = true
  // Client secrets are stored hashed (clients.adapter.ts): compare the hash of what the client presents.
  provider.Client.prototype.compareClientSecret = function (
    this: { clientSecret?: string },
    presented: string,
  ) {
    return secretMatches(this.clientSecret, presented)
  }
  onlyMachineScopes(provider)
  unauthorizedClientForGrantType(provider, OIDC_ROUTES.token)
  bindRefreshTokensToDpopKey(provider)
  codesForTheChosenAccount(provider)
  installLogout(provider, deps)
  provider.on('server_error', (_ctx, err) => deps.log.error({ err }, 'oidc provider error'))
  // Koa's own last-resort handler writes to stderr; the platform logs through pino.
  provider.onerror = (err) => deps.log.error({ err }, 'oidc provider error')
  const callback = provider.callback()
  return {
    provider,
    fingerprint: keys.fingerprint,
    handle: async (req, res) => {
      await callback(req, res)
    },
  }
}

/**
 * One provider per process, rebuilt when the key store's published keys change (a rotation here or on
 * another instance, or a retired key ageing out); everything it stores is in PostgreSQL, so a rebuilt
 * provider carries on every session, code and token.
 */
export const createOidcRuntime = (deps: Deps, opts: { refreshMs?: number } = {}): OidcRuntime => {
  const refreshMs = opts.refreshMs ?? 60_000
  const issuer = issuerOf(deps.config)
  let built: Built | undefined
  let pending: Promise<Built> | undefined

  const refresh = async (): Promise<Built> => {
    const now = deps.clock.now().getTime()
    const keys = await providerKeys(deps.keys)
    if (built && built.fingerprint === keys.fingerprint) {
      built = { ...built, checkedAt: now }
      return built
    }
    built = { ...build(deps, issuer, keys), checkedAt: now }
    deps.log.info({ issuer, keys: built.fingerprint }, 'oidc provider ready')
    return built
  }

  return {
    issuer,
    current: async () => {
      if (built && deps.clock.now().getTime() - built.checkedAt < refreshMs) return built
      // One refresh at a time: concurrent requests wait for the same one.
      pending ??= refresh().finally(() => {
        pending = undefined
      })
      return pending
    },
  }
}

// The routes, the logout job and the machine-token checks of other modules share one provider per Deps:
// each runtime re-reads the key store every minute and builds its own provider.
const shared = new WeakMap<Deps, OidcRuntime>()

/** The process's provider runtime over these dependencies, made on first use. */
export const oidcRuntimeOf = (deps: Deps): OidcRuntime => {
  let runtime = shared.get(deps)
  if (!runtime) {
    runtime = createOidcRuntime(deps)
    shared.set(deps, runtime)
  }
  return runtime
}
