import type { JWK } from 'jose'
import type { Configuration } from 'oidc-provider'
import type { Deps } from '../../deps.js'
import { MACHINE_SCOPES } from './client-credentials.js'
import { clientAdapter } from './clients.adapter.js'
import { findClient } from './clients.repository.js'
import { KNOWN_SCOPES } from './clients.schemas.js'
import { errorPage } from './interaction.pages.js'
import { logoutSource, postLogoutSuccessSource } from './logout.pages.js'
import { findAccount, tokenAccountLive } from './oidc.account.js'
import { existingGrant, expiresWithSession, subjectOfAccountId } from './oidc.act-for.js'
import { payloadAdapter } from './oidc.adapter.js'
import { cookieKeys, pairwiseSubject } from './oidc.keys.js'
import { ACR_VALUES } from './oidc.levels.js'
import { outboundFetch } from './oidc.logout.js'
import { interactionPolicyFor } from './oidc.policy.js'
import { IDA_DISCOVERY } from './oidc.verified-claims.js'

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
 * pairwise subjects, refresh tokens rotated on every use, revocation and introspection; PAR and DPoP
 * for whoever wants them, and required of fapi2 clients (the FAPI 2.0 profile).
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
    // The machine scopes too: oidc-provider drops scopes it does not know from client_credentials requests.
    scopes: [...KNOWN_SCOPES, ...MACHINE_SCOPES],
    claims: {
      // acr, amr and auth_time always go in the ID token (they are not personal data, and relying parties
      // must check the level): in the openid scope rather than only when a request asks for them.
      // act: the representative when a parent or guardian signs in for a dependent (docs/oidc.md).
      openid: ['sub', 'acr', 'amr', 'auth_time', 'act'],
      profile: ['name', 'birthdate', 'gender'],
      vn_id: ['vn_id'],
      address: ['address'],
      phone: ['phone_number', 'phone_number_verified'],
      email: ['email', 'email_verified'],
      vn_verified: ['verified_claims'],
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
    },
    acrValues: ACR_VALUES,
    subjectTypes: ['pairwise'],
    pairwiseIdentifier: async (_ctx, accountId, client) =>
      pairwiseSubject(pairwiseKey, await sectorOf(client.clientId), subjectOfAccountId(accountId)),
    // The sector_identifier_uri of clients.adapter.ts names the registered sector: nothing to fetch.
    sectorIdentifierUriValidate: () => false,
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
      // FAPI 2.0 §5.4.1's algorithms; RS256 is not among them.
      dPoPSigningAlgValues: ['ES256', 'EdDSA', 'PS256'],
    },
    allowOmittingSingleRegisteredRedirectUri: false,
    // The platform's own web app (the console's try-a-login page calls the token endpoint from the browser);
    // anyone else as oidc-provider's default: userinfo and public clients from their redirect URIs' origins.
    clientBasedCORS: (ctx, origin, client) =>
      origin === new URL(deps.config.publicUrl).origin ||
      ((ctx.oidc.route === 'userinfo' || client.clientAuthMethod === 'none') &&
        (client.redirectUris ?? []).some((uri) => URL.canParse(uri) && new URL(uri).origin === origin)),
    conformIdTokenClaims: true,
    features: {
      devInteractions: { enabled: false },
      introspection: {
        enabled: true,
        // A relying party may introspect only the tokens issued to it, and a dependent's only while they
        // still stand (the representation live, the relying party still allowing it).
        allowedPolicy: async (_ctx, client, token) =>
          token.clientId === client.clientId && (await tokenAccountLive(deps, token)),
      },
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      // Machine tokens for registered clients only (clients.adapter.ts); their scopes: client-credentials.ts.
      clientCredentials: { enabled: true },
      // Open to every client; a fapi2 client must use them (clients.profile.ts). The request_uri lives 60 s.
      pushedAuthorizationRequests: {
        enabled: true,
        requirePushedAuthorizationRequests: false,
        allowUnregisteredRedirectUris: false,
      },
      // Nonces are offered (one secret for every instance) but not required: see docs/oidc.md, "DPoP nonces".
      dPoP: {
        enabled: true,
        nonceSecret: deps.keys.deriveSecret('oidc/dpop-nonce'),
        requireNonce: () => false,
        allowReplay: false,
      },
      // FAPI 2.0 Security Profile checks for fapi2 clients only (assertion aud = issuer, PKCE, redirect_uri).
      fapi: {
        enabled: true,
        profile: (_ctx, client) => (client?.profile === 'fapi2' ? '2.0' : undefined),
      },
      // RP-initiated logout at /oidc/session/end, on our own pages; logout tokens to relying parties.
      rpInitiatedLogout: { enabled: true, logoutSource: logoutSource(deps), postLogoutSuccessSource },
      backchannelLogout: { enabled: true },
      // Not in this increment (docs/oidc.md): resource indicators.
      resourceIndicators: { enabled: false },
    },
    ttl: {
      AccessToken: 10 * MINUTE,
      AuthorizationCode: MINUTE,
      IdToken: 10 * MINUTE,
      Interaction: 30 * MINUTE,
      RefreshToken: 30 * DAY,
      ClientCredentials: 10 * MINUTE,
      Session: deps.config.SESSION_MAX_HOURS * 3600,
      // Consent is remembered for 180 days, then asked again.
      Grant: 180 * DAY,
    },
    // A consent outlives the browser session it was given in: a new session reuses the newest live grant
    // with this relying party, until it expires (180 days), the citizen revokes it or a logout forgets it;
    // a dependent's consent is their own (oidc.act-for.ts).
    loadExistingGrant: existingGrant(deps),
    // A token without offline_access ends with the browser session, except a dependent's (oidc.act-for.ts).
    expiresWithSession,
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
    // Back-channel logout tokens: the provider's 2.5 s timeout and SSRF guard (oidc.logout.ts).
    fetch: outboundFetch(deps.config),
    // The security profile of each client (baseline or fapi2), read by features.fapi.profile.
    extraClientMetadata: { properties: ['profile'] },
    discovery: {
      // PAR is required per client (fapi2), not of everyone: said outright rather than left implied.
      require_pushed_authorization_requests: false,
      ui_locales_supported: ['vi', 'en'],
      claims_locales_supported: ['vi'],
      ...IDA_DISCOVERY,
    },
  }
}
