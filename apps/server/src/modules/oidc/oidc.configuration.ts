import type { JWK } from 'jose'
import type { Configuration } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { clientAdapter } from './clients.adapter.js'
import { findClient } from './clients.repository.js'
import { KNOWN_SCOPES } from './clients.schemas.js'
import { errorPage } from './interaction.pages.js'
import { findAccount } from './oidc.account.js'
import { payloadAdapter } from './oidc.adapter.js'
import { cookieKeys, pairwiseSubject } from './oidc.keys.js'
import { ACR_VALUES } from './oidc.levels.js'
import { interactionPolicyFor } from './oidc.policy.js'

const MINUTE = 60
const DAY = 86_400

/** Where the provider's endpoints live on the issuer (the interaction pages are ours, under /oidc/interaction). */
export const OIDC_ROUTES = {
  authorization: '/oidc/auth',
  token: '/oidc/token',
  userinfo: '/oidc/userinfo',
  jwks: '/oidc/jwks',
  revocation: '/oidc/token/revocation',
  introspection: '/oidc/token/introspection',
  end_session: '/oidc/session/end',
  pushed_authorization_request: '/oidc/par',
  registration: '/oidc/register',
  code_verification: '/oidc/device',
  device_authorization: '/oidc/device/auth',
  backchannel_authentication: '/oidc/backchannel',
  challenge: '/oidc/challenge',
  credential: '/oidc/credential',
} as const

// Sectors never change once registered, so each client's is read from the database once per process.
const sectorLookup = (deps: Pick<Deps, 'db'>) => {
  const known = new Map<string, string>()
  return async (clientId: string) => {
    const cached = known.get(clientId)
    if (cached) return cached
    const sector = (await findClient(deps.db, clientId))?.sector ?? clientId
    known.set(clientId, sector)
    return sector
  }
}

/**
 * The baseline profile (docs/oidc.md): authorization code with PKCE S256 only, ES256 signatures,
 * pairwise subjects, refresh tokens rotated on every use, revocation and introspection; nothing else on.
 */
export const providerConfiguration = (deps: Deps, jwks: { keys: JWK[] }): Configuration => {
  const pairwiseKey = deps.keys.deriveSecret('oidc/pairwise')
  const sectorOf = sectorLookup(deps)
  return {
    adapter: (name: string) => (name === 'Client' ? clientAdapter(deps) : payloadAdapter(deps, name)),
    jwks,
    cookies: {
      keys: cookieKeys(deps.keys),
      names: { session: 'dd_oidc_session', interaction: 'dd_oidc_interaction', resume: 'dd_oidc_resume' },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    scopes: [...KNOWN_SCOPES],
    claims: {
      // acr, amr and auth_time always go in the ID token (they are not personal data, and relying parties
      // must check the level): in the openid scope rather than only when a request asks for them.
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      profile: ['name', 'birthdate', 'gender'],
      vn_id: ['vn_id'],
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
    },
    acrValues: ACR_VALUES,
    subjectTypes: ['pairwise'],
    pairwiseIdentifier: async (_ctx, accountId, client) =>
      pairwiseSubject(pairwiseKey, await sectorOf(client.clientId), accountId),
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
      token_endpoint_auth_method: 'client_secret_basic',
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256'],
      userinfoSigningAlgValues: ['ES256'],
      introspectionSigningAlgValues: ['ES256'],
      authorizationSigningAlgValues: ['ES256'],
      clientAuthSigningAlgValues: ['ES256', 'PS256', 'RS256', 'EdDSA'],
      requestObjectSigningAlgValues: ['ES256'],
    },
    allowOmittingSingleRegisteredRedirectUri: false,
    conformIdTokenClaims: true,
    features: {
      devInteractions: { enabled: false },
      introspection: {
        enabled: true,
        // A relying party may introspect only the tokens issued to it.
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      // Not in this increment (docs/oidc.md): PAR, DPoP, RP-initiated logout, resource indicators.
      pushedAuthorizationRequests: { enabled: false },
      dPoP: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      resourceIndicators: { enabled: false },
    },
    ttl: {
      AccessToken: 10 * MINUTE,
      AuthorizationCode: MINUTE,
      IdToken: 10 * MINUTE,
      Interaction: 30 * MINUTE,
      RefreshToken: 30 * DAY,
      Session: deps.config.SESSION_MAX_HOURS * 3600,
      // Consent is remembered for 180 days, then asked again.
      Grant: 180 * DAY,
    },
    // Every use of a refresh token replaces it: a stolen one is good once at most, and its replay is seen.
    rotateRefreshToken: () => true,
    interactions: {
      policy: interactionPolicyFor(deps),
      url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}`,
    },
    findAccount: findAccount(deps),
    renderError: (ctx, out) => {
      ctx.type = 'html'
      ctx.body = errorPage(out.error, out.error_description)
    },
    routes: OIDC_ROUTES,
    discovery: {
      ui_locales_supported: ['vi', 'en'],
      claims_locales_supported: ['vi'],
    },
  }
}
